// Requests per second at 16 at once over HTTP, against the bench server: the submit path
// (POST /api/cases with a valid envelope and a solved proof of work) beside the bare
// health route of the same server. Envelopes and proofs are made before the clock runs,
// so the figure is the server's work per request.
import { junkEnvelope } from '../../../tests/helpers/junkCases';
import { powHeaders } from '../../../tests/helpers/pow';

const CONCURRENCY = 16;

async function rate(send: (i: number) => Promise<Response>, total: number): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        const res = await send(next++);
        if (res.status >= 300) throw new Error(`bench request failed: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      }
    }),
  );
  return total / ((performance.now() - t0) / 1000);
}

export async function measureSubmitRate(base: string, runs = 3): Promise<{ health: number[]; cases: number[] }> {
  const request = (p: string, init?: RequestInit) => fetch(base + p, init);
  const health: number[] = [];
  const cases: number[] = [];
  for (let r = 0; r < runs; r++) {
    // The server cannot tell random bytes in the shape of an envelope from a real one (by design).
    const ready = await Promise.all(
      Array.from({ length: 200 }, async () => ({ body: JSON.stringify(junkEnvelope('centrum-oost', { consent: 'team' })), headers: await powHeaders(request, 'case') })),
    );
    health.push(await rate(() => request('/api/health'), 600));
    cases.push(await rate((i) => request('/api/cases', { method: 'POST', headers: { 'content-type': 'application/json', ...ready[i]!.headers }, body: ready[i]!.body }), ready.length));
  }
  return { health, cases };
}
