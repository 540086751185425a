// A case that is not on screen yet: loading, gone, not for this member, or failed (with a
// retry); and a case whose contents cannot be opened, with the reason.
import type { JSX, RefObject } from 'preact';
import { Alert } from '../shared/Alert';
import { StatusLine } from '../shared/StatusLine';
import { ErrorIcon } from './ui';
import { formatDay } from './dates';
import type { UnreadableReason } from './caseCrypto';
import type { Say } from './strings';

interface Props {
  say: Say;
  state: 'loading' | 'notFound' | 'forbidden' | 'failed';
  back: JSX.Element;
  headingRef: RefObject<HTMLHeadingElement>;
  onRetry: () => void;
}

export function CaseDetailWaiting({ say, state, back, headingRef, onRetry }: Props) {
  const text =
    state === 'notFound' ? say('staff.case.notFound') : state === 'forbidden' ? say('staff.case.forbidden') : state === 'failed' ? say('staff.case.failed') : null;
  return (
    <section class="achterom-detail" aria-labelledby="case-detail-heading" data-testid="case-detail">
      {back}
      <h2 id="case-detail-heading" tabIndex={-1} ref={headingRef}>
        {say('staff.case.question')}
      </h2>
      <StatusLine busy={state === 'loading'} text={say('staff.case.loading')} />
      {text && (
        <Alert oneSentence testId="case-detail-problem">
          {text}
        </Alert>
      )}
      {state === 'failed' && (
        <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="button" onClick={onRetry}>
          {say('staff.case.retry')}
        </button>
      )}
    </section>
  );
}

interface UnreadableProps {
  say: Say;
  reason: UnreadableReason | null;
  kind: 'question' | 'appointment';
  createdDay: string;
}

export function UnreadableCase({ say, reason, kind, createdDay }: UnreadableProps) {
  return (
    <>
      <p class="achterom-case__problem" data-testid="case-unreadable">
        <ErrorIcon />
        <span>
          {reason === 'untrusted'
            ? say('staff.trust.untrusted')
            : reason === 'unknown_key'
              ? say('staff.trust.unknownKey')
              : say(kind === 'appointment' ? 'staff.booking.unreadableDetail' : 'staff.case.unreadableDetail')}
        </span>
      </p>
      <dl class="achterom-case__facts">
        <div>
          <dt>{say('staff.case.receivedDay')}</dt>
          <dd>{formatDay(createdDay)}</dd>
        </div>
      </dl>
    </>
  );
}
