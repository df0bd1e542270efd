import { type DbOrTx, sql } from '../../db/client';
import { idOf } from './id-of';

/** A one-row member list as uploaded (semicolon-separated CSV). */
export const sampleImportCsv = Buffer.from('Họ và tên;Ngày sinh;Chi bộ\nA B;1/1/1990;x\n');

/** An uploaded (not yet mapped) member import of the unit with its file; returns the job's id. */
export const importJobIn = async (
  db: DbOrTx,
  orgUnitId: number,
  content: Buffer = sampleImportCsv,
): Promise<number> => {
  const job = await idOf(
    db,
    sql`insert into import_jobs (kind, org_unit_id, file_name, file_sha256, layout_fingerprint, mapping, status)
        values ('members', ${orgUnitId}, 'a.csv', 'x', 'x', '{}'::jsonb, 'uploaded') returning id`,
  );
  await db.execute(sql`insert into import_files (job_id, size, content, header_row, headers)
    values (${job}, 1, ${content}, 1, '[]'::jsonb)`);
  return job;
};
