// One extra slot: a kind, a place (back entrance only), a day, a time and a duration.
// A time that does not exist because the clocks go forward that night is caught here
// (and by the server); a slot that already exists gets a clear 409 message.
import type { JSX } from 'preact';
import { ErrorSummary } from '../shared/fields/ErrorSummary';
import { StatusLine } from '../shared/StatusLine';
import type { StaffApi } from './api';
import { FieldRow, LocationSelect, ShortField, TypeRadios } from './slotFields';
import { SINGLE_FIELDS, checkSingle, singleRefusal, type SingleValues } from './slotForms';
import { formatDateInput, formatDayLong, todayLocal, typeName } from './slots';
import { ReportNotice } from './ui';
import { useSlotForm } from './useSlotForm';
import type { Say } from './strings';

interface Props {
  say: Say;
  api: StaffApi;
  teamId: string;
  /** A slot was made on this day: show it. */
  onCreated: (date: string) => void;
}

export function SingleSlotForm({ say, api, teamId, onCreated }: Props) {
  const form = useSlotForm<SingleValues>(teamId, { date: '', time: '' });
  const { values, errors, set, busy, outcome } = form;

  async function onSubmit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const checked = checkSingle(say, values, form.locations);
    const body = checked.body;
    if (!body) return form.showErrors(checked.errors);
    form.start();
    const r = await api.post('/api/staff/slots', body);
    form.setBusy(false);
    const when = { day: formatDayLong(body.date), time: body.time, type: typeName(say, body.type) };
    if (r.ok) {
      outcome.report(true, say('staff.single.created', when));
      onCreated(body.date);
      return;
    }
    if (r.status === 401) return;
    if (r.status === 409) return form.showErrors({ 'single-time': say('staff.single.exists', when) });
    if (r.status === 400) return form.showErrors(singleRefusal(say, r.message, r.issues, when));
    outcome.report(false, say(r.status === 0 ? 'staff.error.network' : r.status === 403 ? 'staff.slotForm.forbidden' : 'staff.single.failed'));
  }

  const summary = form.summary(SINGLE_FIELDS, (f) => (f === 'single-type' ? `single-type-${values.type || form.types[0]}` : f));

  return (
    <section class="achterom-detail__section" aria-labelledby="single-heading" data-testid="single">
      <h3 id="single-heading">{say('staff.single.heading')}</h3>
      <p>{say('staff.single.intro')}</p>
      <ReportNotice result={outcome.result} noticeRef={outcome.ref} testId="single-result" />
      <ErrorSummary id="single-errors" title={say('form.errorSummary.title')} headingLevel={3} errors={summary} summaryRef={form.summaryRef} />
      <form class="achterom-form" method="post" noValidate onSubmit={onSubmit} data-testid="single-form">
        <TypeRadios say={say} idPrefix="single" types={form.types} value={values.type} error={errors['single-type']} onChange={form.chooseType} />
        {values.type === 'achterom' && (
          <LocationSelect say={say} id="single-location" locations={form.locations} value={values.locationId} error={errors['single-location']} onChange={(id) => set('locationId', id)} />
        )}
        <FieldRow>
          <ShortField
            say={say}
            id="single-date"
            label={say('staff.single.date')}
            hint={say('staff.slotForm.dateHint', { example: formatDateInput(todayLocal()) })}
            value={values.date}
            error={errors['single-date']}
            onInput={(x) => set('date', x)}
            width="date"
          />
          <ShortField say={say} id="single-time" label={say('staff.single.time')} hint={say('staff.pattern.startHint')} value={values.time} error={errors['single-time']} onInput={(x) => set('time', x)} width="time" />
          <ShortField
            say={say}
            id="single-duration"
            label={say('staff.slotForm.duration')}
            hint={say('staff.slotForm.durationHint', { minutes: form.defaultDuration(values.type) || '—' })}
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
        <StatusLine busy={busy} text={say('staff.single.busy')} />
      </form>
    </section>
  );
}
