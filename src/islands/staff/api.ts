// Calls to the staff API. Every answer becomes a result object; a 401 (session gone)
// goes to one handler that wipes the keys and shows the sign-in form again.

/** A refused call: the error code, and the API's (English) message and field issues for mapping to Dutch texts. */
export type ApiFailure = { ok: false; status: number; code: string; message?: string; issues?: { path: string; message: string }[] };
export type ApiResult<T> = { ok: true; status: number; body: T } | ApiFailure;

export interface StaffApi {
  get<T>(path: string): Promise<ApiResult<T>>;
  post<T>(path: string, body?: unknown): Promise<ApiResult<T>>;
  del<T>(path: string, body?: unknown): Promise<ApiResult<T>>;
}

async function failure(response: Response): Promise<ApiFailure> {
  const out: ApiFailure = { ok: false, status: response.status, code: 'unknown' };
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown; issues?: unknown } };
    if (typeof body.error?.code === 'string') out.code = body.error.code;
    if (typeof body.error?.message === 'string') out.message = body.error.message;
    if (Array.isArray(body.error?.issues)) {
      out.issues = body.error.issues.filter(
        (i): i is { path: string; message: string } => typeof i?.path === 'string' && typeof i?.message === 'string',
      );
    }
  } catch {
    // No JSON body: the status says enough.
  }
  return out;
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
    if (!response.ok) return failure(response);
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
    del: (path, body) => call('DELETE', path, body),
  };
}
