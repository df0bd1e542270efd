export const TEST_PASSWORD = 'MatKhauKiemThu2026';
