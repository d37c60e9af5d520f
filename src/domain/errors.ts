// Domain errors carry a stable code, an HTTP status (4xx) and a Vietnamese message.
export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly issues: FieldIssue[];
  constructor(code: string, status: number, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.code = code;
    this.status = status;
    this.issues = issues;
  }
}

export const notFound = (what: string) => new AppError('not_found', 404, `Không tìm thấy ${what}.`);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') =>
  new AppError('forbidden', 403, message);
export const unauthorized = (message = 'Bạn cần đăng nhập để tiếp tục.') => new AppError('unauthorized', 401, message);
export const conflict = (code: string, message: string) => new AppError(code, 409, message);
export const invalid = (code: string, message: string, issues: FieldIssue[] = []) =>
  new AppError(code, 422, message, issues);
