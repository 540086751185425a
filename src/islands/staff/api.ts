// Calls to the staff API. Every answer becomes a result object; a 401 (session gone)
// goes to one handler that wipes the keys and shows the sign-in form again.

export type ApiResult<T> = { ok: true; status: number; body: T } | { ok: false; status: number; code: string };

export interface StaffApi {
  get<T>(path: string): Promise<ApiResult<T>>;
  post<T>(path: string, body?: unknown): Promise<ApiResult<T>>;
  del<T>(path: string): Promise<ApiResult<T>>;
}

async function errorCode(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code : 'unknown';
  } catch {
    return 'unknown';
  }
}

export function createStaffApi(onExpired: () => void): StaffApi {
  async function call<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return { ok: false, status: 0, code: 'network' };
    }
    if (response.status === 401) {
      onExpired();
      return { ok: false, status: 401, code: 'session_expired' };
    }
    if (!response.ok) return { ok: false, status: response.status, code: await errorCode(response) };
    if (response.status === 204) return { ok: true, status: 204, body: undefined as T };
    try {
      return { ok: true, status: response.status, body: (await response.json()) as T };
    } catch {
      return { ok: false, status: response.status, code: 'bad_json' };
    }
  }
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    del: (path) => call('DELETE', path),
  };
}
