// Move or cancel a resident's booking from the case page, always with a message: the
// resident reads it on "Mijn afspraak" and "Mijn vraag". The new time is one of the
// team's free times of the same kind (from the agenda), in Amsterdam time.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StaffApi } from './api';
import type { SubmitOutcome } from './SealedTextForm';
import { fetchSlots, formatSlotWhen, locationName, todayLocal, type AgendaSlot } from './slots';
import { Busy, ErrorSummary, FieldError, Notice, describedBy } from './ui';
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

  const summary = (Object.entries(errors) as [Field, string][]).map(([field, text]) => ({
    field: field === 'what' ? 'change-move' : field === 'slot' ? 'change-slot' : 'change-message',
    message: text,
  }));

  return (
    <section class="achterom-detail__section" aria-labelledby="change-heading" data-testid="appointment-change">
      <h3 id="change-heading">{say('staff.change.heading')}</h3>
      <p>{say('staff.change.intro')}</p>
      <form class="achterom-form" method="post" noValidate onSubmit={onSubmit}>
        <ErrorSummary say={say} id="change-errors" errors={summary} summaryRef={summaryRef} />
        {failure && (
          <Notice kind="error" noticeRef={failureRef} testId="change-error">
            {failure}
          </Notice>
        )}
        <fieldset class={`achterom-form-field utrecht-form-field${errors.what ? ' achterom-form-field--invalid utrecht-form-field--invalid' : ''}`} aria-describedby={describedBy(errors.what && 'change-what-error')}>
          <legend class="achterom-form-field__legend utrecht-form-label">{say('staff.change.what')}</legend>
          <FieldError id="change-what-error" message={errors.what} say={say} />
          <div class="achterom-radios">
            {(['move', 'cancel'] as const).map((value) => (
              <div class="achterom-radios__item" key={value}>
                <input
                  class="achterom-radios__input utrecht-radio-button utrecht-radio-button--html-input"
                  type="radio"
                  id={`change-${value}`}
                  name="change"
                  value={value}
                  checked={what === value}
                  onChange={() => setWhat(value)}
                />
                <label class="achterom-radios__label utrecht-form-label utrecht-form-label--radio" for={`change-${value}`}>
                  {say(value === 'move' ? 'staff.change.move' : 'staff.change.cancel')}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        {what === 'move' && (
          <div class={`achterom-form-field utrecht-form-field${errors.slot ? ' achterom-form-field--invalid utrecht-form-field--invalid' : ''}`}>
            <label class="achterom-form-field__label utrecht-form-label" for="change-slot">
              {say('staff.change.slot')}
            </label>
            <FieldError id="change-slot-error" message={errors.slot} say={say} />
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
        <div class={`achterom-form-field utrecht-form-field${errors.message ? ' achterom-form-field--invalid utrecht-form-field--invalid' : ''}`}>
          <label class="achterom-form-field__label utrecht-form-label" for="change-message">
            {say('staff.change.message')}
          </label>
          <p class="achterom-form-field__hint utrecht-form-field-description" id="change-message-hint">
            {say('staff.change.messageHint')}
          </p>
          <FieldError id="change-message-error" message={errors.message} say={say} />
          <textarea
            class="achterom-textarea achterom-textarea--short utrecht-textarea"
            id="change-message"
            value={message}
            aria-invalid={errors.message ? 'true' : undefined}
            aria-describedby={describedBy('change-message-hint', errors.message && 'change-message-error')}
            onInput={(e) => setMessage(e.currentTarget.value)}
          />
        </div>
        <button class="achterom-button utrecht-button utrecht-button--primary-action" type="submit" aria-disabled={busy ? 'true' : undefined}>
          {say(what === 'cancel' ? 'staff.change.submitCancel' : 'staff.change.submitMove')}
        </button>
        <Busy busy={busy} text={say('staff.change.busy')} />
      </form>
    </section>
  );
}
