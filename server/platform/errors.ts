// One error type for the whole server: a stable English code and a Vietnamese message.
export const errorStatus = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof errorStatus;

export type FieldError = { path: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldError[];
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    options: { message: string; fields?: FieldError[]; details?: Record<string, unknown> },
  ) {
    super(options.message);
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** Not found and out of scope look the same, so errors never reveal what exists elsewhere. */
export const notFound = (what = 'bản ghi'): AppError =>
  new AppError('NOT_FOUND', {
    message: `Không tìm thấy ${what} hoặc bạn không có quyền truy cập.`,
  });

export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.'): AppError =>
  new AppError('FORBIDDEN', { message });

export const conflict = (): AppError =>
  new AppError('CONFLICT', {
    message:
      'Bản ghi đã được người khác cập nhật trong lúc bạn sửa. Hãy tải lại để xem thay đổi mới nhất rồi lưu lại.',
  });

/** Bad input on one field: the message is shown next to the field and as the overall message. */
export const invalidField = (path: string, message: string): AppError =>
  new AppError('VALIDATION', { message, fields: [{ path, message }] });
