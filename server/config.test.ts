import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadServerConfig } from './config';

const secret = 'a-cookie-secret-of-at-least-thirty-two-characters';

describe('configuration', () => {
  it('development: the demo seed by default, plain cookies, no request logs', () => {
    const config = loadServerConfig({});
    expect(config).toMatchObject({
      seed: 'demo',
      production: false,
      secureCookies: false,
      logRequests: false,
    });
    expect(loadConfig({ DANGVU_LOG: '1' }).logRequests).toBe(true);
  });

  it('production refuses to start without a cookie secret, saying which variable to set', () => {
    expect(() => loadServerConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadServerConfig({ NODE_ENV: 'production' })).toThrow(/DANGVU_COOKIE_SECRET/);
    // A secret too short is refused like any invalid value.
    expect(() =>
      loadServerConfig({ NODE_ENV: 'production', DANGVU_COOKIE_SECRET: 'short' }),
    ).toThrow(/Cấu hình không hợp lệ/);
    // The command-line tools (backup, restore, report) sign no cookie and need none.
    expect(loadConfig({ NODE_ENV: 'production' }).production).toBe(true);
  });

  it('production: no demo data unless DANGVU_SEED=demo asks for it, Secure cookies, request logs', () => {
    const config = loadServerConfig({ NODE_ENV: 'production', DANGVU_COOKIE_SECRET: secret });
    expect(config).toMatchObject({
      seed: 'none',
      production: true,
      secureCookies: true,
      logRequests: true,
      cookieSecret: secret,
    });
    const env = { NODE_ENV: 'production', DANGVU_COOKIE_SECRET: secret };
    expect(loadServerConfig({ ...env, DANGVU_SEED: 'demo' }).seed).toBe('demo');
    expect(loadServerConfig({ ...env, DANGVU_LOG: '0' }).logRequests).toBe(false);
  });
});
