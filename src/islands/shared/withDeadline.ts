// Every wait has an end: the work gets an AbortSignal for its fetches, and after `ms`
// the signal fires and the promise rejects with DeadlineError, so a stalled script or
// request never leaves a resident looking at a spinner. What they typed stays.

export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/** How long sending or looking up may take, all steps together (argon2id, proof of work, the request). */
export const RESIDENT_DEADLINE_MS = 45_000;

export function withDeadline<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new DeadlineError(`took longer than ${ms} ms`));
    }, ms);
  });
  return Promise.race([work(controller.signal), deadline]).finally(() => clearTimeout(timer));
}
