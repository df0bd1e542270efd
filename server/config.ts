import path from 'node:path';
import { z } from 'zod';

const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  DATABASE_READ_URL: z.string().optional(),
  DATABASE_LISTEN_URL: z.string().optional(),
  DANGVU_DATA_DIR: z.string().default('./data'),
  DANGVU_COOKIE_SECRET: z.string().min(32).optional(),
  DANGVU_SEED: z.enum(['demo', 'none']).default('demo'),
  DANGVU_SESSION_HOURS: z.coerce.number().positive().default(12),
  NODE_ENV: z.string().default('development'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  /** A hot standby for lag-tolerant reads (docs/scaling.md). */
  databaseReadUrl?: string;
  /** The primary for the change feed's LISTEN when DATABASE_URL goes through PgBouncer. */
  databaseListenUrl?: string;
  dataDir: string;
  cookieSecret?: string;
  seed: 'demo' | 'none';
  sessionHours: number;
  secureCookies: boolean;
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL || undefined,
    databaseReadUrl: c.DATABASE_READ_URL || undefined,
    databaseListenUrl: c.DATABASE_LISTEN_URL || undefined,
    dataDir: path.resolve(c.DANGVU_DATA_DIR),
    cookieSecret: c.DANGVU_COOKIE_SECRET,
    seed: c.DANGVU_SEED,
    sessionHours: c.DANGVU_SESSION_HOURS,
    secureCookies: c.NODE_ENV === 'production',
  };
};
