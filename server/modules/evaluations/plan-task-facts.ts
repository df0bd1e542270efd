// The task figures (total / on time / exceeded / late) of each subject for the period, prefilled
// from the annual-plan module into the facts when a campaign is opened: the key tasks a unit (a
// collective) or a member (a person) owns with a deadline in the period (366-QĐ/TW: 70 of the 100
// points and the hard conditions depend on them).
import type { TaskFacts } from '../../../domain/rules/evaluation/levels';
import type { DbOrTx } from '../../db/client';
import { taskFactsForMembers, taskFactsForUnits } from '../plans';

/** A subject whose task figures are wanted: key `member:<id>` or `unit:<orgUnitId>`. */
export type TaskSubject = { key: string; memberId: number | null; orgUnitId: number | null };

export const loadPlanTaskFacts = async ({
  db,
  subjects,
  period,
}: {
  db: DbOrTx;
  subjects: TaskSubject[];
  period: { from: string; to: string };
}): Promise<Map<string, TaskFacts>> => {
  const memberIds = subjects.flatMap((s) => (s.memberId === null ? [] : [s.memberId]));
  const unitIds = subjects.flatMap((s) =>
    s.memberId === null && s.orgUnitId !== null ? [s.orgUnitId] : [],
  );
  const [byMember, byUnit] = await Promise.all([
    taskFactsForMembers({ db, memberIds, ...period }),
    taskFactsForUnits({ db, unitIds, ...period }),
  ]);
  const out = new Map<string, TaskFacts>();
  for (const s of subjects) {
    const facts =
      s.memberId !== null
        ? byMember.get(s.memberId)
        : s.orgUnitId !== null
          ? byUnit.get(s.orgUnitId)
          : undefined;
    // A subject without any key task keeps the figures typed at the review.
    if (facts && facts.total > 0) out.set(s.key, facts);
  }
  return out;
};
