// Icons of the agenda: kind of appointment and status of a slot. Decorative only; the
// words next to them carry the meaning (never an icon or a colour alone).
import type { AppointmentType } from '../../lib/config/appointments';
import type { SlotStatus } from './slots';

/** A door in a wall: a visit through the back entrance. */
function DoorIcon() {
  return (
    <svg class="achterom-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M5 21V4.5A1.5 1.5 0 0 1 6.5 3h11A1.5 1.5 0 0 1 19 4.5V21" fill="none" stroke="currentColor" stroke-width="2" />
      <path d="M3 21h18" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      <circle cx="15" cy="12.5" r="1.4" fill="currentColor" />
    </svg>
  );
}

/** A video camera: a video call. */
function CameraIcon() {
  return (
    <svg class="achterom-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="2.5" y="6.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" stroke-width="2" />
      <path d="M15.5 10.5l6-3.5v10l-6-3.5z" fill="currentColor" />
    </svg>
  );
}

/** A handset: we call the resident. */
function PhoneIcon() {
  return (
    <svg class="achterom-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M6.6 3.5l2.6-.4 1.6 4.3-2 1.6a11 11 0 0 0 6.2 6.2l1.6-2 4.3 1.6-.4 2.6a2 2 0 0 1-2.1 1.7C10.5 18.7 5.3 13.5 4.9 5.6a2 2 0 0 1 1.7-2.1z"
        fill="currentColor"
      />
    </svg>
  );
}

export function TypeIcon({ type }: { type: AppointmentType }) {
  return type === 'achterom' ? <DoorIcon /> : type === 'video' ? <CameraIcon /> : <PhoneIcon />;
}

/** An empty circle: free. A filled circle with a person: booked. A circle with a bar: blocked. */
export function StatusIcon({ status }: { status: SlotStatus }) {
  if (status === 'free') {
    return (
      <svg class="achterom-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="2.2" />
      </svg>
    );
  }
  if (status === 'booked') {
    return (
      <svg class="achterom-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="10.5" fill="currentColor" />
        <circle cx="12" cy="9.3" r="3" fill="#fff" />
        <path d="M6.8 17.6a5.4 5.4 0 0 1 10.4 0z" fill="#fff" />
      </svg>
    );
  }
  return (
    <svg class="achterom-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="2.2" />
      <path d="M6.5 17.5l11-11" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
    </svg>
  );
}
