// The demo bloc's inspection, supervision and discipline work for 2025 and 2026: the programmes of
// the standing committee, the UBKT and two grassroots committees; cases opened from their items and
// a few unplanned ones (signs of violation, an accusation, a complaint), each with its steps,
// conclusion and recommendations; and a dozen discipline decisions (one expulsion, one probationer
// reprimanded, one cell reprimanded), all written through the real services so every rule applies.
// The two grassroots committees the tests use as fixtures (Sở Y tế, Bệnh viện Đa khoa tỉnh) get
// supervision only, no discipline and no open review, so the other modules' tests are unaffected.
import type { TCaseInput, TProgrammeItemInput } from '../../contracts/inspection';
import type { CaseKind, ConductingBody } from '../../domain/rules/inspection/inspection';
import { type Db, queryOne, queryRows, sql } from '../db/client';
import {
  createCase,
  createCaseFromItem,
  createProgramme,
  listProgrammes,
  recordCaseStep,
  recordConclusion,
  recordDiscipline,
  updateRecommendation,
} from '../modules/inspection';
import type { Actor } from '../platform/access/actor';
import { addDays } from './random';

const fixtureCommittees = ['Đảng bộ Sở Y tế', 'Đảng bộ Bệnh viện Đa khoa tỉnh'];

const themes: Record<CaseKind, string[]> = {
  inspection_programme: [
    'Việc lãnh đạo, chỉ đạo thực hiện Nghị quyết Đại hội đảng bộ nhiệm kỳ 2025–2030',
    'Việc thực hiện Quy định số 144-QĐ/TW về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên',
    'Việc thực hiện nguyên tắc tập trung dân chủ và quy chế làm việc của cấp ủy',
  ],
  supervision_thematic: [
    'Việc thực hiện Chỉ thị số 50-CT/TW về nâng cao chất lượng sinh hoạt chi bộ',
    'Việc kê khai, công khai tài sản, thu nhập của cán bộ thuộc diện quản lý',
    'Việc học tập, quán triệt và xây dựng chương trình hành động thực hiện nghị quyết',
  ],
  supervision_regular: ['Giám sát thường xuyên hoạt động của cấp ủy qua dự họp và báo cáo định kỳ'],
  inspection_finance: ['Việc quản lý, sử dụng tài chính đảng và thu, nộp đảng phí năm 2025'],
  inspection_discipline_execution: ['Việc thi hành kỷ luật trong Đảng của tổ chức đảng cấp dưới'],
  inspection_signs: ['Dấu hiệu vi phạm trong quản lý, sử dụng kinh phí của cơ quan'],
  inspection_accusation: ['Nội dung tố cáo về việc kê khai tài sản, thu nhập không trung thực'],
  inspection_complaint: ['Khiếu nại về quyết định kỷ luật khiển trách của chi bộ'],
};

type Unit = { id: number; name: string; kind: string };

const firstFullMembers = async (db: Db, unitId: number, n: number, standing = 'full') =>
  queryRows<{ id: number; full_name: string; org_unit_id: number }>(
    db,
    sql`select m.id, m.full_name, m.org_unit_id from members m join org_units o on o.id = m.org_unit_id
        where o.path <@ (select path from org_units where id = ${unitId}) and m.status = ${standing}
        order by m.id desc limit ${n}`,
  );

/** Run a case through its steps to a conclusion (published) or leave it open after `upTo` steps. */
const runCase = async (
  db: Db,
  actor: Actor,
  created: { id: number; version: number },
  start: string,
  opts: {
    conclude: boolean;
    number: string;
    violation?: boolean;
    outcome?: string;
    recs?: { text: string; addressee: number | null; done?: boolean }[];
  },
) => {
  let version = created.version;
  const steps: ['announced' | 'subject_report' | 'verification' | 'team_report', number][] = [
    ['announced', 6],
    ['subject_report', 20],
    ['verification', 32],
    ['team_report', 45],
  ];
  for (const [step, days] of opts.conclude ? steps : steps.slice(0, 2)) {
    const date = addDays(start, days);
    version = (
      await recordCaseStep({
        db,
        actor,
        id: created.id,
        input: { step, stepDate: date, documentNumber: null, note: null, version },
      })
    ).version;
  }
  if (!opts.conclude) return;
  const conclusionDate = addDays(start, 58);
  version = (
    await recordConclusion({
      db,
      actor,
      id: created.id,
      input: {
        conclusionNumber: opts.number,
        conclusionDate,
        conclusionText: opts.violation
          ? 'Đối tượng có vi phạm, khuyết điểm; đã nghiêm túc kiểm điểm. Đề nghị xem xét, thi hành kỷ luật theo quy định.'
          : 'Tổ chức đảng đã lãnh đạo, chỉ đạo thực hiện cơ bản tốt nội dung được kiểm tra, giám sát; còn một số hạn chế về lưu trữ hồ sơ, chế độ báo cáo.',
        reportSummary: 'Đoàn đã làm việc trực tiếp, nghiên cứu hồ sơ, tài liệu và báo cáo kết quả.',
        outcomeSummary:
          opts.outcome ??
          (opts.violation
            ? 'Có vi phạm; đề nghị thi hành kỷ luật.'
            : 'Thực hiện tốt; có một số hạn chế cần khắc phục.'),
        violationFound: opts.violation ?? false,
        publish: true,
        recommendations: (opts.recs ?? []).map((r) => ({
          text: r.text,
          addresseeOrgUnitId: r.addressee,
          dueOn: addDays(conclusionDate, 60),
        })),
        version,
      },
    })
  ).version;
  const recs = await queryRows<{ id: number; version: number }>(
    db,
    sql`select id, version from inspection_recommendations where case_id = ${created.id} order by id`,
  );
  for (const [i, r] of recs.entries()) {
    if (!opts.recs?.[i]?.done) continue;
    const doneOn = addDays(conclusionDate, 40);
    if (doneOn > '2026-11-20') continue;
    await updateRecommendation({
      db,
      actor,
      id: r.id,
      input: {
        status: 'done',
        doneOn,
        followUp: 'Đã khắc phục, báo cáo kết quả bằng văn bản.',
        version: r.version,
      },
    });
  }
};

export const seedDemoInspection = async (
  db: Db,
  actors: { office: Actor; ubkt: Actor; standing: Actor },
): Promise<{ cases: number; decisions: number }> => {
  const upper = (await queryOne<{ id: number }>(
    db,
    sql`select id from org_units where kind = 'upper_committee' order by id limit 1`,
  ))!;
  const grassroots = await queryRows<Unit>(
    db,
    sql`select id, name, kind from org_units where parent_id = ${upper.id} and dissolved_on is null
        order by id`,
  );
  const regular = grassroots.filter((g) => !fixtureCommittees.includes(g.name));
  const fixtures = grassroots.filter((g) => fixtureCommittees.includes(g.name));
  const { office, ubkt, standing } = actors;
  const item = (kind: CaseKind, u: Unit, quarter: number, k: number): TProgrammeItemInput => ({
    kind,
    subjectOrgUnitId: u.id,
    subjectText: `Ban Thường vụ ${u.name.replace('Đảng bộ', 'Đảng ủy')}`.replace(
      'Ban Thường vụ Chi bộ',
      'Chi bộ',
    ),
    theme: themes[kind][k % themes[kind].length],
    quarter,
    lead: kind.startsWith('supervision')
      ? 'Đồng chí Ủy viên Ban Thường vụ'
      : 'Đồng chí Phó Chủ nhiệm Ủy ban Kiểm tra',
  });

  // Programmes: the standing committee's (by the office) and the UBKT's for each year, one term one.
  const btvItems = (year: number) =>
    regular
      .slice(0, 6)
      .map((u, i) =>
        item(i % 2 ? 'supervision_thematic' : 'inspection_programme', u, (i % 4) + 1, i + year),
      );
  const ubktKinds: CaseKind[] = [
    'supervision_thematic',
    'inspection_finance',
    'inspection_discipline_execution',
    'supervision_thematic',
    'inspection_programme',
    'supervision_thematic',
  ];
  const ubktItems = (year: number) => [
    ...regular.slice(6, 11).map((u, i) => item(ubktKinds[i], u, (i % 4) + 1, i + year)),
    ...fixtures.map((u, i) => item('supervision_thematic', u, 2 + i, i)),
  ];
  const programmes: {
    body: ConductingBody;
    year: number;
    title: string;
    number: string;
    approved: string;
    items: TProgrammeItemInput[];
    actor: Actor;
  }[] = [
    {
      body: 'upper_standing',
      year: 2025,
      title: 'Chương trình kiểm tra, giám sát năm 2025 của Ban Thường vụ Đảng ủy',
      number: '18-CTr/ĐU',
      approved: '2025-01-15',
      items: btvItems(2025).slice(0, 4),
      actor: office,
    },
    {
      body: 'upper_inspection',
      year: 2025,
      title: 'Chương trình kiểm tra, giám sát năm 2025 của Ủy ban Kiểm tra Đảng ủy',
      number: '03-CTr/UBKT',
      approved: '2025-01-20',
      items: ubktItems(2025).slice(0, 3),
      actor: ubkt,
    },
    {
      body: 'upper_standing',
      year: 2026,
      title: 'Chương trình kiểm tra, giám sát năm 2026 của Ban Thường vụ Đảng ủy',
      number: '05-CTr/ĐU',
      approved: '2026-01-12',
      items: btvItems(2026),
      actor: office,
    },
    {
      body: 'upper_inspection',
      year: 2026,
      title: 'Chương trình kiểm tra, giám sát năm 2026 của Ủy ban Kiểm tra Đảng ủy',
      number: '12-CTr/UBKT',
      approved: '2026-01-16',
      items: ubktItems(2026),
      actor: ubkt,
    },
  ];
  for (const p of programmes)
    await createProgramme({
      db,
      actor: p.actor,
      input: {
        orgUnitId: upper.id,
        body: p.body,
        period: 'year',
        year: p.year,
        toYear: null,
        title: p.title,
        decisionNumber: p.number,
        approvedOn: p.approved,
        items: p.items,
      },
    });
  await createProgramme({
    db,
    actor: office,
    input: {
      orgUnitId: upper.id,
      body: 'upper_committee',
      period: 'term',
      year: 2025,
      toYear: 2030,
      title: 'Chương trình kiểm tra, giám sát nhiệm kỳ 2025–2030 của Ban Chấp hành Đảng bộ',
      decisionNumber: '02-CTr/ĐU',
      approvedOn: '2025-11-05',
      items: regular.slice(0, 3).map((u, i) => ({
        ...item('inspection_programme', u, null as unknown as number, i),
        quarter: null,
      })),
    },
  });
  // Two grassroots committees keep their own programmes for their cells.
  for (const g of regular.filter((u) => u.kind === 'grassroots_committee').slice(0, 2)) {
    const cells = await queryRows<Unit>(
      db,
      sql`select id, name, kind from org_units where parent_id = ${g.id} and dissolved_on is null order by id limit 3`,
    );
    await createProgramme({
      db,
      actor: office,
      input: {
        orgUnitId: g.id,
        body: 'grassroots_committee',
        period: 'year',
        year: 2026,
        toYear: null,
        title: `Chương trình kiểm tra, giám sát năm 2026 của ${g.name.replace('Đảng bộ', 'Đảng ủy')}`,
        decisionNumber: '01-CTr/ĐU',
        approvedOn: '2026-01-20',
        items: cells.map((c, i) => ({
          ...item(i % 2 ? 'supervision_thematic' : 'inspection_programme', c, i + 1, i),
          subjectText: c.name,
        })),
      },
    });
  }

  // Cases from the items: quarters already past are concluded and published; the rest are open.
  let cases = 0;
  const qd = { ubkt: 3, btv: 101, grassroots: 1 };
  const listed = await listProgrammes({ db, actor: ubkt });
  for (const p of listed.items.filter((x) => x.period === 'year')) {
    for (const it of p.items) {
      const year = p.year;
      // The UBKT's fourth-quarter items of 2026 are still planned: no case opened yet.
      if (year === 2026 && it.quarter === 4 && p.body === 'upper_inspection') continue;
      const quarterStart = `${year}-${String((it.quarter ?? 1) * 3 - 2).padStart(2, '0')}-${p.body === 'upper_standing' ? '08' : '15'}`;
      const start = year === 2026 && it.quarter === 4 ? '2026-10-12' : quarterStart;
      const conclude = !(year === 2026 && it.quarter === 4);
      const isUbkt = p.body === 'upper_inspection';
      const isGrassroots = p.body === 'grassroots_committee';
      const n = isUbkt ? qd.ubkt++ : isGrassroots ? qd.grassroots++ : qd.btv++;
      const suffix = isUbkt ? 'UBKT' : 'ĐU';
      const subjects: TCaseInput['subjects'] = [
        { kind: 'organisation', orgUnitId: it.subjectOrgUnitId! },
      ];
      // An inspection also looks at the committee's leaders (secretary, deputy) as members.
      if (it.kind === 'inspection_programme' && !isGrassroots)
        for (const m of await firstFullMembers(db, it.subjectOrgUnitId!, 2))
          subjects.push({ kind: 'member', memberId: m.id });
      const created = await createCaseFromItem({
        db,
        actor: ubkt,
        itemId: it.id,
        input: {
          decisionNumber: `${String(n).padStart(2, '0')}-QĐ/${suffix}`,
          decisionDate: start,
          plannedFrom: addDays(start, 5),
          plannedTo: addDays(start, 60),
          subjects,
          team: [
            { name: isUbkt ? 'Hoàng Văn Sơn' : 'Lương Đức Thịnh', role: 'lead', userId: null },
            { name: 'Nông Thị Mai', role: 'member', userId: null },
            { name: 'Vi Văn Toàn', role: 'secretary', userId: null },
          ],
          title: null,
          content: null,
        },
      });
      cases += 1;
      await runCase(db, ubkt, created, start, {
        conclude,
        number: `${String(n).padStart(2, '0')}-TB/${suffix}`,
        recs: [
          {
            text: 'Khắc phục hạn chế trong việc lưu trữ hồ sơ, tài liệu của cấp ủy',
            addressee: it.subjectOrgUnitId,
            done: n % 3 !== 0,
          },
          {
            text: 'Thực hiện nghiêm chế độ thông tin, báo cáo định kỳ với cấp ủy cấp trên',
            addressee: it.subjectOrgUnitId,
            done: n % 2 === 0,
          },
        ],
      });
    }
  }

  // Unplanned cases: signs of violation (concluded: discipline follows; one still open), an
  // accusation and a complaint.
  const signsUnits = regular.slice(2, 5);
  const unplanned: {
    kind: CaseKind;
    unit: Unit;
    date: string;
    conclude: boolean;
    violation: boolean;
    number: number;
  }[] = [
    {
      kind: 'inspection_signs',
      unit: signsUnits[0],
      date: '2026-02-23',
      conclude: true,
      violation: true,
      number: 21,
    },
    {
      kind: 'inspection_accusation',
      unit: signsUnits[1],
      date: '2026-05-11',
      conclude: true,
      violation: true,
      number: 34,
    },
    {
      kind: 'inspection_complaint',
      unit: signsUnits[2],
      date: '2026-06-15',
      conclude: true,
      violation: false,
      number: 41,
    },
    {
      kind: 'inspection_signs',
      unit: regular[5],
      date: '2026-11-02',
      conclude: false,
      violation: false,
      number: 57,
    },
  ];
  const caseMembers: number[] = [];
  for (const u of unplanned) {
    const [m] = await firstFullMembers(db, u.unit.id, 1);
    caseMembers.push(m.id);
    const created = await createCase({
      db,
      actor: ubkt,
      input: {
        orgUnitId: upper.id,
        body: 'upper_inspection',
        kind: u.kind,
        programmeItemId: null,
        title: `${themes[u.kind][0]} – đồng chí ${m.full_name}`,
        content: themes[u.kind][0],
        decisionNumber: `${u.number}-QĐ/UBKT`,
        decisionDate: u.date,
        plannedFrom: addDays(u.date, 3),
        plannedTo: addDays(u.date, 60),
        subjects: [{ kind: 'member', memberId: m.id }],
        team: [
          { name: 'Hoàng Văn Sơn', role: 'lead', userId: ubkt.userId },
          { name: 'Đinh Thị Hằng', role: 'member', userId: null },
        ],
      },
    });
    cases += 1;
    await runCase(db, ubkt, created, u.date, {
      conclude: u.conclude,
      number: `${u.number}-TB/UBKT`,
      violation: u.violation,
      outcome:
        u.kind === 'inspection_complaint'
          ? 'Giữ nguyên quyết định kỷ luật khiển trách của chi bộ.'
          : undefined,
    });
  }

  // Discipline decisions: the expulsion follows the first signs-of-violation case.
  let decisions = 0;
  // The demo bodies' sizes; a cell votes with its full members. One member is absent, the rest vote for.
  const bodySizes: Record<string, number> = {
    upper_committee: 33,
    upper_standing: 11,
    upper_inspection: 7,
    grassroots_committee: 9,
    grassroots_standing: 3,
    grassroots_inspection: 5,
    sub_committee: 5,
  };
  const voteOf = async (input: Parameters<typeof recordDiscipline>[0]['input']) => {
    const members =
      input.body === 'cell'
        ? Number(
            (await queryOne<{ n: number }>(
              db,
              sql`select count(*)::int as n from members where org_unit_id = ${input.bodyOrgUnitId} and status = 'full'`,
            ))!.n,
          )
        : bodySizes[input.body];
    const present = members > 2 ? members - 1 : members;
    return { members, present, inFavour: present, against: 0 };
  };
  const decide = async (input: Parameters<typeof recordDiscipline>[0]['input'], actor = ubkt) => {
    await recordDiscipline({
      db,
      actor,
      input: { ...input, vote: input.vote ?? (await voteOf(input)) },
    });
    decisions += 1;
  };
  const caseId = async (number: string) =>
    (await queryOne<{ id: number }>(
      db,
      sql`select id from inspection_cases where decision_number = ${number}`,
    ))!.id;
  const base = {
    subjectKind: 'member' as const,
    proposal: false,
    limitationGround: null,
    orgUnitId: null,
    caseId: null,
  };
  await decide({
    ...base,
    memberId: caseMembers[0],
    caseId: await caseId('21-QĐ/UBKT'),
    form: 'khai_tru',
    body: 'upper_inspection',
    bodyOrgUnitId: upper.id,
    decisionNumber: '24-QĐ/UBKT',
    violation:
      'Lợi dụng chức vụ, quyền hạn chiếm dụng kinh phí của cơ quan; vi phạm Quy định 69-QĐ/TW, đến mức phải khai trừ',
    violationFrom: '2024-03-01',
    violationTo: '2025-10-31',
    decidedOn: '2026-05-05',
    announcedOn: '2026-05-08',
    receivedOn: '2026-05-08',
  });
  await decide({
    ...base,
    memberId: caseMembers[1],
    caseId: await caseId('34-QĐ/UBKT'),
    form: 'canh_cao',
    body: 'upper_inspection',
    bodyOrgUnitId: upper.id,
    decisionNumber: '39-QĐ/UBKT',
    violation: 'Kê khai tài sản, thu nhập không trung thực (nội dung tố cáo đúng một phần)',
    violationFrom: '2025-01-15',
    decidedOn: '2026-07-20',
    announcedOn: '2026-07-24',
    receivedOn: '2026-07-25',
  });
  // Decisions of cells and grassroots committees across the bloc, 2025 and 2026.
  const spread = regular.slice(6);
  const plan: {
    form: 'khien_trach' | 'canh_cao' | 'cach_chuc';
    body: 'cell' | 'grassroots_committee' | 'upper_standing';
    date: string;
    violation: string;
  }[] = [
    {
      form: 'khien_trach',
      body: 'cell',
      date: '2026-03-18',
      violation: 'Không tham gia sinh hoạt chi bộ 2 kỳ liên tiếp không có lý do chính đáng',
    },
    {
      form: 'khien_trach',
      body: 'cell',
      date: '2026-04-22',
      violation:
        'Vi phạm quy định về những điều đảng viên không được làm (uống rượu bia trong giờ làm việc)',
    },
    {
      form: 'khien_trach',
      body: 'grassroots_committee',
      date: '2026-06-09',
      violation: 'Thiếu trách nhiệm trong quản lý hồ sơ, để thất lạc tài liệu',
    },
    {
      form: 'canh_cao',
      body: 'grassroots_committee',
      date: '2026-08-14',
      violation: 'Vi phạm quy định về thực hành tiết kiệm, chống lãng phí trong mua sắm tài sản',
    },
    {
      form: 'cach_chuc',
      body: 'upper_standing',
      date: '2026-09-25',
      violation: 'Thiếu trách nhiệm trong lãnh đạo, chỉ đạo để xảy ra sai phạm kéo dài tại đơn vị',
    },
    {
      form: 'khien_trach',
      body: 'cell',
      date: '2025-04-10',
      violation: 'Vi phạm chế độ nộp đảng phí',
    },
    {
      form: 'canh_cao',
      body: 'grassroots_committee',
      date: '2025-10-06',
      violation:
        'Vi phạm quy định về phòng, chống tham nhũng, tiêu cực (nhận quà biếu không đúng quy định)',
    },
    {
      form: 'khien_trach',
      body: 'cell',
      date: '2026-10-28',
      violation: 'Không thực hiện nhiệm vụ được chi bộ phân công',
    },
  ];
  const chosen = new Set(caseMembers);
  for (const [i, p] of plan.entries()) {
    const unit = spread[i % spread.length];
    const candidates = await firstFullMembers(db, unit.id, 4);
    const m = candidates.find((c) => !chosen.has(c.id))!;
    chosen.add(m.id);
    const bodyUnit =
      p.body === 'cell' ? m.org_unit_id : p.body === 'grassroots_committee' ? unit.id : upper.id;
    const bodyKind = (await queryOne<{ kind: string }>(
      db,
      sql`select kind from org_units where id = ${bodyUnit}`,
    ))!.kind;
    const body =
      p.body === 'grassroots_committee' && bodyKind === 'grassroots_cell' ? 'cell' : p.body;
    await decide(
      {
        ...base,
        memberId: m.id,
        form: p.form,
        body,
        bodyOrgUnitId: bodyUnit,
        decisionNumber:
          body === 'cell'
            ? `${String(i + 1).padStart(2, '0')}-QĐ/CB`
            : body === 'upper_standing'
              ? '315-QĐ/ĐU'
              : `${12 + i}-QĐ/ĐU`,
        violation: p.violation,
        violationFrom: addDays(p.date, -150),
        decidedOn: p.date,
        announcedOn: addDays(p.date, 5),
        receivedOn: addDays(p.date, 6),
      },
      p.body === 'upper_standing' ? standing : ubkt,
    );
  }
  // A probationary member reprimanded by the cell (the only forms open to probationers).
  const probationer = (
    await queryRows<{ id: number; org_unit_id: number }>(
      db,
      sql`select m.id, m.org_unit_id from members m join org_units o on o.id = m.org_unit_id
        join org_units g on o.path <@ g.path
        where m.status = 'probationary' and g.id in (${sql.join(
          spread.map((u) => sql`${u.id}`),
          sql`, `,
        )})
        order by m.id limit 1`,
    )
  )[0];
  if (probationer)
    await decide({
      ...base,
      memberId: probationer.id,
      form: 'khien_trach',
      body: 'cell',
      bodyOrgUnitId: probationer.org_unit_id,
      decisionNumber: '03-QĐ/CB',
      violation: 'Không thực hiện đúng cam kết rèn luyện trong thời gian dự bị',
      violationFrom: '2026-06-01',
      decidedOn: '2026-09-10',
      announcedOn: '2026-09-12',
      receivedOn: '2026-09-12',
    });
  // A cell reprimanded by its grassroots committee.
  const committee = spread.find((u) => u.kind === 'grassroots_committee')!;
  const cell = (await queryOne<{ id: number }>(
    db,
    sql`select id from org_units where parent_id = ${committee.id} and dissolved_on is null order by id desc limit 1`,
  ))!;
  await decide({
    ...base,
    subjectKind: 'organisation',
    memberId: null,
    orgUnitId: cell.id,
    form: 'khien_trach',
    body: 'grassroots_committee',
    bodyOrgUnitId: committee.id,
    decisionNumber: '27-QĐ/ĐU',
    violation: 'Buông lỏng lãnh đạo, không duy trì sinh hoạt chi bộ định kỳ trong 3 tháng',
    violationFrom: '2026-01-01',
    violationTo: '2026-03-31',
    decidedOn: '2026-05-26',
    announcedOn: '2026-05-29',
    receivedOn: null,
  });
  return { cases, decisions };
};
