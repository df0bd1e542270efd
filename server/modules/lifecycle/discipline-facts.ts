// The seam between the member lifecycle and inspection/discipline (issue 4): badges and transfers
// ask here whether a member was disciplined or is under disciplinary review. Until the discipline
// register exists there are no recorded facts, so nothing is withheld on that ground; the pages
// say so rather than inventing a status.
import type { DbOrTx } from '../../db/client';

export type DisciplineFacts = {
  disciplines: Array<{
    form: 'khien_trach' | 'canh_cao' | 'cach_chuc' | 'khai_tru';
    decidedOn: string;
  }>;
  underReview: boolean;
};

export const disciplineRegisterAvailable = false;

export const disciplineFactsFor = async (
  _db: DbOrTx,
  _memberIds: number[],
): Promise<Map<number, DisciplineFacts>> => new Map();
