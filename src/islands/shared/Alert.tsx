// A failed action (NL Design System alert, error): focused by the caller so it is read at
// once; the icon goes with the words, never colour alone.
import type { ComponentChildren, Ref } from 'preact';
import { ErrorIcon } from '../Icon';

interface Props {
  id?: string | undefined;
  testId?: string | undefined;
  alertRef?: Ref<HTMLDivElement> | undefined;
  children: ComponentChildren;
  /** One bold sentence (p.achterom-alert__text) instead of a body of paragraphs. */
  oneSentence?: boolean;
}

export function Alert({ id, testId, alertRef, children, oneSentence }: Props) {
  return (
    <div class="achterom-alert utrecht-alert utrecht-alert--error" id={id} tabIndex={-1} ref={alertRef ?? null} data-testid={testId}>
      <ErrorIcon />
      {oneSentence ? <p class="achterom-alert__text">{children}</p> : <div class="achterom-alert__body">{children}</div>}
    </div>
  );
}
