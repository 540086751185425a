// Small building blocks of the console's sections. Icons are decorative: the text next
// to them always carries the meaning (never colour alone). Form fields, the error
// summary, the error alert and the status line are the shared ones in ../shared.
import type { ComponentChildren, Ref } from 'preact';
import { ErrorIcon, Spinner } from '../Icon';
import { Alert } from '../shared/Alert';
import type { Say } from './strings';

export { ErrorIcon, Spinner };

export function CheckIcon() {
  return (
    <svg class="achterom-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10.5" fill="currentColor" />
      <path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

/** A closed padlock: only the handler may read the case. */
export function LockIcon() {
  return (
    <svg class="achterom-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="4.5" y="10.5" width="15" height="11" rx="1.5" fill="currentColor" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" stroke-width="2.4" />
    </svg>
  );
}

/** Three people: the team may discuss the case. */
export function PeopleIcon() {
  return (
    <svg class="achterom-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="7" r="3.2" fill="currentColor" />
      <circle cx="5" cy="9.5" r="2.5" fill="currentColor" />
      <circle cx="19" cy="9.5" r="2.5" fill="currentColor" />
      <path d="M6.5 20a5.5 5.5 0 0 1 11 0z" fill="currentColor" />
      <path d="M0.8 19.5a4.2 4.2 0 0 1 6.6-3.4M23.2 19.5a4.2 4.2 0 0 0-6.6-3.4" fill="none" stroke="currentColor" stroke-width="1.8" />
    </svg>
  );
}

interface ConsentBadgeProps {
  consent: 'handler' | 'team';
  say: Say;
}

export function ConsentBadge({ consent, say }: ConsentBadgeProps) {
  return (
    <span class={`achterom-badge achterom-badge--${consent}`} data-testid="consent-badge">
      {consent === 'handler' ? <LockIcon /> : <PeopleIcon />}
      <span>{say(consent === 'handler' ? 'staff.consentBadge.handler' : 'staff.consentBadge.team')}</span>
    </span>
  );
}

interface NoticeProps {
  kind: 'success' | 'error' | 'info';
  children: ComponentChildren;
  noticeRef?: Ref<HTMLDivElement> | undefined;
  testId?: string | undefined;
}

/** A message after an action. Focus it (tabIndex -1) when it is the answer to a button press. */
export function Notice({ kind, children, noticeRef, testId }: NoticeProps) {
  if (kind === 'error') {
    return (
      <Alert oneSentence alertRef={noticeRef} testId={testId}>
        {children}
      </Alert>
    );
  }
  return (
    <div class={`achterom-notice achterom-notice--${kind} utrecht-alert utrecht-alert--${kind === 'success' ? 'ok' : 'info'}`} tabIndex={-1} ref={noticeRef ?? null} data-testid={testId}>
      {kind === 'success' && <CheckIcon />}
      <p class="achterom-notice__text">{children}</p>
    </div>
  );
}

interface ReportNoticeProps {
  result: { ok: boolean; text: string } | null;
  noticeRef: Ref<HTMLDivElement>;
  testId: string;
  /** When a refusal has a test id of its own. */
  errorTestId?: string;
}

/** The answer to the last button press (see useReport), green or red. */
export function ReportNotice({ result, noticeRef, testId, errorTestId }: ReportNoticeProps) {
  if (!result) return null;
  return (
    <Notice kind={result.ok ? 'success' : 'error'} noticeRef={noticeRef} testId={result.ok ? testId : (errorTestId ?? testId)}>
      {result.text}
    </Notice>
  );
}

interface PanelProps {
  /** The section's name: ids `${name}-heading`. */
  name: string;
  heading: string;
  headingRef: Ref<HTMLHeadingElement>;
  /** One line under the heading on what the section is for. */
  intro?: string;
  testId?: string;
  /** A form on its own (sign-in, passphrase): a narrower column. */
  narrow?: boolean;
  children: ComponentChildren;
}

/** One of the console's sections (#agenda, #beschikbaarheid…): its heading takes the focus when it opens. */
export function Panel({ name, heading, headingRef, intro, testId, narrow, children }: PanelProps) {
  return (
    <section class={narrow ? 'achterom-panel achterom-console__narrow' : 'achterom-panel'} aria-labelledby={`${name}-heading`} data-testid={testId}>
      <h2 id={`${name}-heading`} tabIndex={-1} ref={headingRef}>
        {heading}
      </h2>
      {intro && <p class="achterom-panel__intro">{intro}</p>}
      {children}
    </section>
  );
}

export const SECONDARY_BUTTON = 'achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action';

interface BusyButtonProps {
  busy: boolean;
  onPress: () => void;
  /** Default: a secondary button. */
  class?: string;
  id?: string;
  testId?: string;
  children: ComponentChildren;
}

/** A button that stays focusable while its work runs (aria-disabled, not disabled) and ignores presses meanwhile. */
export function BusyButton({ busy, onPress, class: className = SECONDARY_BUTTON, id, testId, children }: BusyButtonProps) {
  return (
    <button
      class={className}
      type="button"
      id={id}
      data-testid={testId}
      aria-disabled={busy ? 'true' : undefined}
      onClick={() => {
        if (!busy) onPress();
      }}
    >
      {children}
    </button>
  );
}
