// The inbox's data: a page of the member's cases from the API (what the server knows,
// nothing decrypted), filters, "more", and a quiet poll so new questions and replies
// show up without pressing anything. Polls only while the tab is visible.
import { useEffect, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { CaseList, type CaseListItem } from '../../lib/schemas/caseListItem';
import type { StaffApi } from './api';

export interface InboxQuery {
  status: '' | 'open' | 'nieuw' | 'in_behandeling' | 'afgerond';
  kind: '' | 'question' | 'appointment';
  sort: 'received' | 'activity';
  /** The start of a case number. */
  q: string;
}

export const NO_FILTER: InboxQuery = { status: '', kind: '', sort: 'received', q: '' };

export type InboxState =
  | { state: 'idle' }
  | { state: 'loading' }
  | {
      state: 'ready';
      cases: CaseListItem[];
      next: string | null;
      total: number;
      /** Cases new to this member or with unread messages, over all pages. */
      attention: number;
      refreshing: boolean;
      loadingMore: boolean;
      /** How many cases arrived with the last quiet refresh (for the announcement). */
      arrived: number;
    }
  | { state: 'forbidden' }
  | { state: 'failed' };

/** How often the inbox asks for news while the console is visible. */
export const POLL_MS = 15_000;
const PAGE = 50;
const MAX_PAGE = 200;

function search(query: InboxQuery, extra: Record<string, string>): string {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.kind) params.set('kind', query.kind);
  if (query.sort !== 'received') params.set('sort', query.sort);
  if (query.q) params.set('q', query.q);
  for (const [k, value] of Object.entries(extra)) params.set(k, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function useInbox(api: StaffApi, enabled: boolean) {
  const [inbox, setInbox] = useState<InboxState>({ state: 'idle' });
  const [query, setQueryState] = useState<InboxQuery>(NO_FILTER);
  const inboxRef = useRef(inbox);
  inboxRef.current = inbox;
  const queryRef = useRef(query);
  queryRef.current = query;
  /** Answers to an older request (another filter, a slow poll) are dropped. */
  const round = useRef(0);

  async function fetchPage(q: InboxQuery, extra: Record<string, string>) {
    const r = await api.get<unknown>(`/api/staff/cases${search(q, extra)}`);
    if (!r.ok) return { ok: false as const, status: r.status };
    const parsed = v.safeParse(CaseList, r.body);
    return parsed.success ? { ok: true as const, list: parsed.output } : { ok: false as const, status: 500 };
  }

  /**
   * Loads the first page again. A quiet refresh (the poll) renews the newest lines and
   * keeps every older line already shown, and the place to go on from, so a member deep in
   * a long list stays there; it never drops a "more" that is on its way.
   */
  async function refresh(silent = false, q: InboxQuery = queryRef.current) {
    const mine = silent ? round.current : ++round.current;
    const prev = inboxRef.current;
    const shown = prev.state === 'ready' ? prev.cases.length : 0;
    setInbox(silent && prev.state === 'ready' ? { ...prev, refreshing: true } : { state: 'loading' });
    const r = await fetchPage(q, { limit: String(silent ? Math.min(Math.max(shown, PAGE), MAX_PAGE) : PAGE) });
    if (mine !== round.current) return;
    const now = inboxRef.current;
    if (!r.ok) {
      if (r.status === 401) return;
      if (silent && now.state === 'ready') setInbox({ ...now, refreshing: false });
      else setInbox({ state: r.status === 403 ? 'forbidden' : 'failed' });
      return;
    }
    if (!silent || now.state !== 'ready') {
      setInbox({ state: 'ready', ...r.list, refreshing: false, loadingMore: false, arrived: 0 });
      return;
    }
    const fresh = new Set(r.list.cases.map((c) => c.id));
    const older = now.cases.filter((c) => !fresh.has(c.id));
    const known = new Set(now.cases.map((c) => c.id));
    const arrived = r.list.cases.filter((c) => !known.has(c.id) && c.unseen).length;
    const keepsMore = now.cases.length > r.list.cases.length;
    setInbox({
      ...now,
      cases: keepsMore ? [...r.list.cases, ...older] : r.list.cases,
      next: keepsMore ? now.next : r.list.next,
      total: r.list.total,
      attention: r.list.attention,
      refreshing: false,
      arrived,
    });
  }

  async function loadMore() {
    const prev = inboxRef.current;
    if (prev.state !== 'ready' || !prev.next || prev.loadingMore) return;
    const mine = ++round.current;
    setInbox({ ...prev, loadingMore: true });
    const r = await fetchPage(queryRef.current, { cursor: prev.next, limit: String(PAGE) });
    if (mine !== round.current) return;
    const now = inboxRef.current;
    if (now.state !== 'ready') return;
    if (!r.ok) {
      setInbox({ ...now, loadingMore: false });
      return;
    }
    const seen = new Set(now.cases.map((c) => c.id));
    setInbox({ ...now, cases: [...now.cases, ...r.list.cases.filter((c) => !seen.has(c.id))], next: r.list.next, total: r.list.total, attention: r.list.attention, loadingMore: false, arrived: 0 });
  }

  function setQuery(next: InboxQuery) {
    setQueryState(next);
    queryRef.current = next;
    void refresh(false, next);
  }

  /** Changes (or, with null, removes) one line after the member acted on the case. */
  function patch(caseId: string, change: (c: CaseListItem) => CaseListItem | null) {
    setInbox((prev) => {
      if (prev.state !== 'ready') return prev;
      const cases = prev.cases.flatMap((c) => {
        if (c.id !== caseId) return [c];
        const next = change(c);
        return next ? [next] : [];
      });
      return { ...prev, cases, total: prev.total - (prev.cases.length - cases.length) };
    });
  }

  function reset() {
    round.current++;
    setInbox({ state: 'idle' });
    setQueryState(NO_FILTER);
    queryRef.current = NO_FILTER;
  }

  // The quiet poll, and one at once when the member comes back to the tab.
  useEffect(() => {
    if (!enabled) return undefined;
    const tick = () => {
      if (document.visibilityState === 'visible' && inboxRef.current.state === 'ready') void refresh(true);
    };
    const timer = setInterval(tick, POLL_MS);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [enabled]);

  return { inbox, query, setQuery, refresh, loadMore, patch, reset };
}
