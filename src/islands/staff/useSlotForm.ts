// What the two slot forms (a weekly pattern, one extra slot) keep alike: the team's
// kinds and places, the values (the duration follows the kind until it is typed over),
// the errors with a summary that takes the focus, the busy flag and the result notice.
import { useRef, useState } from 'preact/hooks';
import { appointmentsFor, locationsFor, type AppointmentType } from '../../lib/config/appointments';
import { durationAfterTypeChange, type FieldErrors, type SlotBasics } from './slotForms';
import { summaryLinks } from './summaryLinks';
import { useReport } from './useReport';

export function useSlotForm<V extends SlotBasics>(teamId: string, rest: Omit<V, keyof SlotBasics>) {
  const config = appointmentsFor(teamId);
  const types = config?.types ?? [];
  const locations = locationsFor(teamId);
  const defaultDuration = (type: AppointmentType | '') => (type && config ? String(config.durationMinutes[type]) : '');
  const [values, setValues] = useState<V>(
    () =>
      ({
        type: 'achterom',
        locationId: locations.length === 1 ? locations[0]!.id : '',
        duration: defaultDuration('achterom'),
        ...rest,
      }) as V,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const outcome = useReport();
  const summaryRef = useRef<HTMLDivElement>(null);

  function set<K extends keyof V>(key: K, value: V[K]) {
    setValues((prev) => ({ ...prev, [key]: value }));
  }

  function chooseType(type: AppointmentType) {
    setValues((prev) => ({ ...prev, type, duration: durationAfterTypeChange(prev.duration, defaultDuration(prev.type), defaultDuration(type)) }));
  }

  function showErrors(next: FieldErrors) {
    setErrors(next);
    outcome.clear();
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  /** Checks passed: clear the old errors and result, and go. */
  function start() {
    setErrors({});
    outcome.clear();
    setBusy(true);
  }

  /** The summary's links, in form order; a group's link goes to its first control. */
  const summary = (order: readonly string[], targetOf?: (field: string) => string) => summaryLinks(errors, order, targetOf);

  return { types, locations, defaultDuration, values, set, chooseType, errors, busy, setBusy, start, showErrors, summary, summaryRef, outcome };
}
