// Inspection programmes (through the API, as the body's user) and cases (inserted as they stand
// once concluded and published).
import { type DbOrTx, sql } from '../../db/client';
import type { Session } from '../test-db';
import { idOf } from './id-of';

/**
 * A yearly programme of the body in the committee with one thematic supervision item; returns the
 * programme's id and its item's.
 */
export const programmeIn = async (
  session: Session,
  db: DbOrTx,
  committeeId: number,
  body: string,
  year = 2026,
): Promise<{ programme: number; item: number }> => {
  const programme = (
    await session.post('/api/inspection/programmes', {
      orgUnitId: committeeId,
      body,
      period: 'year',
      year,
      title: `Chương trình kiểm tra, giám sát năm ${year}`,
      items: [{ kind: 'supervision_thematic', subjectText: 'Chi bộ', theme: 'Sinh hoạt chi bộ' }],
    })
  ).json().id as number;
  const item = await idOf(
    db,
    sql`select id from inspection_programme_items where programme_id = ${programme}`,
  );
  return { programme, item };
};

/**
 * A concluded and published inspection by the committee's UBKT about one member of the cell, with
 * one recommendation; returns the case's id and the recommendation's.
 */
export const publishedCaseAbout = async (
  db: DbOrTx,
  committeeId: number,
  member: { id: number; cellId: number },
): Promise<{ caseId: number; recommendation: number }> => {
  const caseId = await idOf(
    db,
    sql`insert into inspection_cases (org_unit_id, body, kind, title, decision_number, decision_date,
          year, status, conclusion_number, conclusion_date, conclusion_text, outcome_summary, published_on)
        values (${committeeId}, 'grassroots_inspection', 'inspection_programme', 'Kiểm tra thử quyền',
          '7-QĐ/UBKT', '2026-03-02', 2026, 'concluded', '7-TB/UBKT', '2026-04-01', 'Mật', 'Tốt', '2026-04-02')
        returning id`,
  );
  await db.execute(sql`insert into inspection_case_subjects (case_id, subject_kind, org_unit_id, member_id)
    values (${caseId}, 'member', ${member.cellId}, ${member.id})`);
  const recommendation = await idOf(
    db,
    sql`insert into inspection_recommendations (case_id, text) values (${caseId}, 'Thử') returning id`,
  );
  return { caseId, recommendation };
};
