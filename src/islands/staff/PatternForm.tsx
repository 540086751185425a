// Weekly pattern: the team lead makes many slots at once (for example every Monday and
// Wednesday 9:00–12:00, 45 minutes, four weeks). Times are Amsterdam wall-clock times;
// a time that does not exist on a clock-change night is skipped by the server.
import type { JSX } from 'preact';
import { ErrorSummary } from '../shared/fields/ErrorSummary';
import { StatusLine } from '../shared/StatusLine';
import type { StaffApi } from './api';
import { FieldRow, LocationSelect, ShortField, TypeRadios, WeekdayChecks } from './slotFields';
import { PATTERN_FIELDS, checkPattern, patternRefusal, type PatternValues } from './slotForms';
import { formatDateInput, todayLocal } from './slots';
import { ReportNotice } from './ui';
import { useSlotForm } from './useSlotForm';
import type { Say } from './strings';

interface Props {
  say: Say;
  api: StaffApi;
  teamId: string;
  /** Slots were made from this first day: show them. */
  onCreated: (fromDate: string) => void;
}

export function PatternForm({ say, api, teamId, onCreated }: Props) {
  const form = useSlotForm<PatternValues>(teamId, { weekdays: [], start: '', end: '', from: formatDateInput(todayLocal()), weeks: '4' });
  const { values, errors, set, busy, outcome } = form;

  async function onSubmit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const checked = checkPattern(say, values, form.locations);
    const body = checked.body;
    if (!body) return form.showErrors(checked.errors);
    form.start();
    const r = await api.post<{ created?: unknown; skipped?: unknown }>('/api/staff/slots/pattern', body);
    form.setBusy(false);
    if (r.ok) {
      const created = typeof r.body?.created === 'number' ? r.body.created : 0;
      const skipped = typeof r.body?.skipped === 'number' ? r.body.skipped : 0;
      const made = say(created === 1 ? 'staff.pattern.createdOne' : 'staff.pattern.created', { count: created });
      const existed = say(skipped === 1 ? 'staff.pattern.skippedOne' : 'staff.pattern.skipped', { count: skipped });
      outcome.report(true, `${made}, ${existed}.`);
      onCreated(body.fromDate);
      return;
    }
    if (r.status === 401) return;
    if (r.status === 400) return form.showErrors(patternRefusal(say, r.message, r.issues));
    outcome.report(false, say(r.status === 0 ? 'staff.error.network' : r.status === 403 ? 'staff.slotForm.forbidden' : 'staff.pattern.failed'));
  }

  // Links go to the first control of a group.
  const summary = form.summary(PATTERN_FIELDS, (f) => (f === 'pattern-type' ? `pattern-type-${values.type || form.types[0]}` : f === 'pattern-days' ? 'pattern-day-1' : f));
  const dateHint = say('staff.slotForm.dateHint', { example: formatDateInput(todayLocal()) });

  return (
    <section class="achterom-detail__section" aria-labelledby="pattern-heading" data-testid="pattern">
      <h3 id="pattern-heading">{say('staff.pattern.heading')}</h3>
      <p>{say('staff.pattern.intro')}</p>
      <ReportNotice result={outcome.result} noticeRef={outcome.ref} testId="pattern-result" />
      <ErrorSummary id="pattern-errors" title={say('form.errorSummary.title')} headingLevel={3} errors={summary} summaryRef={form.summaryRef} />
      <form class="achterom-form" method="post" noValidate onSubmit={onSubmit} data-testid="pattern-form">
        <TypeRadios say={say} idPrefix="pattern" types={form.types} value={values.type} error={errors['pattern-type']} onChange={form.chooseType} />
        {values.type === 'achterom' && (
          <LocationSelect say={say} id="pattern-location" locations={form.locations} value={values.locationId} error={errors['pattern-location']} onChange={(id) => set('locationId', id)} />
        )}
        <WeekdayChecks say={say} name="pattern-days" dayIdPrefix="pattern-day" days={values.weekdays} error={errors['pattern-days']} onChange={(days) => set('weekdays', days)} />
        <FieldRow>
          <ShortField say={say} id="pattern-start" label={say('staff.pattern.start')} hint={say('staff.pattern.startHint')} value={values.start} error={errors['pattern-start']} onInput={(x) => set('start', x)} width="time" />
          <ShortField say={say} id="pattern-end" label={say('staff.pattern.end')} hint={say('staff.pattern.endHint')} value={values.end} error={errors['pattern-end']} onInput={(x) => set('end', x)} width="time" />
          <ShortField
            say={say}
            id="pattern-duration"
            label={say('staff.slotForm.duration')}
            hint={say('staff.slotForm.durationHint', { minutes: form.defaultDuration(values.type) || '—' })}
            value={values.duration}
            error={errors['pattern-duration']}
            onInput={(x) => set('duration', x)}
            numeric
            width="number"
          />
        </FieldRow>
        <FieldRow>
          <ShortField say={say} id="pattern-from" label={say('staff.pattern.from')} hint={dateHint} value={values.from} error={errors['pattern-from']} onInput={(x) => set('from', x)} width="date" />
          <ShortField say={say} id="pattern-weeks" label={say('staff.pattern.weeks')} hint={say('staff.pattern.weeksHint')} value={values.weeks} error={errors['pattern-weeks']} onInput={(x) => set('weeks', x)} numeric width="number" />
        </FieldRow>
        <p class="achterom-form-field__hint utrecht-form-field-description">{say('staff.pattern.clockHint')}</p>
        <button class="achterom-button utrecht-button utrecht-button--primary-action" type="submit" aria-disabled={busy ? 'true' : undefined} data-testid="pattern-submit">
          {say('staff.pattern.submit')}
        </button>
        <StatusLine busy={busy} text={say('staff.pattern.busy')} />
      </form>
    </section>
  );
}
