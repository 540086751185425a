// The inbox list on a real local D1: every case reachable by paging whatever the
// count, filters on what the server knows, and new/unread markers per member.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { createApp } from './app';
import { startLocalD1, type LocalD1 } from '../../tests/helpers/localD1';
import { signIn, loadSodium, type Sodium } from '../../tests/helpers/sodiumNode';
import { insertJunkCases } from '../../tests/helpers/junkCases';
import { askQuestion, sendFollowUp } from '../../tests/helpers/resident';
import { CaseList } from '../../src/lib/schemas/caseListItem';

let d1: LocalD1;
let sodium: Sodium;
const app = createApp();
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
});
afterAll(() => d1?.dispose());

async function list(cookie: string, query = ''): Promise<CaseList> {
  const res = await request(`/api/staff/cases${query}`, { headers: { cookie } });
  expect(res.status, await res.clone().text()).toBe(200);
  return v.parse(CaseList, await res.json());
}

async function everyPage(cookie: string, query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: CaseList = await list(cookie, `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    ids.push(...page.cases.map((c) => c.id));
    cursor = page.next;
  } while (cursor);
  return ids;
}

describe('paging', () => {
  it('reaches every one of 1,130 cases, newest first, with no case twice', async () => {
    const ids = await insertJunkCases(d1.env.DB, 'nieuwland-groenoord', 1130);
    const { cookie } = await signIn(request, 'intake.nieuwland');
    const first = await list(cookie);
    expect(first.cases).toHaveLength(50);
    expect(first.total).toBe(1130);
    const all = await everyPage(cookie, '?limit=200');
    expect(all).toEqual([...ids].reverse());

    // By last activity: cases touched on a later day come first, the rest keep their order.
    const touched = [ids[10]!, ids[500]!];
    for (const id of touched) await d1.env.DB.prepare("UPDATE cases SET last_activity_day = '2999-01-01' WHERE id = ?").bind(id).run();
    const byActivity = await everyPage(cookie, '?sort=activity&limit=150');
    expect(byActivity).toHaveLength(1130);
    expect(byActivity.slice(0, 2)).toEqual([ids[500], ids[10]]);
    expect(new Set(byActivity).size).toBe(1130);
  });
});

describe('filters', () => {
  it('filters by status, kind and the start of a case number, and refuses a malformed query with a JSON error', async () => {
    const [question] = await insertJunkCases(d1.env.DB, 'woudhoek-kethel-spaland', 1);
    const [appointment] = await insertJunkCases(d1.env.DB, 'woudhoek-kethel-spaland', 1, new Date(), { kind: 'appointment' });
    await d1.env.DB.prepare("UPDATE cases SET status = 'afgerond' WHERE id = ?").bind(question).run();
    const { cookie } = await signIn(request, 'teamlead.woudhoek');
    expect((await list(cookie, '?kind=appointment')).cases.map((c) => c.id)).toEqual([appointment]);
    expect((await list(cookie, '?status=afgerond')).cases.map((c) => c.id)).toEqual([question]);
    expect((await list(cookie, '?status=open')).cases.map((c) => c.id)).toEqual([appointment]);
    expect((await list(cookie, `?q=${question!.slice(0, 8).toUpperCase()}`)).cases.map((c) => c.id)).toEqual([question]);
    for (const bad of ['?status=gelezen', '?limit=0', '?limit=500', '?cursor=abc', '?q=%27%20OR%201', '?extra=1']) {
      const res = await request(`/api/staff/cases${bad}`, { headers: { cookie } });
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code, bad).toBe('invalid_query');
    }
  });
});

describe('new and unread', () => {
  it('marks a case new until this member opens it, and counts the resident’s messages since', async () => {
    const asked = await askQuestion(request, sodium, { neighbourhood: 'oost', consent: 'team' });
    const intake = await signIn(request, 'intake.centrum');
    const line = async (cookie: string) => (await list(cookie)).cases.find((c) => c.id === asked.id)!;
    expect(await line(intake.cookie)).toMatchObject({ unseen: true, unread: 0 });
    const before = (await list(intake.cookie)).attention;
    expect(before).toBeGreaterThanOrEqual(1);

    await request(`/api/staff/cases/${asked.id}`, { headers: { cookie: intake.cookie } });
    expect(await line(intake.cookie)).toMatchObject({ unseen: false, unread: 0 });
    expect((await list(intake.cookie)).attention).toBe(before - 1);

    expect((await sendFollowUp(request, sodium, asked, 1, 'Nog een vraag')).status).toBe(201);
    expect((await sendFollowUp(request, sodium, asked, 2, 'En nog een')).status).toBe(201);
    expect(await line(intake.cookie)).toMatchObject({ unseen: false, unread: 2 });
    expect((await list(intake.cookie)).attention).toBe(before);

    // Another member's markers are their own.
    const lead = await signIn(request, 'teamlead.centrum');
    expect(await line(lead.cookie)).toMatchObject({ unseen: true, unread: 2 });

    await request(`/api/staff/cases/${asked.id}`, { headers: { cookie: intake.cookie } });
    expect(await line(intake.cookie)).toMatchObject({ unseen: false, unread: 0 });
  });
});
