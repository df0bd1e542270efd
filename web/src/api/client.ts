// Fetch wrapper: same-origin cookie session, CSRF header on mutations, errors as ApiError with the
// server's Vietnamese message.
export type FieldError = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let csrfToken = '';
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};
/** For requests made outside `api` (streamed answers): the session's CSRF header. */
export const csrfHeader = (): Record<string, string> => ({ 'x-csrf-token': csrfToken });

type Listener = (error: ApiError) => void;
const listeners = new Set<Listener>();
/** The app listens for 401 and "must change password" answers from any request. */
export const onApiError = (listener: Listener) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

export const toQuery = (params: Record<string, unknown>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** GETs started before the code that needs them has loaded (./app/boot.ts), each taken once. */
const early = new Map<string, { at: number; response: Promise<Response> }>();
const EARLY_MS = 10_000;

/**
 * Start a GET now: the page that asks for the same URL within a few seconds gets this answer
 * instead of waiting for its code to load first and then for the request.
 */
export const prefetch = (url: string) => {
  const response = fetch(url, { credentials: 'same-origin' });
  response.catch(() => undefined);
  early.set(url, { at: Date.now(), response });
};

const takeEarly = (method: string, url: string): Promise<Response> | null => {
  const found = method === 'GET' ? early.get(url) : undefined;
  if (!found) return null;
  early.delete(url);
  return Date.now() - found.at < EARLY_MS ? found.response : null;
};

export const api = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res =
      (await takeEarly(method, url)) ??
      (await fetch(url, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      }));
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  if (res.ok) return (await res.json()) as T;
  const data = (await res.json().catch(() => ({}))) as {
    code?: string;
    message?: string;
    fields?: FieldError[];
    details?: Record<string, unknown>;
  };
  const error = new ApiError(
    res.status,
    data.code ?? 'ERROR',
    data.message ?? 'Có lỗi xảy ra, vui lòng thử lại.',
    data.fields ?? [],
    data.details ?? {},
  );
  for (const l of listeners) l(error);
  throw error;
};

export const get = <T>(url: string) => api<T>('GET', url);
export const post = <T>(url: string, body?: unknown) => api<T>('POST', url, body ?? {});
export const put = <T>(url: string, body?: unknown) => api<T>('PUT', url, body ?? {});
export const del = <T>(url: string) => api<T>('DELETE', url);
