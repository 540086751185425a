// News that is not an error (NL Design System alert, info): "your case is closed", "your
// appointment is moved". With an id it can take the focus, so it is read at once.
import type { ComponentChildren } from 'preact';

interface Props {
  /** The page's own notice style: the mailbox's or the booking pages'. */
  block: 'achterom-notice' | 'achterom-booking-notice';
  id?: string;
  testId?: string;
  /** One line of text; `children` follow it (a link, a button). */
  text?: string;
  children?: ComponentChildren;
}

export function InfoNotice({ block, id, testId, text, children }: Props) {
  return (
    <div class={`${block} utrecht-alert utrecht-alert--info`} id={id} tabIndex={id ? -1 : undefined} data-testid={testId}>
      {text !== undefined && <p class={`${block}__text`}>{text}</p>}
      {children}
    </div>
  );
}
