import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeadlineError, withDeadline } from './withDeadline';

afterEach(() => vi.useRealTimers());

describe('withDeadline', () => {
  it('passes the result of work that finishes in time', async () => {
    await expect(withDeadline(async () => 42, 1000)).resolves.toBe(42);
  });

  it('rejects with DeadlineError and aborts the signal when the work stalls', async () => {
    vi.useFakeTimers();
    let seen: AbortSignal | undefined;
    const stalled = withDeadline((signal) => {
      seen = signal;
      return new Promise<never>(() => undefined);
    }, 45_000);
    const check = expect(stalled).rejects.toBeInstanceOf(DeadlineError);
    await vi.advanceTimersByTimeAsync(44_999);
    expect(seen?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await check;
    expect(seen?.aborted).toBe(true);
  });

  it('passes on the work’s own failure', async () => {
    await expect(withDeadline(async () => Promise.reject(new TypeError('network')), 1000)).rejects.toBeInstanceOf(TypeError);
  });
});
