// A small typed fetch client for the Thi Hành API.
// - JSON in, JSON out; every error answer { error: { code, message, issues } } becomes an ApiError.
// - Signed-in state changes carry the session's CSRF token (X-CSRF-Token).
// - A 401 on an authenticated call tells the session layer that the session has ended.

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: FieldIssue[];

  constructor(status: number, code: string, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }

  /** The first message for a field: matches "roles", "roles.0" or "roles[0]" for path "roles". */
  fieldError(path: string): string | undefined {
    return this.issues.find((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`))
      ?.message;
  }

  /** Issues that no field of the form shows (so the form can show them near its submit button). */
  otherIssues(shownPaths: readonly string[]): FieldIssue[] {
    return this.issues.filter(
      (i) => !shownPaths.some((p) => i.path === p || i.path.startsWith(`${p}.`) || i.path.startsWith(`${p}[`)),
    );
  }

  get isForbidden(): boolean {
    return this.status === 403;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** A message to show for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.';
}

const STATUS_MESSAGES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ.',
  401: 'Bạn cần đăng nhập để tiếp tục.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy dữ liệu yêu cầu.',
  409: 'Dữ liệu đã thay đổi hoặc bị trùng. Vui lòng tải lại rồi thử lại.',
  413: 'Dữ liệu gửi lên quá lớn.',
  429: 'Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
};

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;
let refreshCsrf: (() => Promise<string | null>) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The session layer registers how to react to an ended session and how to fetch a fresh CSRF token. */
export function configureClient(opts: { onUnauthorized: () => void; refreshCsrf: () => Promise<string | null> }): void {
  onUnauthorized = opts.onUnauthorized;
  refreshCsrf = opts.refreshCsrf;
}

export type Query = Record<string, string | number | boolean | null | undefined | ReadonlyArray<string | number>>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Calls where a 401 is an ordinary answer (login, /auth/me): don't treat it as an ended session. */
  anonymous?: boolean;
  /** Extra headers (an organisation's access key). */
  headers?: Record<string, string>;
}

export function buildUrl(path: string, query?: Query): string {
  const url = `/api${path.startsWith('/') ? path : `/${path}`}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  try {
    return await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body: method === 'GET' ? undefined : JSON.stringify(opts.body ?? {}),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.');
  }
}

async function toError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  const err = (body as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | null)?.error;
  if (err && typeof err.message === 'string') {
    const issues = Array.isArray(err.issues)
      ? err.issues.filter((i): i is FieldIssue => typeof i?.path === 'string' && typeof i?.message === 'string')
      : [];
    return new ApiError(res.status, typeof err.code === 'string' ? err.code : 'error', err.message, issues);
  }
  const fallback =
    res.status >= 500
      ? 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau ít phút.'
      : (STATUS_MESSAGES[res.status] ?? 'Yêu cầu không thành công.');
  return new ApiError(res.status, res.status >= 500 ? 'internal' : 'error', fallback);
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  let res = await send(path, opts);
  // A stale CSRF token (e.g. after signing in again in another tab): fetch a fresh one and retry once.
  if (res.status === 403 && (opts.method ?? 'GET') !== 'GET' && refreshCsrf) {
    const copy = res.clone();
    const code = await copy.json().then(
      (b: { error?: { code?: string } }) => b?.error?.code,
      () => undefined,
    );
    if (code === 'csrf') {
      const token = await refreshCsrf();
      if (token) {
        csrfToken = token;
        res = await send(path, opts);
      }
    }
  }
  if (!res.ok) {
    const error = await toError(res);
    if (res.status === 401 && !opts.anonymous) onUnauthorized?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};
