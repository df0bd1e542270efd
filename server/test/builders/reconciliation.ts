import { type DbOrTx, sql } from '../../db/client';
import { idOf } from './id-of';

/** A reconciliation run placed at the unit, with one undecided row "only in the national database". */
export const reconciliationRunIn = async (
  db: DbOrTx,
  orgUnitId: number,
): Promise<{ run: number; item: number }> => {
  const run = await idOf(
    db,
    sql`insert into reconciliation_runs (org_unit_id, file_name, sha256, headers, mapping, counts)
        values (${orgUnitId}, 'csdl.xlsx', 'x', '[]'::jsonb, '{}'::jsonb,
          '{"rows":1,"matched":0,"membersWithDifferences":0,"differences":0,"onlyHere":0,"onlyThere":1,"outOfScope":0}'::jsonb)
        returning id`,
  );
  const item = await idOf(
    db,
    sql`insert into reconciliation_items (run_id, kind, row_number, row)
        values (${run}, 'onlyThere', 2, '{"fullName":"Người Thử Quyền"}'::jsonb) returning id`,
  );
  return { run, item };
};
