// The accessible slot picker. Free times are native radio buttons, one fieldset per day
// with the day as legend; all times share one name, so the whole list is one tab stop
// and the arrow keys move (and select) from time to time, across days, as browsers do.
// WeekSlotPicker adds a week at a time from GET /api/slots with "Vorige/Volgende week",
// and a jump to the first free day when a week has none.
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AppointmentType } from '../../../lib/config/appointments';
import { addDays } from '../../../lib/time/amsterdam';
import { format } from '../../../lib/i18n/format';
import type { SlotPickerStrings } from '../bookingStrings';
import { fetchFreeSlots, type Slot } from './api';
import { localDateOf, mondayOf, mondayOfDate, type BookingDates } from './dates';
import { Spinner } from '../../Icon';

/** Id of the radio button of a slot, for focus and error-summary links. */
export const slotRadioId = (idPrefix: string, slotId: string) => `${idPrefix}-${slotId}`;

interface SlotListProps {
  slots: readonly Slot[];
  selectedId: string | null;
  onSelect: (slot: Slot) => void;
  dates: BookingDates;
  /** Radio group name; one group for the whole list. */
  name: string;
  idPrefix: string;
  disabled: boolean;
  /** Id of the error text when the choice is missing. */
  errorId?: string | undefined;
}

function byDay(slots: readonly Slot[]): { date: string; slots: Slot[] }[] {
  const days: { date: string; slots: Slot[] }[] = [];
  for (const slot of [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const date = localDateOf(slot.startsAt);
    const last = days[days.length - 1];
    if (last && last.date === date) last.slots.push(slot);
    else days.push({ date, slots: [slot] });
  }
  return days;
}

/** Free times grouped by day. Shows only what it is given (a week, or 409 alternatives). */
export function SlotList({ slots, selectedId, onSelect, dates, name, idPrefix, disabled, errorId }: SlotListProps) {
  return (
    <div class="achterom-slot-picker__days">
      {byDay(slots).map((day) => (
        <fieldset class="achterom-slot-picker__day" key={day.date}>
          <legend class="achterom-slot-picker__legend">{dates.localDay(day.date)}</legend>
          <div class="achterom-slot-picker__times">
            {day.slots.map((slot) => {
              const id = slotRadioId(idPrefix, slot.id);
              return (
                <div class="achterom-slot-picker__time" key={slot.id}>
                  <input
                    class="achterom-slot-picker__input utrecht-radio-button utrecht-radio-button--html-input"
                    type="radio"
                    id={id}
                    name={name}
                    value={slot.id}
                    checked={selectedId === slot.id}
                    disabled={disabled}
                    aria-invalid={errorId ? 'true' : undefined}
                    aria-describedby={errorId}
                    onChange={() => onSelect(slot)}
                  />
                  <label class="achterom-slot-picker__label" for={id}>
                    {dates.time(slot.startsAt)}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

/** What was loaded, for which week and kind: an answer for another week counts as loading. */
type Load =
  | { status: 'loading' }
  | { status: 'ready'; key: string; slots: Slot[]; nextFree: Slot | null }
  | { status: 'failed'; key: string };

export interface WeekSlotPickerProps {
  s: SlotPickerStrings;
  dates: BookingDates;
  teamId: string;
  type: AppointmentType;
  /** Monday (YYYY-MM-DD) of the week shown; kept by the parent so going back loses nothing. */
  week: string;
  onWeekChange: (week: string) => void;
  selected: Slot | null;
  onSelect: (slot: Slot) => void;
  disabled: boolean;
  idPrefix: string;
  /** Error text for a missing choice, shown by the parent above the picker. */
  errorId?: string | undefined;
}

export function WeekSlotPicker(props: WeekSlotPickerProps) {
  const { dates, teamId, type, week, onWeekChange, selected, idPrefix } = props;
  const s = (key: keyof SlotPickerStrings) => props.s[key];
  const [loaded, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const pendingFocus = useRef<string | null>(null);

  const firstWeek = mondayOf(new Date());
  const weekLabel = format(s('booking.slot.week'), { from: dates.shortDay(week), to: dates.shortDay(addDays(week, 6)) });
  const headingId = `${idPrefix}-week`;
  const key = `${teamId}|${type}|${week}|${attempt}`;
  const load: Load = loaded.status !== 'loading' && loaded.key !== key ? { status: 'loading' } : loaded;

  useEffect(() => {
    const controller = new AbortController();
    setAnnouncement('');
    fetchFreeSlots(teamId, type, week, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setLoad({ status: 'ready', key, ...result });
        const count =
          result.slots.length === 0
            ? s('booking.slot.none')
            : result.slots.length === 1
              ? s('booking.slot.countOne')
              : format(s('booking.slot.count'), { count: result.slots.length });
        setAnnouncement(`${weekLabel}: ${count}`);
      },
      () => {
        if (!controller.signal.aborted) setLoad({ status: 'failed', key });
      },
    );
    return () => controller.abort();
  }, [key]);

  // After a jump, focus the first free time once that week is on screen (or the week heading).
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    if (!id || load.status === 'loading') return;
    pendingFocus.current = null;
    (document.getElementById(id) ?? document.getElementById(headingId))?.focus();
  });

  const atFirstWeek = week <= firstWeek;
  const nothingLater = load.status === 'ready' && load.slots.length === 0 && load.nextFree === null;

  function move(weeks: number, blocked: boolean) {
    if (blocked || props.disabled) return;
    const next = addDays(week, 7 * weeks);
    onWeekChange(next < firstWeek ? firstWeek : next);
  }

  function jump(slot: Slot) {
    pendingFocus.current = slotRadioId(idPrefix, slot.id);
    onWeekChange(mondayOfDate(localDateOf(slot.startsAt)));
  }

  return (
    <div class="achterom-slot-picker" data-testid="slot-picker">
      <div class="achterom-slot-picker__nav">
        <h3 class="achterom-slot-picker__week" id={headingId} tabIndex={-1}>
          {weekLabel}
        </h3>
        <div class="achterom-slot-picker__nav-buttons">
          <WeekButton id={`${idPrefix}-previous-week`} disabled={props.disabled} blocked={atFirstWeek} onClick={() => move(-1, atFirstWeek)}>
            <span class="achterom-slot-picker__arrow" aria-hidden="true">←</span> {s('booking.slot.previousWeek')}
          </WeekButton>
          <WeekButton id={`${idPrefix}-next-week`} disabled={props.disabled} blocked={nothingLater} onClick={() => move(1, nothingLater)}>
            {s('booking.slot.nextWeek')} <span class="achterom-slot-picker__arrow" aria-hidden="true">→</span>
          </WeekButton>
        </div>
      </div>

      {load.status === 'loading' && (
        <p class="achterom-slot-picker__loading">
          <Spinner />
          {s('booking.slot.loading')}
        </p>
      )}

      {load.status === 'failed' && (
        <div class="achterom-alert utrecht-alert utrecht-alert--error">
          <div class="achterom-alert__body">
            <p class="achterom-alert__text">{s('booking.slot.failed')}</p>
            <p>
              <button type="button" class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" onClick={() => setAttempt((n) => n + 1)}>
                {s('booking.slot.retry')}
              </button>
            </p>
          </div>
        </div>
      )}

      {load.status === 'ready' && load.slots.length > 0 && (
        <SlotList
          slots={load.slots}
          selectedId={selected?.id ?? null}
          onSelect={props.onSelect}
          dates={dates}
          name={`${idPrefix}-time`}
          idPrefix={idPrefix}
          disabled={props.disabled}
          errorId={props.errorId}
        />
      )}

      {load.status === 'ready' && load.slots.length === 0 && (
        <div class="achterom-slot-picker__empty" data-testid="slot-picker-empty">
          <p class="achterom-slot-picker__empty-text">{s('booking.slot.none')}</p>
          {load.nextFree ? (
            <button
              type="button"
              class="achterom-button utrecht-button utrecht-button--primary-action"
              id={`${idPrefix}-jump`}
              disabled={props.disabled}
              onClick={() => load.nextFree && jump(load.nextFree)}
            >
              {format(s('booking.slot.jump'), { day: dates.day(load.nextFree.startsAt) })}
            </button>
          ) : (
            <p>{s('booking.slot.noneLater')}</p>
          )}
        </div>
      )}

      {selected && (
        <p class="achterom-slot-picker__chosen" id={`${idPrefix}-chosen`}>
          {s('booking.slot.chosen')} <strong>{dates.when(selected.startsAt)}</strong>
        </p>
      )}

      <p class="achterom-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

interface WeekButtonProps {
  id: string;
  disabled: boolean;
  /** No week further this way: aria-disabled, so the button keeps its place in the tab order. */
  blocked: boolean;
  onClick: () => void;
  children: ComponentChildren;
}

function WeekButton({ id, disabled, blocked, onClick, children }: WeekButtonProps) {
  return (
    <button
      type="button"
      class="achterom-button achterom-button--secondary achterom-slot-picker__nav-button utrecht-button utrecht-button--secondary-action"
      id={id}
      disabled={disabled}
      aria-disabled={blocked ? 'true' : undefined}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** The control an error-summary link should focus for a missing choice in the week picker. */
export function firstSlotControl(idPrefix: string): string {
  const radio = document.querySelector<HTMLInputElement>(`.achterom-slot-picker input[id^="${CSS.escape(idPrefix)}-"][type="radio"]`);
  if (radio) return radio.id;
  if (document.getElementById(`${idPrefix}-jump`)) return `${idPrefix}-jump`;
  return `${idPrefix}-next-week`;
}
