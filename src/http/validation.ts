// Input validation messages in Vietnamese, and the hook that turns a failed validation into a 400 answer.
import { z } from 'zod';
import type { Context } from 'hono';
import { errorBody } from './errors.ts';
import { FIELD } from '../domain/input-text.ts';

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'đúng/sai',
  object: 'đối tượng',
  array: 'danh sách',
  date: 'ngày',
};

/** Clear messages for the issues people actually hit; zod's Vietnamese locale covers the rest. */
export function installVietnameseErrors(): void {
  z.config(z.locales.vi());
  z.config({
    customError: (iss) => {
      switch (iss.code) {
        case 'invalid_type':
          if (iss.input === undefined || iss.input === null) return 'Trường này là bắt buộc.';
          return `Giá trị phải là ${TYPE_NAMES[iss.expected] ?? iss.expected}.`;
        case 'too_small':
          if (iss.origin === 'string')
            return Number(iss.minimum) <= 1 ? 'Trường này không được để trống.' : `Cần ít nhất ${iss.minimum} ký tự.`;
          if (iss.origin === 'array') return `Cần ít nhất ${iss.minimum} mục.`;
          return `Giá trị phải từ ${iss.minimum} trở lên.`;
        case 'too_big':
          if (iss.origin === 'string') return `Tối đa ${iss.maximum} ký tự.`;
          if (iss.origin === 'array') return `Tối đa ${iss.maximum} mục.`;
          return `Giá trị phải không quá ${iss.maximum}.`;
        case 'invalid_value':
          return `Giá trị không hợp lệ. Chọn một trong: ${iss.values.map(String).join(', ')}.`;
        case 'unrecognized_keys':
          return `Trường không được hỗ trợ: ${iss.keys.join(', ')}.`;
        case 'invalid_format':
          if (iss.format === 'email') return 'Địa chỉ email không hợp lệ.';
          if (iss.format === 'date') return 'Ngày phải theo dạng YYYY-MM-DD.';
          if (iss.format === 'regex') return 'Giá trị không đúng định dạng.';
          return 'Giá trị không đúng định dạng.';
        default:
          return undefined;
      }
    },
  });
}

export function issuesOf(error: z.ZodError) {
  return error.issues.map((i) => {
    const path = i.path.map(String).join('.') || '(toàn bộ)';
    // A refused key of a record says why, not only that it is refused.
    const message = i.code === 'invalid_key' && i.issues[0] ? i.issues[0].message : i.message;
    // Text hygiene messages (src/domain/input-text.ts) name their field: people cannot see the character at fault.
    return { path, message: message.replace(FIELD, path) };
  });
}

/** @hono/zod-openapi calls this when a request part fails its schema. */
export function validationHook(result: { success: boolean; error?: z.ZodError; target?: string }, c: Context) {
  if (result.success || !result.error) return;
  const issues = issuesOf(result.error);
  const where =
    result.target === 'query' ? 'tham số truy vấn' : result.target === 'param' ? 'đường dẫn' : 'dữ liệu gửi lên';
  // A message that already names its field (text hygiene) is not prefixed with the path a second time.
  const summary = issues
    .map((i) => (i.message.includes(`"${i.path}"`) ? i.message : `${i.path}: ${i.message}`))
    .join('; ');
  return c.json(errorBody('validation', `Dữ liệu không hợp lệ (${where}): ${summary}`, issues), 400);
}
