// Tests solve the real proof of work (cheap in tests: POW_MAX_COUNTER is 20) and
// can pose as different clients, since rate limits are per client address.
import type { PowPurpose } from '../../src/lib/pow/powPurpose';
import { POW_HEADER } from '../../src/lib/pow/powPurpose';
import { solvePow } from '../../src/lib/pow/solvePow';

type Request = (path: string, init?: RequestInit) => Response | Promise<Response>;

export function randomClientAddress(): string {
  const b = crypto.getRandomValues(new Uint8Array(4));
  return `198.51.${b[0]}.${b[1]}`;
}

/** Headers with a freshly solved proof of work for one purpose. */
export async function powHeaders(request: Request, purpose: PowPurpose, address = randomClientAddress(), team?: string): Promise<Record<string, string>> {
  const result = await solvePow(purpose, async (input, init) => request(input, { ...init, headers: { 'cf-connecting-ip': address } }), team);
  if (!result.ok) throw new Error(`proof of work failed: ${result.error}`);
  return { [POW_HEADER]: result.header, 'cf-connecting-ip': address };
}

/** POST JSON with a solved proof of work. */
export async function postWithPow(request: Request, path: string, purpose: PowPurpose, body: unknown, extra: Record<string, string> = {}) {
  const headers = { 'content-type': 'application/json', ...(await powHeaders(request, purpose)), ...extra };
  return request(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}
