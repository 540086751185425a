// "Do you want to cancel?": yes cancels for good, no goes back to the appointment.
import { StatusLine } from '../../shared/StatusLine';
import { ConfirmButtons } from '../../shared/ConfirmButtons';
import { ActionError } from './ActionError';
import type { AppointmentActions } from './useAppointmentActions';
import type { StringKey } from './openAppointment';

export function CancelPanel({ actions, s }: { actions: AppointmentActions; s: (key: StringKey) => string }) {
  return (
    <div class="achterom-manage__confirm" data-testid="manage-cancel-confirm">
      <h2 id="cancel-confirm-heading" tabIndex={-1}>
        {s('manage.cancel.confirm.heading')}
      </h2>
      <p>{s('manage.cancel.confirm.text')}</p>
      <ActionError actions={actions} s={s} />
      <ConfirmButtons
        groupClass="achterom-manage__actions"
        busy={actions.busy}
        confirmLabel={s('manage.cancel.confirm.yes')}
        warning
        onConfirm={() => void actions.confirmCancel()}
        backLabel={s('manage.cancel.confirm.no')}
        onBack={() => actions.leavePanel('cancel-button')}
      />
      <StatusLine busy={actions.busy} text={s('manage.cancel.busy')} />
    </div>
  );
}
