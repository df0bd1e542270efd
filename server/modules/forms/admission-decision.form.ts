// Quyết định kết nạp đảng viên (mẫu 9-KNĐ) and quyết định công nhận đảng viên chính thức (mẫu 16-KNĐ,
// 16A/16B in some copies ❓) of Hướng dẫn 12-HD/BTCTW, drafted from the recruitment steps already
// recorded (server/modules/recruitment: the cell's and the committee's resolutions, the decision's
// date and number). The decision is issued by the upper committee's standing committee (or a
// grassroots committee that was delegated, docs/domain/recruitment.md); the number printed is the
// one recorded with the decision step, else left blank for the office to fill. Full membership
// takes effect 12 months after the ceremony (`probationEnd`). docs/domain/forms.md.
import type { Paragraph, Table } from 'docx';
import type { FormFormat } from '../../../contracts/forms';
import { probationEnd } from '../../../domain/rules/recruitment/recruitment';
import { formatDate } from '../../../domain/text/vietnamese';
import { type Db, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { requireAccess } from '../../platform/access/records';
import { AppError } from '../../platform/errors';
import { defaultDocumentFormat, reportHeader } from '../reports';
import {
  type DocumentFormat,
  documentFormatOf,
  para,
  partyHeader,
  placeDate,
  recipientsBlock,
  renderDocument,
  run,
  signatureBlock,
  textWidth,
  title,
  todayInVietnam,
} from './docx-kit';
import { deliverForm } from './forms.service';
import { asciiName } from './member-record.form';

export type AdmissionDecision = {
  kind: 'ket-nap' | 'cong-nhan';
  superiorName: string;
  issuerName: string;
  /** "ĐẢNG ỦY KHỐI …" → the standing committee decides: "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI …". */
  decidingBody: string;
  signerAuthority: string;
  numberText: string;
  place: string;
  date: string;
  person: {
    fullName: string;
    sex: 'male' | 'female';
    birthDate: string;
    homeTown: string | null;
    workplace: string | null;
  };
  cellName: string;
  cellResolutionDate: string | null;
  committeeName: string | null;
  committeeResolutionDate: string | null;
  ceremonyDate: string | null;
};

export const renderAdmissionDecisionDocx = (
  d: AdmissionDecision,
  format: DocumentFormat = defaultDocumentFormat,
) => {
  const width = textWidth(format);
  const admit = d.kind === 'ket-nap';
  const who = d.person.sex === 'female' ? 'bà' : 'ông';
  const body = (text: string) => para(text, { align: 'justify', indent: 10, after: 60, size: 14 });
  const grounds = [
    '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
    '- Căn cứ Quy định và Hướng dẫn của Ban Chấp hành Trung ương, Ban Bí thư về thi hành Điều lệ Đảng;',
    d.cellResolutionDate
      ? `- Xét Nghị quyết ngày ${formatDate(d.cellResolutionDate)} của ${d.cellName} đề nghị ${admit ? 'kết nạp đảng viên' : 'công nhận đảng viên chính thức'}${d.committeeName && d.committeeResolutionDate ? ` và Nghị quyết ngày ${formatDate(d.committeeResolutionDate)} của ${d.committeeName}` : ''};`
      : `- Xét đề nghị của ${d.cellName};`,
    '- Xét đề nghị của Ban Tổ chức,',
  ];
  const children: (Paragraph | Table)[] = [
    partyHeader(
      {
        superiorName: d.superiorName,
        issuerName: d.issuerName,
        numberText: d.numberText,
        placeDate: placeDate(d.place, d.date),
      },
      width,
    ),
    para([run(admit ? 'Mẫu 9-KNĐ' : 'Mẫu 16-KNĐ', { size: 11, italics: true })], {
      align: 'right',
    }),
    ...title('QUYẾT ĐỊNH', [admit ? 'kết nạp đảng viên' : 'công nhận đảng viên chính thức']),
    ...grounds.map(body),
    para([run(d.decidingBody, { bold: true, size: 14 })], { align: 'center', before: 120 }),
    para([run('QUYẾT ĐỊNH', { bold: true, size: 14 })], { align: 'center', after: 120 }),
    admit
      ? body(
          `Điều 1. Kết nạp ${who} ${d.person.fullName}, sinh ngày ${formatDate(d.person.birthDate)}${d.person.homeTown ? `, quê quán ${d.person.homeTown}` : ''}${d.person.workplace ? `, đơn vị công tác ${d.person.workplace}` : ''} vào Đảng Cộng sản Việt Nam. Thời gian dự bị 12 tháng, kể từ ngày chi bộ tổ chức lễ kết nạp.`,
        )
      : body(
          `Điều 1. Công nhận đồng chí ${d.person.fullName}, sinh ngày ${formatDate(d.person.birthDate)}, vào Đảng ngày ${formatDate(d.ceremonyDate)}, là đảng viên chính thức kể từ ngày ${formatDate(d.ceremonyDate ? probationEnd(d.ceremonyDate) : null)}.`,
        ),
    body(
      admit
        ? `Điều 2. ${d.cellName} tổ chức lễ kết nạp theo quy định; các đồng chí trong chi bộ và đồng chí ${d.person.fullName} chịu trách nhiệm thi hành Quyết định này.`
        : `Điều 2. ${d.cellName} và đồng chí ${d.person.fullName} chịu trách nhiệm thi hành Quyết định này.`,
    ),
    para('', { after: 120 }),
    signatureBlock(
      width,
      { authority: d.signerAuthority, title: 'BÍ THƯ', name: '' },
      recipientsBlock(['- Như Điều 2,', `- Lưu ${admit ? 'hồ sơ kết nạp' : 'hồ sơ đảng viên'}.`]),
    ),
  ];
  return renderDocument(
    `Quyết định ${admit ? 'kết nạp đảng viên' : 'công nhận đảng viên chính thức'} – ${d.person.fullName}`,
    [{ children }],
    format,
  );
};

export const admissionDecisionForm = async ({
  db,
  actor,
  applicantId,
  kind,
  format,
}: {
  db: Db;
  actor: Actor;
  applicantId: number;
  kind: 'ket-nap' | 'cong-nhan';
  format: FormFormat;
}) => {
  await requireAccess(db, actor, 'applicant.read', applicantId);
  const a = (await queryOne<{
    full_name: string;
    sex: 'male' | 'female';
    birth_date: string;
    workplace: string | null;
    org_unit_id: number;
    cell_name: string;
    home_town: string | null;
  }>(
    db,
    sql`select a.full_name, a.sex, a.birth_date, a.workplace, a.org_unit_id, o.name as cell_name,
          m.home_town
        from applicants a join org_units o on o.id = a.org_unit_id
        left join members m on m.id = a.member_id where a.id = ${applicantId}`,
  ))!;
  const steps = await queryRows<{
    step: string;
    step_date: string;
    document_number: string | null;
  }>(
    db,
    sql`select step, step_date, document_number from recruitment_steps
        where applicant_id = ${applicantId} and outcome = 'passed' order by step_date, id`,
  );
  const stepOf = (s: string) => steps.filter((x) => x.step === s).at(-1);
  const admit = kind === 'ket-nap';
  const cellVote = stepOf(admit ? 'cell_vote' : 'recognition_cell_vote');
  if (!cellVote)
    throw new AppError('BAD_REQUEST', {
      message: admit
        ? 'Chưa ghi nghị quyết của chi bộ đề nghị kết nạp (6-KNĐ): chưa thể lập quyết định kết nạp.'
        : 'Chưa ghi nghị quyết của chi bộ đề nghị công nhận chính thức (13-KNĐ): chưa thể lập quyết định công nhận.',
    });
  const committeeVote = stepOf(admit ? 'committee_vote' : 'recognition_committee_vote');
  const decision = stepOf(admit ? 'admission_decision' : 'recognition_decision');
  const ceremony = stepOf('ceremony');
  if (!admit && !ceremony)
    throw new AppError('BAD_REQUEST', {
      message: 'Chưa ghi ngày lễ kết nạp: chưa tính được ngày công nhận chính thức.',
    });
  // The deciding committee: the upper committee above the cell (its standing committee decides),
  // else the grassroots committee (delegated).
  const decider = (await queryOne<{ id: number; kind: string; name: string }>(
    db,
    sql`select a.id, a.kind, a.name from org_units c join org_units a on a.path @> c.path
        where c.id = ${a.org_unit_id}
          and a.kind in ('upper_committee', 'grassroots_committee', 'grassroots_cell')
        order by (a.kind = 'upper_committee') desc, nlevel(a.path) desc limit 1`,
  ))!;
  const date = decision?.step_date ?? todayInVietnam();
  const header = await reportHeader(db, decider.id, date);
  const standing = decider.kind === 'upper_committee';
  const committee = committeeVote
    ? await queryOne<{ name: string }>(
        db,
        sql`select a.name from org_units c join org_units a on a.path @> c.path
            where c.id = ${a.org_unit_id} and a.kind = 'grassroots_committee'
            order by nlevel(a.path) desc limit 1`,
      )
    : null;
  const d: AdmissionDecision = {
    kind,
    superiorName: header.superiorName,
    issuerName: header.issuerName,
    decidingBody: standing ? `BAN THƯỜNG VỤ ${header.issuerName}` : header.issuerName,
    signerAuthority: standing ? 'T/M BAN THƯỜNG VỤ' : header.signer.authority,
    numberText: decision?.document_number
      ? `Số ${decision.document_number.replace(/^Số\s*/u, '')}`
      : `Số      -QĐ/${header.issuerCode}`,
    place: header.place,
    date,
    person: {
      fullName: a.full_name,
      sex: a.sex,
      birthDate: a.birth_date,
      homeTown: a.home_town,
      workplace: a.workplace,
    },
    cellName: a.cell_name,
    cellResolutionDate: cellVote.step_date,
    committeeName: committee ? committee.name.replace(/^Đảng bộ/u, 'Đảng ủy') : null,
    committeeResolutionDate: committeeVote?.step_date ?? null,
    ceremonyDate: ceremony?.step_date ?? null,
  };
  const docx = await renderAdmissionDecisionDocx(d, await documentFormatOf(db));
  const code = admit ? 'quyet-dinh-ket-nap' : 'quyet-dinh-cong-nhan-chinh-thuc';
  return deliverForm({
    db,
    actor,
    docx,
    format,
    baseName: `${code}-${asciiName(a.full_name)}`,
    audit: {
      form: code,
      entityType: 'applicant',
      entityId: applicantId,
      orgUnitId: a.org_unit_id,
      meta: { number: decision?.document_number ?? null },
    },
  });
};
