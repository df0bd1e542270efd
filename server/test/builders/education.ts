import { type DbOrTx, sql } from '../../db/client';
import { idOf } from './id-of';

/**
 * A programme of study run by a committee (2026), with a model and a commitment of a member of its
 * subtree and an opinion note of a unit; returns their ids.
 */
export const educationIn = async (
  db: DbOrTx,
  committeeId: number,
  cellId: number,
  memberId: number,
  /** One spare activity, review and piece of evidence per key (the accounts), for the deletions. */
  spareKeys: string[] = [],
) => {
  const programme = await idOf(
    db,
    sql`insert into study_programmes (org_unit_id, kind, title, from_date, to_date)
        values (${committeeId}, 'annual_topic', 'Chuyên đề thử quyền', '2026-01-01', '2026-12-31')
        returning id`,
  );
  const model = await idOf(
    db,
    sql`insert into exemplary_models (org_unit_id, programme_id, title, registered_on)
        values (${cellId}, ${programme}, 'Mô hình thử quyền', '2026-02-01') returning id`,
  );
  const commitment = await idOf(
    db,
    sql`insert into study_commitments (programme_id, member_id, year, signed_on, content)
        values (${programme}, ${memberId}, 2026, '2026-02-01', 'Cam kết thử quyền') returning id`,
  );
  const note = await idOf(
    db,
    sql`insert into opinion_notes (org_unit_id, noted_on, topic, content)
        values (${cellId}, '2026-02-01', 'Dư luận thử quyền', 'Nội dung') returning id`,
  );
  const activity = await idOf(
    db,
    sql`insert into study_activities (programme_id, org_unit_id, kind, title, held_on)
        values (${programme}, ${cellId}, 'study', 'Học tập thử quyền', '2026-02-01') returning id`,
  );
  const review = await idOf(
    db,
    sql`insert into programme_reviews (programme_id, org_unit_id, kind, title, period_from, period_to, held_on)
        values (${programme}, ${committeeId}, 'interim', 'Sơ kết thử quyền', '2026-01-01', '2026-06-30',
          '2026-07-05') returning id`,
  );
  const spare: Record<'activity' | 'review' | 'evidence', Record<string, number>> = {
    activity: {},
    review: {},
    evidence: {},
  };
  for (const key of spareKeys) {
    spare.activity[key] = await idOf(
      db,
      sql`insert into study_activities (programme_id, org_unit_id, kind, title, held_on)
          values (${programme}, ${cellId}, 'study', 'Học tập ghi nhầm', '2026-02-01') returning id`,
    );
    spare.review[key] = await idOf(
      db,
      sql`insert into programme_reviews (programme_id, org_unit_id, kind, title, period_from, period_to, held_on)
          values (${programme}, ${committeeId}, 'interim', 'Sơ kết ghi nhầm', '2026-01-01',
            '2026-06-30', '2026-07-05') returning id`,
    );
    spare.evidence[key] = await idOf(
      db,
      sql`insert into exemplary_model_evidence (model_id, title)
          values (${model}, 'Minh chứng gắn nhầm') returning id`,
    );
  }
  return { programme, model, commitment, note, activity, review, spare };
};
