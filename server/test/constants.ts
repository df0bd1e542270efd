export const TEST_PASSWORD = 'MatKhauKiemThu2026';
/** Second-factor secret given to the demo accounts whose role requires it (admin, ubkt) in tests. */
export const TEST_TOTP_SECRET = 'MRQW4Z3WOUWXIZLTOQWXGZLDOJSXILJSGA';
