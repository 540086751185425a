// The team's slots for one day or one week, in Amsterdam time, with Previous / Today /
// Next and a jump to a date. Shared by the agenda (booking details beside booked slots)
// and the availability editor (block, unblock, delete beside each slot): the caller
// renders what goes under each slot. Every status is words plus an icon, never colour only.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { addDays } from '../../lib/time/amsterdam';
import {
  capitalise,
  fetchSlots,
  formatDateInput,
  formatDayLong,
  formatDayMedium,
  formatDayShort,
  locationName,
  mondayOf,
  parseDateInput,
  slotTimes,
  todayLocal,
  typeName,
  type AgendaSlot,
} from './slots';
import type { StaffApi } from './api';
import { StatusIcon, TypeIcon } from './slotIcons';
import { ErrorIcon, Spinner, describedBy } from './ui';
import type { Say } from './strings';

export type AgendaView = 'day' | 'week';
export interface AgendaPosition {
  view: AgendaView;
  /** Any day in the range (YYYY-MM-DD, Amsterdam); a week starts on its Monday. */
  date: string;
}

export function startPosition(view: AgendaView = 'day'): AgendaPosition {
  return { view, date: todayLocal() };
}

/** First day and number of days the position covers. */
export function rangeOf(p: AgendaPosition): { from: string; days: number } {
  return p.view === 'day' ? { from: p.date, days: 1 } : { from: mondayOf(p.date), days: 7 };
}

export function rangeLabel(say: Say, p: AgendaPosition): string {
  if (p.view === 'day') return capitalise(formatDayLong(p.date));
  const from = mondayOf(p.date);
  return say('staff.agenda.weekRange', { from: formatDayShort(from), to: formatDayShort(addDays(from, 6), true) });
}

type Load =
  | { state: 'loading'; key: string }
  | { state: 'ready'; key: string; slots: AgendaSlot[]; refreshing: boolean }
  | { state: 'failed'; key: string; forbidden: boolean };

interface Props {
  say: Say;
  api: StaffApi;
  /** Prefix for element ids, so two agendas could share a page. */
  idPrefix: string;
  /** Level of the range heading; days in a week are one level lower. */
  headingLevel: 3 | 4;
  position: AgendaPosition;
  onPosition: (p: AgendaPosition) => void;
  /** Change it to load the slots again (after the caller changed them). */
  reloadToken: number;
  /** Extra content under a slot: booking details or actions. */
  renderSlot: (slot: AgendaSlot) => ComponentChildren;
  /** Called with the slots after every load. */
  onLoaded?: (slots: AgendaSlot[]) => void;
  /** The Refresh button also refreshes this (the decrypted cases). */
  onRefresh?: () => void;
}

function Heading({ level, children, ...rest }: { level: number; children: ComponentChildren } & JSX.HTMLAttributes<HTMLHeadingElement>) {
  const Tag = (level <= 3 ? 'h3' : level === 4 ? 'h4' : 'h5') as 'h3';
  return <Tag {...rest}>{children}</Tag>;
}

export function SlotAgenda({ say, api, idPrefix: p, headingLevel, position, onPosition, reloadToken, renderSlot, onLoaded, onRefresh }: Props) {
  const { from, days } = rangeOf(position);
  const key = `${from}/${days}`;
  const [load, setLoad] = useState<Load>({ state: 'loading', key });
  const [jump, setJump] = useState('');
  const [jumpError, setJumpError] = useState<string | null>(null);
  /** The range and its counts, read out after each load; the range is visible in the heading already. */
  const [announce, setAnnounce] = useState<{ range: string; text: string } | null>(null);
  const requestRef = useRef(0);
  const jumpRef = useRef<HTMLInputElement>(null);

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
    setAnnounce(summary(r.body));
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

  function summary(slots: AgendaSlot[]): { range: string; text: string } {
    const range = rangeLabel(say, position);
    if (slots.length === 0) return { range, text: say('staff.agenda.summaryNone') };
    const count = (status: AgendaSlot['status']) => slots.filter((s) => s.status === status).length;
    return {
      range,
      text: say(slots.length === 1 ? 'staff.agenda.summaryOne' : 'staff.agenda.summary', {
        count: slots.length,
        booked: count('booked'),
        free: count('free'),
        blocked: count('blocked'),
      }),
    };
  }

  function move(step: number) {
    onPosition({ ...position, date: addDays(position.view === 'day' ? position.date : mondayOf(position.date), step * (position.view === 'day' ? 1 : 7)) });
  }

  function onJump(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const date = parseDateInput(jump);
    if (!date) {
      setJumpError(say(jump.trim() ? 'staff.agenda.jumpInvalid' : 'staff.agenda.jumpMissing'));
      jumpRef.current?.focus();
      return;
    }
    setJumpError(null);
    onPosition({ ...position, date });
  }

  const today = todayLocal();
  const ready = load.state === 'ready' && load.key === key ? load : null;
  const busy = load.key !== key || load.state === 'loading' || (load.state === 'ready' && load.refreshing);
  const unit = position.view === 'day' ? 'Day' : 'Week';

  const list = (slots: AgendaSlot[]) => (
    <ul class="achterom-slots">
      {slots.map((slot) => {
        const t = slotTimes(slot);
        const place = slot.type === 'achterom' ? locationName(slot.locationId) : null;
        return (
          <li
            key={slot.id}
            id={`${p}-slot-${slot.id}`}
            class={`achterom-slot achterom-slot--${slot.status}`}
            data-testid="slot"
            data-slot-id={slot.id}
            data-status={slot.status}
            data-type={slot.type}
            data-case-id={slot.caseId ?? undefined}
          >
            <div class="achterom-slot__head">
              <p class="achterom-slot__when">
                <time dateTime={slot.startsAt} data-testid="slot-time">
                  {t.start}–{t.end}
                </time>{' '}
                <span class="achterom-slot__duration">{say('staff.slot.minutes', { minutes: slot.durationMinutes })}</span>
              </p>
              <p class={`achterom-slot__status achterom-slot__status--${slot.status}`} data-testid="slot-status">
                <StatusIcon status={slot.status} />
                <span>{say(`staff.slot.status.${slot.status}`)}</span>
              </p>
            </div>
            <p class="achterom-slot__what">
              <TypeIcon type={slot.type} />
              <span>
                <span data-testid="slot-type">{typeName(say, slot.type)}</span>
                {place && (
                  <>
                    <span aria-hidden="true"> · </span>
                    <span class="achterom-visually-hidden">, </span>
                    <span data-testid="slot-location">{place}</span>
                  </>
                )}
              </span>
            </p>
            {renderSlot(slot)}
          </li>
        );
      })}
    </ul>
  );

  const dayHeading = headingLevel + 1;
  const weekDays = Array.from({ length: 7 }, (_, i) => addDays(mondayOf(position.date), i));

  return (
    <div class="achterom-agenda" data-testid={`${p}-agenda`} data-view={position.view} data-from={from}>
      <div class="achterom-agenda__bar">
        <div class="achterom-agenda__views" role="group" aria-label={say('staff.agenda.viewLabel')}>
          {(['day', 'week'] as const).map((view) => (
            <button
              key={view}
              type="button"
              id={`${p}-view-${view}`}
              class="achterom-agenda__view"
              aria-pressed={position.view === view ? 'true' : 'false'}
              data-testid={`${p}-view-${view}`}
              onClick={() => {
                if (position.view !== view) onPosition({ view, date: view === 'day' && position.view === 'week' && weekDays.includes(today) ? today : position.date });
              }}
            >
              {say(view === 'day' ? 'staff.agenda.viewDay' : 'staff.agenda.viewWeek')}
            </button>
          ))}
        </div>
        <div class="achterom-agenda__nav">
          <button class="achterom-button achterom-button--secondary achterom-button--small utrecht-button utrecht-button--secondary-action" type="button" id={`${p}-previous`} data-testid={`${p}-previous`} onClick={() => move(-1)}>
            <span aria-hidden="true">‹ </span>
            {say(`staff.agenda.previous${unit}`)}
          </button>
          <button class="achterom-button achterom-button--secondary achterom-button--small utrecht-button utrecht-button--secondary-action" type="button" id={`${p}-today`} data-testid={`${p}-today`} onClick={() => onPosition({ ...position, date: today })}>
            {say('staff.agenda.today')}
          </button>
          <button class="achterom-button achterom-button--secondary achterom-button--small utrecht-button utrecht-button--secondary-action" type="button" id={`${p}-next`} data-testid={`${p}-next`} onClick={() => move(1)}>
            {say(`staff.agenda.next${unit}`)}
            <span aria-hidden="true"> ›</span>
          </button>
          <button
            class="achterom-button achterom-button--secondary achterom-button--small utrecht-button utrecht-button--secondary-action"
            type="button"
            id={`${p}-refresh`}
            aria-disabled={busy ? 'true' : undefined}
            onClick={() => {
              if (busy) return;
              onRefresh?.();
              void fetchRange(true);
            }}
          >
            {say('staff.agenda.refresh')}
          </button>
        </div>
        <form class="achterom-agenda__jump" noValidate onSubmit={onJump}>
          <div class={`achterom-form-field utrecht-form-field${jumpError ? ' achterom-form-field--invalid utrecht-form-field--invalid' : ''}`}>
            <label class="achterom-form-field__label utrecht-form-label" for={`${p}-jump`}>
              {say('staff.agenda.jumpLabel')}
            </label>
            <p class="achterom-form-field__hint utrecht-form-field-description" id={`${p}-jump-hint`}>
              {say('staff.agenda.jumpHint', { example: formatDateInput(today) })}
            </p>
            {jumpError && (
              <p class="achterom-form-field__error utrecht-form-field-error-message" id={`${p}-jump-error`}>
                <ErrorIcon />
                <span>
                  <span class="achterom-visually-hidden">{say('form.errorPrefix')} </span>
                  {jumpError}
                </span>
              </p>
            )}
            <div class="achterom-agenda__jump-row">
              <input
                class="achterom-text-input achterom-text-input--date utrecht-textbox utrecht-textbox--html-input"
                type="text"
                id={`${p}-jump`}
                ref={jumpRef}
                autoComplete="off"
                spellcheck={false}
                value={jump}
                aria-invalid={jumpError ? 'true' : undefined}
                aria-describedby={describedBy(`${p}-jump-hint`, jumpError && `${p}-jump-error`)}
                onInput={(e) => setJump(e.currentTarget.value)}
              />
              <button class="achterom-button achterom-button--secondary achterom-button--small utrecht-button utrecht-button--secondary-action" type="submit" data-testid={`${p}-jump-submit`}>
                {say('staff.agenda.jumpSubmit')}
              </button>
            </div>
          </div>
        </form>
      </div>

      <Heading level={headingLevel} class="achterom-agenda__range" id={`${p}-range`} data-testid={`${p}-range`}>
        {rangeLabel(say, position)}
        {position.view === 'day' && position.date === today && <span class="achterom-agenda__today"> ({say('staff.agenda.todayMark')})</span>}
      </Heading>
      <p class="achterom-status" role="status" aria-live="polite" data-testid={`${p}-status`}>
        {busy ? (
          <>
            <Spinner />
            {say('staff.agenda.loading')}
          </>
        ) : (
          announce && (
            <>
              <span class="achterom-visually-hidden">{announce.range}: </span>
              {announce.text}
            </>
          )
        )}
      </p>

      {load.state === 'failed' && load.key === key && (
        <div class="achterom-alert utrecht-alert utrecht-alert--error" data-testid={`${p}-failed`}>
          <ErrorIcon />
          <p class="achterom-alert__text">{say(load.forbidden ? 'staff.agenda.forbidden' : 'staff.agenda.failed')}</p>
        </div>
      )}

      {ready && position.view === 'day' && (ready.slots.length ? list(ready.slots) : <p data-testid={`${p}-empty`}>{say('staff.agenda.emptyDay')}</p>)}

      {ready && position.view === 'week' && (
        <div class="achterom-agenda__week">
          {weekDays.map((date) => {
            const slots = ready.slots.filter((s) => slotTimes(s).date === date);
            const headingId = `${p}-day-${date}`;
            return (
              <section key={date} class="achterom-agenda__day" aria-labelledby={headingId} data-testid={`${p}-day`} data-date={date}>
                <Heading level={dayHeading} class="achterom-agenda__day-heading" id={headingId}>
                  {capitalise(formatDayMedium(date))}
                  {date === today && <span class="achterom-agenda__today"> ({say('staff.agenda.todayMark')})</span>}
                </Heading>
                {slots.length ? list(slots) : <p class="achterom-agenda__none">{say('staff.agenda.emptyDayShort')}</p>}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
