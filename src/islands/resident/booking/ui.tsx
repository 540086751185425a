// Small pieces the booking islands share: the error summary (GOV.UK pattern), inline
// field errors and the case code in groups of four.
import type { ComponentChildren } from 'preact';
import { ErrorIcon } from '../../Icon';
import { focusField } from '../../focus';
export { FieldError, describedBy } from '../../shared/fields/FieldError';


export interface SummaryError {
  /** Id of the control the link focuses. */
  target: string;
  text: string;
}

/** Takes focus after a failed step (the caller focuses `id`); each link focuses its field. */
export function ErrorSummary({ id, title, errors }: { id: string; title: string; errors: SummaryError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="achterom-error-summary" id={id} tabIndex={-1} aria-labelledby={`${id}-title`}>
      <h2 class="achterom-error-summary__title" id={`${id}-title`}>
        <ErrorIcon />
        <span>{title}</span>
      </h2>
      <ul class="achterom-error-summary__list">
        {errors.map((e) => (
          <li key={e.target + e.text}>
            <a
              href={`#${e.target}`}
              onClick={(event) => {
                event.preventDefault();
                focusField(e.target);
              }}
            >
              {e.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The red text above a field; "Fout:" is read by screen readers only. */

/** A failed action, focused so it is read at once. */
export function Alert({ id, children, testId }: { id: string; children: ComponentChildren; testId?: string | undefined }) {
  return (
    <div class="achterom-alert utrecht-alert utrecht-alert--error" id={id} tabIndex={-1} data-testid={testId}>
      <ErrorIcon />
      <div class="achterom-booking__alert-body">{children}</div>
    </div>
  );
}
