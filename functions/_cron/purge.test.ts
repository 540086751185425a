// The scheduled purge on a real local D1: a case nobody opened is gone once its retention
// has passed, with a purge row in the audit log, and a second run in the same hour waits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../_app/app';
import { startLocalD1, type LocalD1 } from '../../tests/helpers/localD1';
import { askQuestion } from '../../tests/helpers/resident';
import { loadSodium } from '../../tests/helpers/sodiumNode';
import { DEFAULT_RETENTION } from '../_app/retention';
import purgeWorker from './purge';

let d1: LocalD1;
const app = createApp();

async function runCron(at: Date) {
  const pending: Promise<unknown>[] = [];
  const ctx = { waitUntil: (p: Promise<unknown>) => void pending.push(p), passThroughOnException: () => undefined, props: {} } as unknown as ExecutionContext;
  await purgeWorker.scheduled({ scheduledTime: at.getTime(), cron: '17 * * * *', noRetry: () => undefined } as ScheduledController, d1.env, ctx);
  await Promise.all(pending);
}

beforeAll(async () => {
  d1 = await startLocalD1();
});
afterAll(() => d1?.dispose());

describe('scheduled purge', () => {
  it('deletes a never-opened case after its retention, audited, and runs at most once an hour', async () => {
    const asked = await askQuestion((p, init) => app.request(p, init, d1.env), await loadSodium());
    const exists = () => d1.env.DB.prepare('SELECT count(*) AS n FROM cases WHERE id = ?').bind(asked.id).first('n');

    await runCron(new Date());
    expect(await exists()).toBe(1);

    const later = new Date(Date.now() + (DEFAULT_RETENTION.unopenedDays + 1) * 86_400_000);
    await runCron(later);
    expect(await exists()).toBe(0);
    expect(await d1.env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.purge' AND case_id = ?").bind(asked.id).first('n')).toBe(1);

    // The same hour again: the run is already claimed, nothing happens (no second purge row).
    const second = await askQuestion((p, init) => app.request(p, init, d1.env), await loadSodium());
    await d1.env.DB.prepare("UPDATE cases SET created_day = '2000-01-01' WHERE id = ?").bind(second.id).run();
    await runCron(later);
    expect(await d1.env.DB.prepare('SELECT count(*) AS n FROM cases WHERE id = ?').bind(second.id).first('n')).toBe(1);
  });
});
