// Time-based one-time passwords (RFC 6238, HMAC-SHA1, 30 s, 6 digits) for the second factor.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export const base32Encode = (bytes: Buffer): string => {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
};

export const base32Decode = (text: string): Buffer => {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = BASE32.indexOf(ch);
    if (idx < 0) throw new Error('invalid base32');
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
};

export const generateTotpSecret = (): string => base32Encode(randomBytes(20));

/** The code for a counter step (RFC 4226 dynamic truncation). */
export const hotp = (secret: Buffer, counter: number, digits = 6): string => {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac('sha1', secret).update(message).digest();
  const offset = hmac[hmac.length - 1] & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
};

export const totpCode = (secretBase32: string, timeMs = Date.now(), digits = 6): string =>
  hotp(base32Decode(secretBase32), Math.floor(timeMs / 30_000), digits);

/**
 * The 30-second step whose code this is: the current step or one either side (clock drift of
 * phones); null when it matches none. The caller remembers the step so that a code is accepted
 * once (RFC 6238 §5.2: the verifier must not accept the second attempt of an OTP that was accepted).
 */
export const totpStep = (
  secretBase32: string,
  code: string,
  timeMs = Date.now(),
): number | null => {
  if (!/^\d{6}$/.test(code)) return null;
  const step = Math.floor(timeMs / 30_000);
  const secret = base32Decode(secretBase32);
  // Compare every candidate (no early exit), in constant time.
  let found: number | null = null;
  for (const d of [-1, 0, 1]) {
    const expected = Buffer.from(hotp(secret, step + d));
    if (timingSafeEqual(expected, Buffer.from(code)) && found === null) found = step + d;
  }
  return found;
};

/** Whether the code matches the current step or one either side (no memory of used codes). */
export const verifyTotp = (secretBase32: string, code: string, timeMs = Date.now()): boolean =>
  totpStep(secretBase32, code, timeMs) !== null;

export const otpauthUri = (username: string, secretBase32: string): string =>
  `otpauth://totp/${encodeURIComponent(`dangvu:${username}`)}?secret=${secretBase32}&issuer=dangvu&algorithm=SHA1&digits=6&period=30`;
