import { type DbOrTx, queryOne, type sql } from '../../db/client';

/** The id that a query returns: an `insert … returning id`, or a select of one row's id. */
export const idOf = async (db: DbOrTx, query: ReturnType<typeof sql>): Promise<number> => {
  const row = await queryOne<{ id: number }>(db, query);
  if (!row) throw new Error('builder: the query returned no row');
  return row.id;
};
