import path from 'node:path';
import { z } from 'zod';
import { preparedStatementsWanted } from './db/prepared-statements';

const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  DATABASE_READ_URL: z.string().optional(),
  DATABASE_LISTEN_URL: z.string().optional(),
  DATABASE_PREPARED_STATEMENTS: z.string().optional(),
  DANGVU_DATA_DIR: z.string().default('./data'),
  DANGVU_COOKIE_SECRET: z.string().min(32).optional(),
  // No default here: the default depends on NODE_ENV (below).
  DANGVU_SEED: z.enum(['demo', 'none']).optional(),
  DANGVU_SESSION_HOURS: z.coerce.number().positive().default(12),
  DANGVU_LOG: z.string().optional(),
  NODE_ENV: z.string().default('development'),
  // Notifications (server/modules/notifications): e-mail through this SMTP server when set
  // (smtp://user:pass@host:587, smtps://…), and the job's interval in minutes (0: never on a timer).
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().optional(),
  DANGVU_NOTIFY_MINUTES: z.coerce.number().min(0).max(1440).default(15),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  /** A hot standby for lag-tolerant reads (docs/scaling.md). */
  databaseReadUrl?: string;
  /** The primary for the change feed's LISTEN when DATABASE_URL goes through PgBouncer. */
  databaseListenUrl?: string;
  /** Named statements reused per connection (server/db/prepared-statements.ts); off behind PgBouncer 1.18. */
  preparedStatements: boolean;
  dataDir: string;
  cookieSecret?: string;
  /** What an empty database gets at the first start. */
  seed: 'demo' | 'none';
  sessionHours: number;
  /** NODE_ENV=production: a real installation (below). */
  production: boolean;
  secureCookies: boolean;
  /** Request logs (JSON lines on stdout): DANGVU_LOG=1, or production unless DANGVU_LOG=0. */
  logRequests: boolean;
  /** Notifications: the SMTP server and sender (no e-mail without it), the job's interval. */
  smtpUrl?: string;
  smtpFrom?: string;
  notifyMinutes: number;
};

/** A configuration the server cannot start with; its message says what to set, in Vietnamese. */
export class ConfigError extends Error {}

/**
 * The configuration from the environment, for the server and the command-line tools. With
 * NODE_ENV=production the defaults are a real installation's: an empty database gets no demo data
 * unless DANGVU_SEED=demo says so, cookies are `Secure` (served behind HTTPS), requests are logged.
 */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL || undefined,
    databaseReadUrl: c.DATABASE_READ_URL || undefined,
    databaseListenUrl: c.DATABASE_LISTEN_URL || undefined,
    preparedStatements: preparedStatementsWanted(c.DATABASE_PREPARED_STATEMENTS),
    dataDir: path.resolve(c.DANGVU_DATA_DIR),
    cookieSecret: c.DANGVU_COOKIE_SECRET,
    seed: c.DANGVU_SEED ?? (production ? 'none' : 'demo'),
    sessionHours: c.DANGVU_SESSION_HOURS,
    production,
    secureCookies: production,
    logRequests: c.DANGVU_LOG === '1' || (production && c.DANGVU_LOG !== '0'),
    smtpUrl: c.SMTP_URL || undefined,
    smtpFrom: c.SMTP_FROM || undefined,
    notifyMinutes: c.DANGVU_NOTIFY_MINUTES,
  };
};

/**
 * The server's configuration: `loadConfig`, and in production a cookie secret from the environment.
 * Outside production a missing secret is generated once and kept in the database; in production it
 * must come from the operator, who can keep it apart from the data and change it.
 */
export const loadServerConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const config = loadConfig(env);
  if (config.production && !config.cookieSecret)
    throw new ConfigError(
      'NODE_ENV=production cần biến môi trường DANGVU_COOKIE_SECRET: một chuỗi bí mật ngẫu nhiên ' +
        'từ 32 ký tự trở lên để ký cookie phiên đăng nhập (ví dụ tạo bằng: openssl rand -base64 48).',
    );
  return config;
};
