import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, totpCode, verifyTotp } from './totp';

describe('one-time codes (RFC 6238)', () => {
  // RFC 6238 appendix B: secret "12345678901234567890", SHA1, time 59 s → 94287082 (8 digits).
  it('matches the RFC test vectors', () => {
    const secret = base32Encode(Buffer.from('12345678901234567890'));
    expect(totpCode(secret, 59_000, 8)).toBe('94287082');
    expect(totpCode(secret, 1_111_111_109_000, 8)).toBe('07081804');
    expect(hotp(Buffer.from('12345678901234567890'), 0)).toBe('755224'); // RFC 4226 appendix D
  });

  it('accepts one 30-second step of clock drift, not two', () => {
    const secret = base32Encode(Buffer.from('abcdefghijabcdefghij'));
    const now = 1_800_000_000_000;
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), now)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, now - 60_000), now)).toBe(false);
    expect(verifyTotp(secret, '12345', now)).toBe(false);
  });

  it('round-trips base32', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 255, 7]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });
});
