// Moving the appointment: pick another free time of the same team and type. When the
// chosen time was just taken, the nearest free ones are offered above the week picker.
import type { ManageAppointmentStrings } from '../bookingStrings';
import type { BookingDates } from '../booking/dates';
import type { Slot } from '../booking/api';
import { WeekSlotPicker, firstSlotControl, slotRadioId } from '../booking/SlotPicker';
import { SlotAlternatives } from '../SlotAlternatives';
import { Alert } from '../../shared/Alert';
import { StatusLine } from '../../shared/StatusLine';
import { ErrorSummary } from '../../shared/fields/ErrorSummary';
import { FieldError } from '../../shared/fields/FieldError';
import { fieldClass } from '../../shared/fields/fieldClass';
import { ConfirmButtons } from '../../shared/ConfirmButtons';
import { ActionError } from './ActionError';
import type { AppointmentActions } from './useAppointmentActions';

interface Props {
  strings: ManageAppointmentStrings;
  dates: BookingDates;
  appointment: Slot;
  actions: AppointmentActions;
  hydrated: boolean;
}

export function ReschedulePanel({ strings, dates, appointment, actions, hydrated }: Props) {
  const s = (key: keyof ManageAppointmentStrings) => strings[key];
  const { alternatives, slotError, newSlot, setNewSlot, week, setWeek } = actions;
  const errorId = slotError ? 'reschedule-error' : undefined;
  // The summary link goes to the first time offered: an alternative, or the week's first
  // (looked up on the page, so only once there is an error to link).
  const slotTarget = () => (alternatives?.[0] ? slotRadioId('reschedule-alternative', alternatives[0].id) : firstSlotControl('reschedule'));
  return (
    <form class="achterom-manage__reschedule" method="post" noValidate onSubmit={actions.reschedule} data-testid="manage-reschedule">
      <h2 id="reschedule-heading" tabIndex={-1}>
        {s('manage.reschedule.heading')}
      </h2>
      <p>{s('manage.reschedule.keep')}</p>
      <ErrorSummary id="manage-error-summary" title={s('form.errorSummary.title')} errors={slotError && hydrated ? [{ target: slotTarget(), text: slotError }] : []} />
      <ActionError actions={actions} s={s} />
      {alternatives && (
        <div class="achterom-manage__taken">
          <Alert id="manage-taken" testId="manage-taken">
            <p class="achterom-alert__text">{s('manage.reschedule.taken')}</p>
          </Alert>
          <SlotAlternatives
            legend={s('booking.taken.legend')}
            noneText={s('booking.taken.none')}
            slots={alternatives}
            selected={newSlot}
            onSelect={setNewSlot}
            dates={dates}
            idPrefix="reschedule-alternative"
            disabled={!hydrated}
            errorId={errorId}
          />
        </div>
      )}
      <div class={fieldClass(slotError)}>
        <FieldError id="reschedule-error" prefix={s('form.errorPrefix')} text={slotError ?? undefined} />
        <WeekSlotPicker
          s={strings}
          dates={dates}
          teamId={appointment.teamId}
          type={appointment.type}
          week={week}
          onWeekChange={setWeek}
          selected={newSlot}
          onSelect={setNewSlot}
          disabled={!hydrated}
          idPrefix="reschedule"
          errorId={errorId}
        />
      </div>
      <ConfirmButtons
        groupClass="achterom-manage__actions"
        busy={actions.busy}
        confirmLabel={s('manage.reschedule.submit')}
        backLabel={s('manage.reschedule.cancel')}
        onBack={() => actions.leavePanel('reschedule-button')}
      />
      <StatusLine busy={actions.busy} text={s('manage.reschedule.busy')} />
    </form>
  );
}
