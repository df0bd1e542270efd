// The seam between the member lifecycle and inspection/discipline (issue 4): badges and transfers
// ask here whether a member was disciplined or is under disciplinary review. The facts come from
// the discipline register (server/modules/inspection): decisions in force today (lapsed and
// annulled ones excluded; an expulsion never lapses), and "under review" = an open case on signs of
// violation or an accusation naming the member, or an undecided discipline proposal.
import type { DbOrTx } from '../../db/client';
import { memberDisciplinesInForce, membersUnderReview } from '../members';

export type DisciplineFacts = {
  disciplines: Array<{
    form: 'khien_trach' | 'canh_cao' | 'cach_chuc' | 'khai_tru';
    decidedOn: string;
  }>;
  underReview: boolean;
};

export const disciplineRegisterAvailable = true;

export const disciplineFactsFor = async (
  db: DbOrTx,
  memberIds: number[],
): Promise<Map<number, DisciplineFacts>> => {
  const out = new Map<number, DisciplineFacts>();
  if (memberIds.length === 0) return out;
  const [inForce, review] = await Promise.all([
    memberDisciplinesInForce(db, memberIds),
    membersUnderReview(db, memberIds),
  ]);
  for (const id of new Set([...inForce.keys(), ...review])) {
    out.set(id, {
      disciplines: (inForce.get(id) ?? []).filter(
        (d): d is DisciplineFacts['disciplines'][number] => d.form !== 'giai_tan',
      ),
      underReview: review.has(id),
    });
  }
  return out;
};
