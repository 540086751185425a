// A failed action (NL Design System alert, error): focused by the caller so it is read at
// once; the icon goes with the words, never colour alone.
import type { ComponentChildren, Ref } from 'preact';
import { ErrorIcon } from '../Icon';

interface Props {
  id?: string | undefined;
  testId?: string | undefined;
  alertRef?: Ref<HTMLDivElement> | undefined;
  /** One paragraph beside the icon, without the body wrapper (the mailbox's alerts). */
  bare?: boolean | undefined;
  children: ComponentChildren;
  /** One bold sentence (p.achterom-alert__text) instead of a body of paragraphs. */
  oneSentence?: boolean;
}

export function Alert({ id, testId, alertRef, bare, oneSentence, children }: Props) {
  return (
    <div class="achterom-alert utrecht-alert utrecht-alert--error" id={id} tabIndex={-1} ref={alertRef ?? null} data-testid={testId}>
      <ErrorIcon />
      {bare ? children : oneSentence ? <p class="achterom-alert__text">{children}</p> : <div class="achterom-alert__body">{children}</div>}
    </div>
  );
}
