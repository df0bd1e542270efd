import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL ltree; labels are integer ids so PostgreSQL 15 accepts them. */
export const ltree = customType<{ data: string }>({ dataType: () => 'ltree' });
