// Weekly pattern: the team lead makes many slots at once (for example every Monday and
// Wednesday 9:00–12:00, 45 minutes, four weeks). Times are Amsterdam wall-clock times;
// a time that does not exist on a clock-change night is skipped by the server.
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { appointmentsFor, locationsFor, type AppointmentType } from '../../lib/config/appointments';
import { expandWeeklyPattern } from '../../lib/appointments/weeklyPattern';
import type { StaffApi } from './api';
import { FieldRow, LocationSelect, TextField, TypeRadios, apiField, type FieldErrors } from './slotFields';
import { formatDateInput, parseDateInput, parseTimeInput, parseWholeNumber, todayLocal } from './slots';
import { Busy, ErrorSummary, FieldError, Notice, describedBy } from './ui';
import type { Say } from './strings';

/** The API refuses more in one request. */
const MAX_SLOTS = 500;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

interface Props {
  say: Say;
  api: StaffApi;
  teamId: string;
  /** Slots were made from this first day: show them. */
  onCreated: (fromDate: string) => void;
}

interface Values {
  type: AppointmentType | '';
  locationId: string;
  weekdays: number[];
  start: string;
  end: string;
  duration: string;
  from: string;
  weeks: string;
}

/** Field ids in the order of the form, for the error summary. */
const ORDER = ['pattern-type', 'pattern-location', 'pattern-days', 'pattern-start', 'pattern-end', 'pattern-duration', 'pattern-from', 'pattern-weeks'] as const;
type Field = (typeof ORDER)[number];

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export function PatternForm({ say, api, teamId, onCreated }: Props) {
  const config = appointmentsFor(teamId);
  const types = config?.types ?? [];
  const locations = locationsFor(teamId);
  const defaultDuration = (type: AppointmentType | '') => (type && config ? String(config.durationMinutes[type]) : '');
  const [values, setValues] = useState<Values>(() => ({
    type: 'achterom',
    locationId: locations.length === 1 ? locations[0]!.id : '',
    weekdays: [],
    start: '',
    end: '',
    duration: defaultDuration('achterom'),
    from: formatDateInput(todayLocal()),
    weeks: '4',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((prev) => ({ ...prev, [key]: value }));
  }

  function chooseType(type: AppointmentType) {
    setValues((prev) => ({
      ...prev,
      type,
      // A duration still at the old kind's default follows the new kind.
      duration: prev.duration.trim() === '' || prev.duration.trim() === defaultDuration(prev.type) ? defaultDuration(type) : prev.duration,
    }));
  }

  function validate(): { errors: FieldErrors; body?: Record<string, unknown> } {
    const e: Partial<Record<Field, string>> = {};
    const v = values;
    if (!v.type) e['pattern-type'] = say('staff.slotForm.typeMissing');
    if (v.type === 'achterom' && !locations.some((l) => l.id === v.locationId)) e['pattern-location'] = say('staff.slotForm.locationMissing');
    if (v.weekdays.length === 0) e['pattern-days'] = say('staff.pattern.daysMissing');
    const start = parseTimeInput(v.start);
    const end = parseTimeInput(v.end);
    if (!v.start.trim()) e['pattern-start'] = say('staff.pattern.startMissing');
    else if (!start) e['pattern-start'] = say('staff.pattern.startInvalid');
    if (!v.end.trim()) e['pattern-end'] = say('staff.pattern.endMissing');
    else if (!end) e['pattern-end'] = say('staff.pattern.endInvalid');
    const duration = parseWholeNumber(v.duration);
    if (!v.duration.trim()) e['pattern-duration'] = say('staff.slotForm.durationMissing');
    else if (duration === null || duration < 5 || duration > 240) e['pattern-duration'] = say('staff.slotForm.durationInvalid');
    if (start && end && !e['pattern-end']) {
      if (minutesOf(end) <= minutesOf(start)) e['pattern-end'] = say('staff.pattern.endBeforeStart');
      else if (duration !== null && !e['pattern-duration'] && minutesOf(end) - minutesOf(start) < duration) {
        e['pattern-end'] = say('staff.pattern.noneFits', { start, end, minutes: duration });
      }
    }
    const from = parseDateInput(v.from);
    if (!v.from.trim()) e['pattern-from'] = say('staff.pattern.fromMissing');
    else if (!from) e['pattern-from'] = say('staff.slotForm.dateInvalid', { example: formatDateInput(todayLocal()) });
    else if (from < todayLocal()) e['pattern-from'] = say('staff.pattern.fromPast');
    const weeks = parseWholeNumber(v.weeks);
    if (!v.weeks.trim()) e['pattern-weeks'] = say('staff.pattern.weeksMissing');
    else if (weeks === null || weeks < 1 || weeks > 12) e['pattern-weeks'] = say('staff.pattern.weeksInvalid');
    if (Object.keys(e).length > 0) return { errors: e };

    const body = {
      type: v.type,
      ...(v.type === 'achterom' ? { locationId: v.locationId } : {}),
      fromDate: from!,
      weeks: weeks!,
      weekdays: [...v.weekdays].sort((a, b) => a - b),
      startTime: start!,
      endTime: end!,
      durationMinutes: duration!,
    };
    const count = expandWeeklyPattern(body).length;
    if (count > MAX_SLOTS) return { errors: { 'pattern-weeks': say('staff.pattern.tooMany', { count, max: MAX_SLOTS }) } };
    if (count === 0) return { errors: { 'pattern-start': say('staff.pattern.none') } };
    return { errors: {}, body };
  }

  function showErrors(next: FieldErrors) {
    setErrors(next);
    setResult(null);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  function report(ok: boolean, text: string) {
    setResult({ ok, text });
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  /** Maps a refused request to the field it is about, in Dutch. */
  function serverErrors(message: string | undefined, issues: { path: string }[] | undefined): FieldErrors {
    const field = issues?.[0]?.path.split('.')[0] || apiField(message);
    const map: Record<string, [Field, string]> = {
      type: ['pattern-type', say('staff.slotForm.typeRefused')],
      locationId: ['pattern-location', say('staff.slotForm.locationMissing')],
      weekdays: ['pattern-days', say('staff.pattern.daysMissing')],
      startTime: ['pattern-start', say('staff.pattern.startInvalid')],
      endTime: ['pattern-end', message?.includes('after') ? say('staff.pattern.endBeforeStart') : say('staff.pattern.endInvalid')],
      durationMinutes: ['pattern-duration', say('staff.slotForm.durationInvalid')],
      fromDate: ['pattern-from', say('staff.slotForm.dateInvalid', { example: formatDateInput(todayLocal()) })],
      weeks: ['pattern-weeks', say('staff.pattern.weeksInvalid')],
    };
    const hit = field ? map[field] : undefined;
    if (hit) return { [hit[0]]: hit[1] };
    if (message && /at most/.test(message)) return { 'pattern-weeks': say('staff.pattern.tooManyServer', { max: MAX_SLOTS }) };
    return { 'pattern-type': say('staff.slotForm.refused') };
  }

  async function onSubmit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const checked = validate();
    if (!checked.body) return showErrors(checked.errors);
    setErrors({});
    setResult(null);
    setBusy(true);
    const r = await api.post<{ created?: unknown; skipped?: unknown }>('/api/staff/slots/pattern', checked.body);
    setBusy(false);
    if (r.ok) {
      const created = typeof r.body?.created === 'number' ? r.body.created : 0;
      const skipped = typeof r.body?.skipped === 'number' ? r.body.skipped : 0;
      const made = say(created === 1 ? 'staff.pattern.createdOne' : 'staff.pattern.created', { count: created });
      const existed = say(skipped === 1 ? 'staff.pattern.skippedOne' : 'staff.pattern.skipped', { count: skipped });
      report(true, `${made}, ${existed}.`);
      onCreated(checked.body['fromDate'] as string);
      return;
    }
    if (r.status === 401) return;
    if (r.status === 400) return showErrors(serverErrors(r.message, r.issues));
    report(false, say(r.status === 0 ? 'staff.error.network' : r.status === 403 ? 'staff.slotForm.forbidden' : 'staff.pattern.failed'));
  }

  const list = ORDER.filter((f) => errors[f]).map((f) => ({
    // Links go to the first control of a group.
    field: f === 'pattern-type' ? `pattern-type-${values.type || types[0]}` : f === 'pattern-days' ? 'pattern-day-1' : f,
    message: errors[f]!,
  }));
  const daysError = errors['pattern-days'];

  return (
    <section class="achterom-detail__section" aria-labelledby="pattern-heading" data-testid="pattern">
      <h3 id="pattern-heading">{say('staff.pattern.heading')}</h3>
      <p>{say('staff.pattern.intro')}</p>
      {result && (
        <Notice kind={result.ok ? 'success' : 'error'} noticeRef={resultRef} testId="pattern-result">
          {result.text}
        </Notice>
      )}
      <ErrorSummary say={say} id="pattern-errors" errors={list} summaryRef={summaryRef} />
      <form class="achterom-form" method="post" noValidate onSubmit={onSubmit} data-testid="pattern-form">
        <TypeRadios say={say} idPrefix="pattern" types={types} value={values.type} error={errors['pattern-type']} onChange={chooseType} />
        {values.type === 'achterom' && (
          <LocationSelect say={say} id="pattern-location" locations={locations} value={values.locationId} error={errors['pattern-location']} onChange={(id) => set('locationId', id)} />
        )}
        <fieldset class={`achterom-form-field utrecht-form-field${daysError ? ' achterom-form-field--invalid utrecht-form-field--invalid' : ''}`} aria-describedby={describedBy('pattern-days-hint', daysError && 'pattern-days-error')}>
          <legend class="achterom-form-field__legend utrecht-form-label">{say('staff.pattern.days')}</legend>
          <p class="achterom-form-field__hint utrecht-form-field-description" id="pattern-days-hint">
            {say('staff.pattern.daysHint')}
          </p>
          <FieldError id="pattern-days-error" message={daysError} say={say} />
          <div class="achterom-checks">
            {WEEKDAYS.map((day) => (
              <div class="achterom-checks__item" key={day}>
                <input
                  class="achterom-checks__input utrecht-checkbox utrecht-checkbox--html-input"
                  type="checkbox"
                  id={`pattern-day-${day}`}
                  name="pattern-days"
                  value={String(day)}
                  checked={values.weekdays.includes(day)}
                  aria-invalid={daysError ? 'true' : undefined}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setValues((prev) => ({ ...prev, weekdays: on ? [...prev.weekdays.filter((d) => d !== day), day] : prev.weekdays.filter((d) => d !== day) }));
                  }}
                />
                <label class="achterom-checks__label utrecht-form-label utrecht-form-label--checkbox" for={`pattern-day-${day}`}>
                  {say(`staff.weekday.${day}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <FieldRow>
          <TextField say={say} id="pattern-start" label={say('staff.pattern.start')} hint={say('staff.pattern.startHint')} value={values.start} error={errors['pattern-start']} onInput={(x) => set('start', x)} width="time" />
          <TextField say={say} id="pattern-end" label={say('staff.pattern.end')} hint={say('staff.pattern.endHint')} value={values.end} error={errors['pattern-end']} onInput={(x) => set('end', x)} width="time" />
          <TextField
            say={say}
            id="pattern-duration"
            label={say('staff.slotForm.duration')}
            hint={say('staff.slotForm.durationHint', { minutes: defaultDuration(values.type) || '—' })}
            value={values.duration}
            error={errors['pattern-duration']}
            onInput={(x) => set('duration', x)}
            numeric
            width="number"
          />
        </FieldRow>
        <FieldRow>
          <TextField say={say} id="pattern-from" label={say('staff.pattern.from')} hint={say('staff.slotForm.dateHint', { example: formatDateInput(todayLocal()) })} value={values.from} error={errors['pattern-from']} onInput={(x) => set('from', x)} width="date" />
          <TextField say={say} id="pattern-weeks" label={say('staff.pattern.weeks')} hint={say('staff.pattern.weeksHint')} value={values.weeks} error={errors['pattern-weeks']} onInput={(x) => set('weeks', x)} numeric width="number" />
        </FieldRow>
        <p class="achterom-form-field__hint utrecht-form-field-description">{say('staff.pattern.clockHint')}</p>
        <button class="achterom-button utrecht-button utrecht-button--primary-action" type="submit" aria-disabled={busy ? 'true' : undefined} data-testid="pattern-submit">
          {say('staff.pattern.submit')}
        </button>
        <Busy busy={busy} text={say('staff.pattern.busy')} />
      </form>
    </section>
  );
}
