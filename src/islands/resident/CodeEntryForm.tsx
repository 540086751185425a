// The form that asks for the 16-digit code on Mijn vraag and Mijn afspraak: a notice after
// closing, the error summary, the answer to the last attempt, the code field, the button
// and what is happening now. The page brings its own words, ids and links.
import type { ComponentChildren } from 'preact';
import type { LookupFailure } from '../shared/caseLookup';
import { Alert } from '../shared/Alert';
import { StatusLine } from '../shared/StatusLine';
import { ErrorSummary } from '../shared/fields/ErrorSummary';
import { CODE_FIELD_ID, CodeField } from '../shared/fields/CodeField';
import { withWotPhone } from '../shared/withWotPhone';
import type { CodeLookup } from './useCodeLookup';

interface Props {
  lookup: CodeLookup;
  disabled: boolean;
  formClass: string;
  testId?: string;
  /** Shown after the resident closed an open case. */
  closedNotice: ComponentChildren;
  summaryId: string;
  /** The summary title's id, when the page's differs from `${summaryId}-title`. */
  summaryTitleId?: string;
  failureId: string;
  failureTestId: (failure: LookupFailure) => string;
  /** What went wrong, per failure; the timeout's words get the phone number. */
  failureText: Record<LookupFailure, string>;
  /** Below a notFound: where to start anew. */
  notFoundMore: ComponentChildren;
  words: { label: string; hint: string; errorSummaryTitle: string; errorPrefix: string; submit: string; opening: string };
  /** Below the status line (what to do without a code). */
  children?: ComponentChildren;
}

export function CodeEntryForm({ lookup, disabled, words, failureId, ...props }: Props) {
  const failure = lookup.shownFailure;
  return (
    <form class={props.formClass} method="post" noValidate onSubmit={lookup.submit} data-testid={props.testId}>
      {lookup.closedNotice && props.closedNotice}

      <ErrorSummary
        id={props.summaryId}
        titleId={props.summaryTitleId}
        title={words.errorSummaryTitle}
        errors={lookup.codeError ? [{ target: CODE_FIELD_ID, text: lookup.codeError }] : []}
      />

      {failure && (
        <Alert id={failureId} testId={props.failureTestId(failure)}>
          <p class="achterom-alert__text">{failure === 'timeout' ? withWotPhone(props.failureText.timeout) : props.failureText[failure]}</p>
          {failure === 'notFound' && props.notFoundMore}
        </Alert>
      )}

      <CodeField
        label={words.label}
        hint={words.hint}
        value={lookup.code}
        error={lookup.codeError ?? undefined}
        errorPrefix={words.errorPrefix}
        disabled={disabled}
        describedByExtra={failure && failureId}
        onInput={lookup.setCode}
      />

      <button class="achterom-button achterom-button--large utrecht-button utrecht-button--primary-action" type="submit" disabled={disabled} aria-disabled={lookup.opening ? 'true' : undefined}>
        {words.submit}
      </button>
      <StatusLine busy={lookup.opening} text={words.opening} />

      {props.children}
    </form>
  );
}
