// Plain Vietnamese validation messages for every zod schema, on the server and in the web forms.
import { z } from 'zod';

export const vietnameseErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'Trường này bắt buộc.';
      return 'Giá trị không đúng kiểu.';
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'Trường này bắt buộc.'
          : `Cần ít nhất ${issue.minimum} ký tự.`;
      if (issue.origin === 'array') return `Cần chọn ít nhất ${issue.minimum} mục.`;
      return `Giá trị phải từ ${issue.minimum} trở lên.`;
    case 'too_big':
      if (issue.origin === 'string') return `Tối đa ${issue.maximum} ký tự.`;
      if (issue.origin === 'array') return `Tối đa ${issue.maximum} mục.`;
      return `Giá trị phải không quá ${issue.maximum}.`;
    case 'invalid_format':
      if (issue.format === 'date') return 'Ngày không hợp lệ (định dạng năm-tháng-ngày).';
      if (issue.format === 'email') return 'Địa chỉ thư điện tử không hợp lệ.';
      if (issue.format === 'regex') return 'Giá trị không đúng định dạng.';
      return 'Giá trị không đúng định dạng.';
    case 'invalid_value':
      return 'Giá trị không nằm trong danh sách cho phép.';
    case 'unrecognized_keys':
      return `Trường không được hỗ trợ: ${issue.keys.join(', ')}.`;
    case 'invalid_union':
      return 'Dữ liệu không hợp lệ.';
    default:
      return 'Dữ liệu không hợp lệ.';
  }
};

z.config({ customError: vietnameseErrorMap });

export { z };
