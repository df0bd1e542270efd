// The task figures (total / on time / exceeded / late) of each subject for the period, prefilled
// from the annual-plan module into the facts when a campaign is opened.
import type { TaskFacts } from '../../../domain/rules/evaluation/levels';
import type { DbOrTx } from '../../db/client';

/** A subject whose task figures are wanted: key `member:<id>` or `unit:<orgUnitId>`. */
export type TaskSubject = { key: string; memberId: number | null; orgUnitId: number | null };

export const loadPlanTaskFacts = async (_input: {
  db: DbOrTx;
  subjects: TaskSubject[];
  period: { from: string; to: string };
}): Promise<Map<string, TaskFacts>> =>
  // The plan module wires in here (taskFactsForUnits / taskFactsForMembers) when it lands.
  new Map();
