// One extra slot: a kind, a place (back entrance only), a day, a time and a duration.
// A time that does not exist because the clocks go forward that night is caught here
// (and by the server); a slot that already exists gets a clear 409 message.
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { appointmentsFor, locationsFor, type AppointmentType } from '../../lib/config/appointments';
import { fromLocal } from '../../lib/time/amsterdam';
import type { StaffApi } from './api';
import { FieldRow, LocationSelect, TextField, TypeRadios, apiField, type FieldErrors } from './slotFields';
import { formatDateInput, formatDayLong, parseDateInput, parseTimeInput, parseWholeNumber, todayLocal, typeName } from './slots';
import { Busy, ErrorSummary, Notice } from './ui';
import type { Say } from './strings';

interface Props {
  say: Say;
  api: StaffApi;
  teamId: string;
  /** A slot was made on this day: show it. */
  onCreated: (date: string) => void;
}

interface Values {
  type: AppointmentType | '';
  locationId: string;
  date: string;
  time: string;
  duration: string;
}

const ORDER = ['single-type', 'single-location', 'single-date', 'single-time', 'single-duration'] as const;
type Field = (typeof ORDER)[number];

export function SingleSlotForm({ say, api, teamId, onCreated }: Props) {
  const config = appointmentsFor(teamId);
  const types = config?.types ?? [];
  const locations = locationsFor(teamId);
  const defaultDuration = (type: AppointmentType | '') => (type && config ? String(config.durationMinutes[type]) : '');
  const [values, setValues] = useState<Values>(() => ({
    type: 'achterom',
    locationId: locations.length === 1 ? locations[0]!.id : '',
    date: '',
    time: '',
    duration: defaultDuration('achterom'),
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
      duration: prev.duration.trim() === '' || prev.duration.trim() === defaultDuration(prev.type) ? defaultDuration(type) : prev.duration,
    }));
  }

  function validate(): { errors: FieldErrors; body?: { type: AppointmentType; locationId?: string; date: string; time: string; durationMinutes: number } } {
    const e: Partial<Record<Field, string>> = {};
    const v = values;
    if (!v.type) e['single-type'] = say('staff.slotForm.typeMissing');
    if (v.type === 'achterom' && !locations.some((l) => l.id === v.locationId)) e['single-location'] = say('staff.slotForm.locationMissing');
    const date = parseDateInput(v.date);
    if (!v.date.trim()) e['single-date'] = say('staff.single.dateMissing');
    else if (!date) e['single-date'] = say('staff.slotForm.dateInvalid', { example: formatDateInput(todayLocal()) });
    else if (date < todayLocal()) e['single-date'] = say('staff.single.datePast');
    const time = parseTimeInput(v.time);
    if (!v.time.trim()) e['single-time'] = say('staff.single.timeMissing');
    else if (!time) e['single-time'] = say('staff.single.timeInvalid');
    else if (date && !e['single-date']) {
      const instant = fromLocal(date, time);
      if (!instant) e['single-time'] = say('staff.single.timeDoesNotExist', { day: formatDayLong(date), time });
      else if (instant.getTime() <= Date.now()) e['single-time'] = say('staff.single.timePast');
    }
    const duration = parseWholeNumber(v.duration);
    if (!v.duration.trim()) e['single-duration'] = say('staff.slotForm.durationMissing');
    else if (duration === null || duration < 5 || duration > 240) e['single-duration'] = say('staff.slotForm.durationInvalid');
    if (Object.keys(e).length > 0 || !v.type) return { errors: e };
    return {
      errors: {},
      body: { type: v.type, ...(v.type === 'achterom' ? { locationId: v.locationId } : {}), date: date!, time: time!, durationMinutes: duration! },
    };
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

  async function onSubmit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const checked = validate();
    const body = checked.body;
    if (!body) return showErrors(checked.errors);
    setErrors({});
    setResult(null);
    setBusy(true);
    const r = await api.post('/api/staff/slots', body);
    setBusy(false);
    const when = { day: formatDayLong(body.date), time: body.time, type: typeName(say, body.type) };
    if (r.ok) {
      report(true, say('staff.single.created', when));
      onCreated(body.date);
      return;
    }
    if (r.status === 401) return;
    if (r.status === 409) return showErrors({ 'single-time': say('staff.single.exists', when) });
    if (r.status === 400) {
      const field = r.issues?.[0]?.path.split('.')[0] || apiField(r.message);
      if (field === 'time' && r.message?.includes('does not exist')) return showErrors({ 'single-time': say('staff.single.timeDoesNotExist', when) });
      const map: Record<string, [Field, string]> = {
        type: ['single-type', say('staff.slotForm.typeRefused')],
        locationId: ['single-location', say('staff.slotForm.locationMissing')],
        date: ['single-date', say('staff.slotForm.dateInvalid', { example: formatDateInput(todayLocal()) })],
        time: ['single-time', say('staff.single.timeInvalid')],
        durationMinutes: ['single-duration', say('staff.slotForm.durationInvalid')],
      };
      const hit = field ? map[field] : undefined;
      return showErrors(hit ? { [hit[0]]: hit[1] } : { 'single-type': say('staff.slotForm.refused') });
    }
    report(false, say(r.status === 0 ? 'staff.error.network' : r.status === 403 ? 'staff.slotForm.forbidden' : 'staff.single.failed'));
  }

  const list = ORDER.filter((f) => errors[f]).map((f) => ({
    field: f === 'single-type' ? `single-type-${values.type || types[0]}` : f,
    message: errors[f]!,
  }));

  return (
    <section class="achterom-detail__section" aria-labelledby="single-heading" data-testid="single">
      <h3 id="single-heading">{say('staff.single.heading')}</h3>
      <p>{say('staff.single.intro')}</p>
      {result && (
        <Notice kind={result.ok ? 'success' : 'error'} noticeRef={resultRef} testId="single-result">
          {result.text}
        </Notice>
      )}
      <ErrorSummary say={say} id="single-errors" errors={list} summaryRef={summaryRef} />
      <form class="achterom-form" method="post" noValidate onSubmit={onSubmit} data-testid="single-form">
        <TypeRadios say={say} idPrefix="single" types={types} value={values.type} error={errors['single-type']} onChange={chooseType} />
        {values.type === 'achterom' && (
          <LocationSelect say={say} id="single-location" locations={locations} value={values.locationId} error={errors['single-location']} onChange={(id) => set('locationId', id)} />
        )}
        <FieldRow>
          <TextField
            say={say}
            id="single-date"
            label={say('staff.single.date')}
            hint={say('staff.slotForm.dateHint', { example: formatDateInput(todayLocal()) })}
            value={values.date}
            error={errors['single-date']}
            onInput={(x) => set('date', x)}
            width="date"
          />
          <TextField say={say} id="single-time" label={say('staff.single.time')} hint={say('staff.pattern.startHint')} value={values.time} error={errors['single-time']} onInput={(x) => set('time', x)} width="time" />
          <TextField
            say={say}
            id="single-duration"
            label={say('staff.slotForm.duration')}
            hint={say('staff.slotForm.durationHint', { minutes: defaultDuration(values.type) || '—' })}
            value={values.duration}
            error={errors['single-duration']}
            onInput={(x) => set('duration', x)}
            numeric
            width="number"
          />
        </FieldRow>
        <button class="achterom-button utrecht-button utrecht-button--primary-action" type="submit" aria-disabled={busy ? 'true' : undefined} data-testid="single-submit">
          {say('staff.single.submit')}
        </button>
        <Busy busy={busy} text={say('staff.single.busy')} />
      </form>
    </section>
  );
}
