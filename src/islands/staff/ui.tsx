// Small building blocks shared by the console's sections. Icons are decorative: the
// text next to them always carries the meaning (never colour alone).
import type { ComponentChildren, Ref } from 'preact';
import { ErrorIcon, Spinner } from '../Icon';
import { focusField } from '../focus';
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
  const cls = kind === 'error' ? 'achterom-alert utrecht-alert utrecht-alert--error' : `achterom-notice achterom-notice--${kind} utrecht-alert utrecht-alert--${kind === 'success' ? 'ok' : 'info'}`;
  return (
    <div class={cls} tabIndex={-1} ref={noticeRef ?? null} data-testid={testId}>
      {kind === 'error' ? <ErrorIcon /> : kind === 'success' ? <CheckIcon /> : null}
      <p class={kind === 'error' ? 'achterom-alert__text' : 'achterom-notice__text'}>{children}</p>
    </div>
  );
}

export function FieldError({ id, message, say }: { id: string; message: string | undefined; say: Say }) {
  if (!message) return null;
  return (
    <p class="achterom-form-field__error utrecht-form-field-error-message" id={id}>
      <ErrorIcon />
      <span>
        <span class="achterom-visually-hidden">{say('form.errorPrefix')} </span>
        {message}
      </span>
    </p>
  );
}

interface ErrorSummaryProps {
  say: Say;
  id: string;
  errors: { field: string; message: string }[];
  summaryRef: Ref<HTMLDivElement>;
}

/** GOV.UK error summary: takes focus after a failed submit, links jump to the fields. */
export function ErrorSummary({ say, id, errors, summaryRef }: ErrorSummaryProps) {
  if (errors.length === 0) return null;
  return (
    <div class="achterom-error-summary" tabIndex={-1} ref={summaryRef} aria-labelledby={`${id}-title`}>
      <h3 class="achterom-error-summary__title" id={`${id}-title`}>
        <ErrorIcon />
        <span>{say('form.errorSummary.title')}</span>
      </h3>
      <ul class="achterom-error-summary__list">
        {errors.map((e) => (
          <li key={e.field}>
            <a
              href={`#${e.field}`}
              onClick={(event) => {
                event.preventDefault();
                focusField(e.field);
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Progress text in a live region; empty when idle. */
export function Busy({ busy, text }: { busy: boolean; text: string }) {
  return (
    <p class="achterom-status" role="status" aria-live="polite">
      {busy && (
        <>
          <Spinner />
          {text}
        </>
      )}
    </p>
  );
}

/** The ids a control's aria-describedby should list, skipping the absent ones. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter((x): x is string => typeof x === 'string' && x.length > 0);
  return list.length ? list.join(' ') : undefined;
}
