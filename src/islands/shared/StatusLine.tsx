// What is happening right now ("Versleutelen…"), in a polite live region: a spinner and
// the text while busy, an empty region otherwise (so the next text is announced), or
// what the work found (children, e.g. "12 vragen") once it is done.
import type { ComponentChildren } from 'preact';
import { Spinner } from '../Icon';

interface Props {
  busy: boolean;
  text: string;
  /** Shown while not busy. */
  children?: ComponentChildren;
  testId?: string;
}

export function StatusLine({ busy, text, children, testId }: Props) {
  return (
    <p class="achterom-status" role="status" aria-live="polite" data-testid={testId}>
      {busy ? (
        <>
          <Spinner />
          {text}
        </>
      ) : (
        children
      )}
    </p>
  );
}
