// For the team lead, folded away under the inbox: remove a flood of junk in three steps
// (choose the day, remove, confirm; every case of that day that nobody has opened, as
// the text says before anything happens), or the lines picked in the inbox.
import { useEffect, useRef, useState } from 'preact/hooks';
import { actionDetail } from '../../lib/audit/auditRecord';
import { signAction } from './trust';
import { JUNK_IDS_MAX } from '../../lib/schemas/junkRequest';
import type { StaffApi } from './api';
import { formatDay, today } from './dates';
import { StatusLine } from '../shared/StatusLine';
import { Notice } from './ui';
import type { Say } from './strings';
import type { StaffInfo, Vault } from './types';

interface Props {
  say: Say;
  api: StaffApi;
  staff: StaffInfo;
  getVault: () => Vault | null;
  /** Inbox lines the team lead picked (at most JUNK_IDS_MAX go in one removal). */
  picked: string[];
  /** Called after a removal, so the inbox loads again (and the picks are cleared). */
  onRemoved: () => void;
}

type Count = { day: string; unopened: number; slots: number };

export function JunkPanel({ say, api, staff, getVault, picked, onRemoved }: Props) {
  const [day, setDay] = useState(today());
  /** What the confirmation is about: the unopened cases of the day, or the picked lines. */
  const [target, setTarget] = useState<'day' | 'picked'>('day');
  const [count, setCount] = useState<Count | 'failed' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  async function load(which: string) {
    setCount(null);
    setConfirming(false);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(which)) return;
    const r = await api.get<Count>(`/api/staff/junk?day=${which}`);
    setCount(r.ok ? r.body : 'failed');
  }

  useEffect(() => {
    void load(day);
  }, [day]);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  async function remove() {
    const vault = getVault();
    if (!vault || busy) return;
    setBusy(true);
    try {
      const selection = target === 'picked' ? { kind: 'ids' as const, ids: picked.slice(0, JUNK_IDS_MAX) } : { kind: 'unopened' as const, day };
      const signed = signAction(vault, staff, { action: 'case.junk', caseId: null, subjectId: null, detail: await actionDetail.junk(selection) });
      const r = await api.post<{ removed: number; freedSlots: number }>('/api/staff/junk', { selection, signed });
      setConfirming(false);
      if (r.ok) {
        setResult({ ok: true, text: say('staff.junk.done', { count: r.body.removed, slots: r.body.freedSlots }) });
        onRemoved();
        await load(day);
      } else if (r.status !== 401) setResult({ ok: false, text: say('staff.junk.failed') });
    } finally {
      setBusy(false);
    }
  }

  const ready = count !== null && count !== 'failed' ? count : null;
  return (
    <details class="achterom-junk" data-testid="junk" open={picked.length > 0 || undefined}>
      <summary>{say('staff.junk.summary')}</summary>
      <p>{say('staff.junk.intro')}</p>
      <p class="achterom-junk__warning">
        <strong>{say('staff.junk.warning')}</strong>
      </p>
      {result && (
        <Notice kind={result.ok ? 'success' : 'error'} noticeRef={resultRef} testId="junk-result">
          {result.text}
        </Notice>
      )}
      <div class="achterom-form-field utrecht-form-field">
        <label class="achterom-form-field__label utrecht-form-label" for="junk-day">
          {say('staff.junk.day')}
        </label>
        <input class="achterom-text-input utrecht-textbox utrecht-textbox--html-input achterom-junk__day" type="date" id="junk-day" value={day} max={today()} onInput={(e) => setDay(e.currentTarget.value)} />
      </div>
      <p class="achterom-status" role="status" data-testid="junk-count">
        {count === 'failed' ? say('staff.junk.countFailed') : ready ? say('staff.junk.count', { count: ready.unopened, day: formatDay(ready.day), slots: ready.slots }) : ''}
      </p>
      {ready && ready.unopened > 0 && !confirming && (
        <button
          class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action"
          type="button"
          onClick={() => {
            setTarget('day');
            setConfirming(true);
          }}
        >
          {say('staff.junk.remove', { count: ready.unopened })}
        </button>
      )}
      {picked.length > 0 && !confirming && (
        <p class="achterom-junk__picked">
          {say('staff.junk.picked', { count: Math.min(picked.length, JUNK_IDS_MAX) })}{' '}
          <button
            class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action"
            type="button"
            data-testid="junk-remove-picked"
            onClick={() => {
              setTarget('picked');
              setConfirming(true);
            }}
          >
            {say('staff.junk.removePicked', { count: Math.min(picked.length, JUNK_IDS_MAX) })}
          </button>
        </p>
      )}
      {confirming && (target === 'picked' || ready) && (
        <div class="achterom-confirm" data-testid="junk-confirm">
          <h4 id="junk-confirm-heading" tabIndex={-1} ref={confirmRef}>
            {target === 'picked'
              ? say('staff.junk.confirmPicked', { count: Math.min(picked.length, JUNK_IDS_MAX) })
              : say('staff.junk.confirm', { count: ready?.unopened ?? 0, day: formatDay(day) })}
          </h4>
          <div class="achterom-button-row">
            <button class="achterom-button achterom-button--danger utrecht-button utrecht-button--primary-action" type="button" aria-disabled={busy ? 'true' : undefined} onClick={() => void remove()}>
              {say('staff.junk.confirmYes', { count: target === 'picked' ? Math.min(picked.length, JUNK_IDS_MAX) : (ready?.unopened ?? 0) })}
            </button>
            <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="button" onClick={() => setConfirming(false)}>
              {say('staff.junk.confirmNo')}
            </button>
          </div>
          <StatusLine busy={busy} text={say('staff.junk.busy')} />
        </div>
      )}
    </details>
  );
}
