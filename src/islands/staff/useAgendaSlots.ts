// The slots of the range an agenda shows: loaded when the range changes, quietly again
// when the caller's reload token changes or Refresh is pressed. Answers for a range the
// agenda has left are dropped; each load leaves a sentence for the live region.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StaffApi } from './api';
import { loadSummary, rangeOf, type AgendaPosition } from './agendaPosition';
import { fetchSlots, type AgendaSlot } from './slots';
import type { Say } from './strings';

type Load =
  | { state: 'loading'; key: string }
  | { state: 'ready'; key: string; slots: AgendaSlot[]; refreshing: boolean }
  | { state: 'failed'; key: string; forbidden: boolean };

export function useAgendaSlots(say: Say, api: StaffApi, position: AgendaPosition, reloadToken: number, onLoaded?: (slots: AgendaSlot[]) => void) {
  const { from, days } = rangeOf(position);
  const key = `${from}/${days}`;
  const [load, setLoad] = useState<Load>({ state: 'loading', key });
  /** The range and its counts, read out after each load; the range is visible in the heading already. */
  const [announce, setAnnounce] = useState<{ range: string; text: string } | null>(null);
  const requestRef = useRef(0);

  async function fetchRange(silent: boolean) {
    const request = ++requestRef.current;
    setLoad((prev) => (silent && prev.state === 'ready' && prev.key === key ? { ...prev, refreshing: true } : { state: 'loading', key }));
    const r = await fetchSlots(api, from, days);
    if (request !== requestRef.current) return;
    if (!r.ok) {
      if (r.status === 401) return;
      setLoad({ state: 'failed', key, forbidden: r.status === 403 });
      setAnnounce(null);
      return;
    }
    setLoad({ state: 'ready', key, slots: r.body, refreshing: false });
    setAnnounce(loadSummary(say, position, r.body));
    onLoaded?.(r.body);
  }

  useEffect(() => {
    void fetchRange(false);
  }, [key]);

  const firstReload = useRef(true);
  useEffect(() => {
    if (firstReload.current) {
      firstReload.current = false;
      return;
    }
    void fetchRange(true);
  }, [reloadToken]);

  return {
    from,
    /** The slots of the range on screen, once loaded. */
    slots: load.state === 'ready' && load.key === key ? load.slots : null,
    busy: load.key !== key || load.state === 'loading' || (load.state === 'ready' && load.refreshing),
    /** Null, or whether the last load of this range failed because the member may not see it. */
    failed: load.state === 'failed' && load.key === key ? { forbidden: load.forbidden } : null,
    announce,
    refresh: () => void fetchRange(true),
  };
}
