// Biên bản sinh hoạt chi bộ (or "… chuyên đề", or "biên bản hội nghị" of a committee) drafted from a
// recorded meeting (server/modules/meetings): the unit, kind, date, title, agenda, attendance with
// absentees and their reasons, and the decisions with their owner and deadline. No national form
// number governs the minutes; the items follow the layouts party committees publish for their cells
// (Đảng ủy Khối Bình Thuận, "Sổ tay điện tử – Cách ghi chép biên bản sinh hoạt": time, place, who
// attends, chair and secretary, the number present of the total, the absentees by name and reason,
// the contents, the conclusions; a cell's "Mẫu ghi biên bản sinh hoạt chi bộ": total members, full
// and probationary, absent with reason / without reason by name, "Chủ tọa", "Thư ký"). What the
// system does not record (the hours, the place, the chair and secretary, the debate) is left as
// dotted lines to fill by hand ❓ (docs/domain/forms.md, "Biên bản sinh hoạt chi bộ").
import type { Paragraph, Table } from 'docx';
import type { FormFormat } from '../../../contracts/forms';
import { cellMeetingKinds, type MeetingKind, meetingKindLabels } from '../../../contracts/meetings';
import { formatDate, formatNumber } from '../../../domain/text/vietnamese';
import { type Db, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { requireAccess } from '../../platform/access/records';
import { defaultDocumentFormat, reportHeader } from '../reports';
import {
  type DocumentFormat,
  documentFormatOf,
  para,
  partyHeader,
  placeDate,
  renderDocument,
  run,
  signatureBlock,
  textWidth,
  title,
} from './docx-kit';
import { deliverForm } from './forms.service';

const dots = '……………………………';

/**
 * An absence whose recorded reason says there was none ("Không lý do", "không có lý do"): the
 * meetings module requires a reason for every absence, so "without reason" is recorded as words.
 */
export const isUnexcused = (reason: string | null) =>
  !reason?.trim() || /^\s*không\s+(có\s+)?lý\s+do/i.test(reason.normalize('NFC'));

export type MeetingMinutes = {
  kind: MeetingKind;
  superiorName: string;
  issuerName: string;
  place: string;
  heldOn: string;
  unitName: string;
  meetingTitle: string;
  agenda: string | null;
  /** Cell meetings: the members on the cell's roll that day and each one's attendance. */
  cell: {
    total: number;
    full: number;
    probationary: number;
    present: string[];
    absent: { name: string; reason: string | null }[];
  } | null;
  /** Conferences: the counts recorded. */
  conference: { invited: number; present: number } | null;
  decisions: { text: string; owner: string | null; deadline: string | null }[];
};

/** The title by kind: a cell's meeting, its thematic meeting, or a committee's conference. */
export const minutesTitle = (kind: MeetingKind) =>
  kind === 'cell_regular'
    ? 'BIÊN BẢN SINH HOẠT CHI BỘ'
    : kind === 'cell_thematic'
      ? 'BIÊN BẢN SINH HOẠT CHI BỘ CHUYÊN ĐỀ'
      : 'BIÊN BẢN HỘI NGHỊ';

const heading = (text: string) =>
  para([run(text, { bold: true, size: 14 })], { before: 160, after: 80, keepNext: true });
const line = (text: string | ReturnType<typeof run>[], indent = false) =>
  para(text, { after: 60, indent: indent ? 10 : undefined, size: 14 });

const attendance = (m: MeetingMinutes): Paragraph[] => {
  if (m.cell) {
    const c = m.cell;
    const excused = c.absent.filter((a) => !isUnexcused(a.reason));
    const unexcused = c.absent.filter((a) => isUnexcused(a.reason));
    const expected = c.present.length + c.absent.length;
    return [
      line(
        `- Tổng số đảng viên của chi bộ: ${formatNumber(c.total)} đồng chí (đảng viên chính thức: ${formatNumber(c.full)}, đảng viên dự bị: ${formatNumber(c.probationary)}).`,
      ),
      ...(c.total > expected
        ? [
            line(
              `- Được miễn sinh hoạt, không phải dự: ${formatNumber(c.total - expected)} đồng chí.`,
            ),
          ]
        : []),
      line(`- Số đảng viên có mặt: ${formatNumber(c.present.length)} đồng chí.`),
      line(`- Số đảng viên vắng mặt: ${formatNumber(c.absent.length)} đồng chí, trong đó:`),
      line(
        `+ Vắng mặt có lý do: ${formatNumber(excused.length)} đồng chí${excused.length ? ':' : '.'}`,
        true,
      ),
      ...excused.map((a) => line(`Đồng chí ${a.name} (${a.reason?.trim()});`, true)),
      line(
        `+ Vắng mặt không có lý do: ${formatNumber(unexcused.length)} đồng chí${unexcused.length ? ':' : '.'}`,
        true,
      ),
      ...unexcused.map((a) => line(`Đồng chí ${a.name};`, true)),
    ];
  }
  const c = m.conference ?? { invited: 0, present: 0 };
  return [
    line(`- Số đại biểu được triệu tập: ${formatNumber(c.invited)} đồng chí.`),
    line(`- Số đại biểu có mặt: ${formatNumber(c.present)} đồng chí.`),
    line(
      `- Số đại biểu vắng mặt: ${formatNumber(Math.max(0, c.invited - c.present))} đồng chí (ghi rõ họ tên, lý do): ${dots}`,
    ),
  ];
};

export const renderMeetingMinutesDocx = (
  m: MeetingMinutes,
  format: DocumentFormat = defaultDocumentFormat,
) => {
  const width = textWidth(format);
  const cellMeeting = cellMeetingKinds.includes(m.kind);
  const [y, mo] = m.heldOn.split('-');
  const summary =
    m.kind === 'cell_regular'
      ? [`Tháng ${mo} năm ${y}`]
      : m.kind === 'cell_thematic'
        ? [m.meetingTitle]
        : [meetingKindLabels[m.kind], m.meetingTitle];
  const agendaLines = (m.agenda ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const children: (Paragraph | Table)[] = [
    partyHeader(
      {
        superiorName: m.superiorName,
        issuerName: m.issuerName,
        placeDate: placeDate(m.place, m.heldOn),
      },
      width,
    ),
    ...title(minutesTitle(m.kind), summary),
    line(`- Thời gian: bắt đầu hồi …… giờ …… phút, ngày ${formatDate(m.heldOn)}.`),
    line(`- Địa điểm: ${dots}`),
    line(
      `- Thành phần: ${cellMeeting ? `đảng viên ${m.unitName}` : `${meetingKindLabels[m.kind]} – ${m.unitName}`}; đại biểu dự (nếu có): ${dots}`,
    ),
    ...attendance(m),
    line(`- Chủ trì: đồng chí ${dots}, chức vụ: ${dots}`),
    line(`- Thư ký: đồng chí ${dots}, chức vụ: ${dots}`),
    heading(`I. NỘI DUNG ${cellMeeting ? 'SINH HOẠT' : 'HỘI NGHỊ'}`),
    line(`${cellMeeting ? 'Buổi sinh hoạt' : 'Hội nghị'}: ${m.meetingTitle}.`),
    ...(agendaLines.length
      ? agendaLines.map((l) => line(l))
      : [line(dots + dots), line(dots + dots)]),
    heading('II. DIỄN BIẾN, Ý KIẾN THẢO LUẬN'),
    line(dots + dots + dots),
    line(dots + dots + dots),
    heading('III. KẾT LUẬN, NGHỊ QUYẾT'),
    ...(m.decisions.length
      ? m.decisions.map((d, i) =>
          line([
            run(`${i + 1}. ${d.text.trim()}`, { size: 14 }),
            run(
              ` – Người (bộ phận) thực hiện: ${d.owner?.trim() || dots}; thời hạn: ${d.deadline ? formatDate(d.deadline) : dots}.`,
              { size: 14, italics: true },
            ),
          ]),
        )
      : [line(dots + dots)]),
    // The closing sentence is kept with the signatures: they never stand alone on the last page.
    para(
      `${cellMeeting ? 'Buổi sinh hoạt' : 'Hội nghị'} kết thúc hồi …… giờ …… phút cùng ngày. Biên bản đã được đọc lại trước ${cellMeeting ? 'chi bộ' : 'hội nghị'} và được thông qua.`,
      { after: 60, size: 14, keepNext: true },
    ),
    para('', { after: 120, keepNext: true }),
    signatureBlock(width, { authority: '', title: 'CHỦ TRÌ', name: '' }, [
      para([run('THƯ KÝ', { bold: true, size: 14 })], { align: 'center' }),
    ]),
  ];
  return renderDocument(`${minutesTitle(m.kind)} – ${m.unitName}`, [{ children }], format);
};

export const meetingMinutesForm = async ({
  db,
  actor,
  meetingId,
  format,
}: {
  db: Db;
  actor: Actor;
  meetingId: number;
  format: FormFormat;
}) => {
  // Out of the actor's subtree: "not found", as the meeting itself answers.
  await requireAccess(db, actor, 'meeting.read', meetingId);
  const m = (await queryOne<{
    org_unit_id: number;
    unit_name: string;
    kind: MeetingKind;
    held_on: string;
    title: string;
    agenda: string | null;
    invited_count: number;
    present_count: number;
  }>(
    db,
    sql`select m.org_unit_id, o.name as unit_name, m.kind, m.held_on, m.title, m.agenda,
          m.invited_count, m.present_count
        from meetings m join org_units o on o.id = m.org_unit_id where m.id = ${meetingId}`,
  ))!;
  const cellMeeting = cellMeetingKinds.includes(m.kind);
  const marks = cellMeeting
    ? await queryRows<{ full_name: string; present: boolean; absence_reason: string | null }>(
        db,
        sql`select x.full_name, a.present, a.absence_reason from meeting_attendance a
            join members x on x.id = a.member_id where a.meeting_id = ${meetingId}
            order by x.given_name collate vi, x.full_name collate vi, x.id`,
      )
    : [];
  // The cell's roll on the day (full and probationary members), as the meeting's checklist reads it.
  const roll = cellMeeting
    ? await queryRows<{ status: string; n: number }>(
        db,
        sql`select p.status, count(*)::int as n from member_periods p
            where p.org_unit_id = ${m.org_unit_id} and p.valid_from <= ${m.held_on}
              and (p.valid_to is null or p.valid_to > ${m.held_on})
              and p.status in ('full', 'probationary')
            group by p.status`,
      )
    : [];
  const count = (s: string) => roll.find((r) => r.status === s)?.n ?? 0;
  const decisions = await queryRows<{
    text: string;
    owner: string | null;
    deadline: string | null;
  }>(
    db,
    sql`select text, owner, deadline from meeting_decisions where meeting_id = ${meetingId} order by id`,
  );
  const header = await reportHeader(db, m.org_unit_id, m.held_on);
  const minutes: MeetingMinutes = {
    kind: m.kind,
    superiorName: header.superiorName,
    issuerName: header.issuerName,
    place: header.place,
    heldOn: m.held_on,
    unitName: m.unit_name,
    meetingTitle: m.title,
    agenda: m.agenda,
    cell: cellMeeting
      ? {
          total: Math.max(count('full') + count('probationary'), marks.length),
          full: count('full'),
          probationary: count('probationary'),
          present: marks.filter((a) => a.present).map((a) => a.full_name),
          absent: marks
            .filter((a) => !a.present)
            .map((a) => ({ name: a.full_name, reason: a.absence_reason })),
        }
      : null,
    conference: cellMeeting ? null : { invited: m.invited_count, present: m.present_count },
    decisions,
  };
  const docx = await renderMeetingMinutesDocx(minutes, await documentFormatOf(db));
  return deliverForm({
    db,
    actor,
    docx,
    format,
    baseName: `bien-ban-${cellMeeting ? 'sinh-hoat-chi-bo' : 'hoi-nghi'}-${m.held_on}`,
    audit: {
      form: 'bien-ban-sinh-hoat',
      entityType: 'meeting',
      entityId: meetingId,
      orgUnitId: m.org_unit_id,
      meta: { kind: m.kind, heldOn: m.held_on },
    },
  });
};
