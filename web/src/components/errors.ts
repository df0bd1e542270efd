import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** Put the server's field errors next to the fields; return the overall message. */
export const applyApiError = (error: unknown, form?: FormInstance): string => {
  if (!(error instanceof ApiError)) return 'Có lỗi xảy ra, vui lòng thử lại.';
  if (form && error.fields.length) {
    form.setFields(
      error.fields
        .filter((f) => f.path)
        .map((f) => ({
          name: f.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
          errors: [f.message],
        })),
    );
  }
  return error.message;
};
