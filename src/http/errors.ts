// Every error answer is JSON with a stable code and a Vietnamese message. A 500 is a bug and never shows internals.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, type FieldIssue } from '../domain/errors.ts';
import { DatabaseUnavailableError, RETRY_AFTER_SECONDS } from '../db/faults.ts';
import { uniqueAnswer } from '../db/unique-constraints.ts';

export function errorBody(code: string, message: string, issues: FieldIssue[] = []) {
  return { error: { code, message, issues } };
}

const HTTP_MESSAGES: Record<number, [string, string]> = {
  400: ['bad_request', 'Yêu cầu không hợp lệ.'],
  401: ['unauthorized', 'Bạn cần đăng nhập để tiếp tục.'],
  403: ['forbidden', 'Bạn không có quyền thực hiện thao tác này.'],
  404: ['not_found', 'Không tìm thấy địa chỉ yêu cầu.'],
  405: ['method_not_allowed', 'Phương thức không được hỗ trợ.'],
  413: ['payload_too_large', 'Dữ liệu gửi lên quá lớn.'],
  415: ['unsupported_media_type', 'Định dạng dữ liệu không được hỗ trợ.'],
  429: ['rate_limited', 'Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.'],
};

export function onError(err: Error, c: Context) {
  if (err instanceof AppError) return c.json(errorBody(err.code, err.message, err.issues), err.status as 400);
  if (err instanceof HTTPException && err.status < 500) {
    const [code, message] = HTTP_MESSAGES[err.status] ?? ['bad_request', 'Yêu cầu không hợp lệ.'];
    // Body parsing failures surface as 400 HTTPExceptions ("Malformed JSON in request body").
    const detail = /json/i.test(err.message) ? 'Dữ liệu JSON không đúng cú pháp.' : message;
    return c.json(errorBody(code, detail), err.status);
  }
  if (err instanceof SyntaxError) return c.json(errorBody('bad_request', 'Dữ liệu JSON không đúng cú pháp.'), 400);
  // Postgres errors that a request can legitimately trigger (e.g. a numeric id out of range) are the client's.
  const pgCode = (err as { code?: string }).code;
  if (pgCode === '22003' || pgCode === '22P02' || pgCode === '22007' || pgCode === '22008') {
    return c.json(errorBody('bad_request', 'Giá trị gửi lên nằm ngoài phạm vi cho phép.'), 400);
  }
  // A concurrent request created the same record first: the database's rule answers, by constraint name.
  if (pgCode === '23505') {
    const a = uniqueAnswer((err as { constraint?: string }).constraint);
    return c.json(errorBody(a.code, a.message, a.issues), 409);
  }
  // Only errors the database layer classified: a mail server refusing a connection is not the database being away.
  if (err instanceof DatabaseUnavailableError) return databaseUnavailable(c, err);
  console.error(`[500] ${c.req.method} ${c.req.path}`, err);
  return c.json(
    errorBody('internal', 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại; nếu lỗi lặp lại, hãy báo quản trị hệ thống.'),
    500,
  );
}

export function notFoundHandler(c: Context) {
  return c.json(errorBody('not_found', 'Không tìm thấy địa chỉ yêu cầu.'), 404);
}

const UNAVAILABLE = 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít giây.';

/** 503 while PostgreSQL is away; a write is told whether it was saved (see src/db/faults.ts). */
function databaseUnavailable(c: Context, err: DatabaseUnavailableError) {
  const outcome = err.outcome;
  const write = c.req.method !== 'GET' && c.req.method !== 'HEAD';
  c.header('Retry-After', String(RETRY_AFTER_SECONDS));
  if (write && outcome === 'notCommitted') {
    return c.json(
      errorBody('database_unavailable.not_saved', `${UNAVAILABLE} Thao tác vừa rồi chưa được lưu: hãy thực hiện lại.`),
      503,
    );
  }
  if (write && outcome === 'unknown') {
    return c.json(
      errorBody(
        'database_unavailable.unknown',
        `${UNAVAILABLE} Mất kết nối đúng lúc lưu nên chưa xác định được thao tác vừa rồi đã được lưu hay chưa: hãy tải lại trang để kiểm tra trước khi thực hiện lại.`,
      ),
      503,
    );
  }
  return c.json(errorBody('database_unavailable', UNAVAILABLE), 503);
}
