// Move or cancel a resident's booking from the case page, always with a message: the
// resident reads it on "Mijn afspraak" and "Mijn vraag". The new time is one of the
// team's free times of the same kind (from the agenda), in Amsterdam time.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StaffApi } from './api';
import type { SubmitOutcome } from './SealedTextForm';
import { fetchSlots, formatSlotWhen, locationName, todayLocal, type AgendaSlot } from './slots';
import { ErrorSummary } from '../shared/fields/ErrorSummary';
import { FieldError, describedBy } from '../shared/fields/FieldError';
import { fieldClass } from '../shared/fields/fieldClass';
import { RadioGroupField } from '../shared/fields/RadioGroupField';
import { TextareaField } from '../shared/fields/TextareaField';
import { StatusLine } from '../shared/StatusLine';
import { summaryLinks } from './summaryLinks';
import { Notice } from './ui';
import type { Say } from './strings';

export type AppointmentChange = { kind: 'cancel' } | { kind: 'move'; slotId: string };

interface Props {
  say: Say;
  api: StaffApi;
  /** The slot the case holds now (its kind decides which times it may move to). */
  current: AgendaSlot;
  onChange: (change: AppointmentChange, message: string) => Promise<SubmitOutcome & { taken?: boolean }>;
}

type Field = 'what' | 'slot' | 'message';
const FIELDS: readonly Field[] = ['what', 'slot', 'message'];
/** The control each error summary link focuses. */
const TARGETS: Record<Field, string> = { what: 'change-move', slot: 'change-slot', message: 'change-message' };
const SEARCH_DAYS = 28;

export function AppointmentChangePanel({ say, api, current, onChange }: Props) {
  const [what, setWhat] = useState<'' | 'move' | 'cancel'>('');
  const [slotId, setSlotId] = useState('');
  const [message, setMessage] = useState('');
  const [free, setFree] = useState<AgendaSlot[] | 'failed' | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  // The free times of the same kind in the coming weeks, once the member chooses to move.
  useEffect(() => {
    if (what !== 'move' || free !== null) return;
    void fetchSlots(api, todayLocal(), SEARCH_DAYS).then((r) => {
      if (!r.ok) return setFree('failed');
      const now = Date.now();
      setFree(r.body.filter((s) => s.status === 'free' && s.type === current.type && Date.parse(s.startsAt) > now));
    });
  }, [what]);

  async function onSubmit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<Field, string>> = {};
    if (!what) found.what = say('staff.change.errorWhat');
    if (what === 'move' && !slotId) found.slot = say('staff.change.errorSlot');
    if (!message.trim()) found.message = say('staff.change.errorMessage');
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const outcome = await onChange(what === 'move' ? { kind: 'move', slotId } : { kind: 'cancel' }, message.trim());
      if (outcome.ok) return;
      if (outcome.taken) {
        setFree(null);
        setSlotId('');
      }
      if (outcome.message) {
        setFailure(outcome.message);
        requestAnimationFrame(() => failureRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  }

  const errorPrefix = say('form.errorPrefix');
  return (
    <section class="achterom-detail__section" aria-labelledby="change-heading" data-testid="appointment-change">
      <h3 id="change-heading">{say('staff.change.heading')}</h3>
      <p>{say('staff.change.intro')}</p>
      <form class="achterom-form" method="post" noValidate onSubmit={onSubmit}>
        <ErrorSummary id="change-errors" title={say('form.errorSummary.title')} headingLevel={3} errors={summaryLinks(errors, FIELDS, (f) => TARGETS[f])} summaryRef={summaryRef} />
        {failure && <Notice kind="error" noticeRef={failureRef} testId="change-error">{failure}</Notice>}
        <RadioGroupField
          name="change"
          errorId="change-what-error"
          legend={say('staff.change.what')}
          options={[
            { value: 'move', label: say('staff.change.move') },
            { value: 'cancel', label: say('staff.change.cancel') },
          ]}
          value={what}
          error={errors.what}
          errorPrefix={errorPrefix}
          disabled={false}
          onChange={setWhat}
        />
        {what === 'move' && (
          // Written out, not a SelectField: while the times load or when there are none, a line stands in for the select.
          <div class={fieldClass(errors.slot)}>
            <label class="achterom-form-field__label utrecht-form-label" for="change-slot">
              {say('staff.change.slot')}
            </label>
            <FieldError id="change-slot-error" prefix={errorPrefix} text={errors.slot} />
            {free === 'failed' ? (
              <p data-testid="change-slots-failed">{say('staff.change.slotsFailed')}</p>
            ) : free !== null && free.length === 0 ? (
              <p data-testid="change-no-slots">{say('staff.change.noSlots')}</p>
            ) : (
              <select
                class="achterom-select utrecht-select utrecht-select--html-select"
                id="change-slot"
                value={slotId}
                disabled={free === null}
                aria-invalid={errors.slot ? 'true' : undefined}
                aria-describedby={describedBy(errors.slot && 'change-slot-error')}
                onChange={(e) => setSlotId(e.currentTarget.value)}
              >
                <option value="">{say(free === null ? 'staff.change.slotsLoading' : 'staff.change.slotChoose')}</option>
                {(free ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {[formatSlotWhen(s), locationName(s.locationId)].filter(Boolean).join(', ')}
                  </option>
                ))}
              </select>
            )}
          </div>
        )}
        {/* rows 2, the browser's own: the short box's minimum height sizes it. */}
        <TextareaField
          id="change-message"
          label={say('staff.change.message')}
          hint={say('staff.change.messageHint')}
          value={message}
          error={errors.message}
          errorPrefix={errorPrefix}
          short
          rows={2}
          spellcheck
          onInput={setMessage}
        />
        <button class="achterom-button utrecht-button utrecht-button--primary-action" type="submit" aria-disabled={busy ? 'true' : undefined}>
          {say(what === 'cancel' ? 'staff.change.submitCancel' : 'staff.change.submitMove')}
        </button>
        <StatusLine busy={busy} text={say('staff.change.busy')} />
      </form>
    </section>
  );
}
