// The alert the cancel and the move panel show when their request failed.
import { Alert } from '../../shared/Alert';
import type { AppointmentActions } from './useAppointmentActions';
import type { StringKey } from './openAppointment';

/** Focused after a failed cancel or move; "too many tries" has its own words. */
export function ActionError({ actions, s }: { actions: AppointmentActions; s: (key: StringKey) => string }) {
  if (!actions.failed || actions.busy) return null;
  const key = actions.failed === 'busy' ? 'booking.error.busy' : actions.mode === 'reschedule' ? 'manage.reschedule.error' : 'manage.cancel.error';
  return (
    <Alert id="manage-action-error" testId="manage-action-error">
      <p class="achterom-alert__text">{s(key)}</p>
    </Alert>
  );
}
