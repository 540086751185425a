// The booking's steps as pages of their own. Each step is an entry in the browser
// history (state only, the address stays), so Back and Forward, a phone's too, move
// between the steps with every answer kept. A new step takes the focus to its heading,
// errors take it to the summary, and each step shows only its own errors.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BookingErrors } from './bookingAnswers';
import { useFocusAfterRender } from '../../shared/useFocusAfterRender';

export type Step = 'neighbourhood' | 'type' | 'slot' | 'details' | 'check';
export type View = Step | 'taken' | 'done';
export type SendFailure = 'failed' | 'busy' | 'timeout' | 'teamBusy';

export const STEPS: readonly Step[] = ['neighbourhood', 'type', 'slot', 'details', 'check'];

const HISTORY_KEY = 'achteromBookingStep';
const isView = (x: unknown): x is View => typeof x === 'string' && ([...STEPS, 'taken', 'done'] as string[]).includes(x);
const stateWith = (view: View) => ({ ...(history.state as object | null), [HISTORY_KEY]: view });

interface Options {
  /** The first step that still needs an answer, or null when everything is there. */
  firstIncomplete: () => Step | null;
}

export function useBookingSteps({ firstIncomplete }: Options) {
  const [view, setView] = useState<View>('neighbourhood');
  const viewRef = useRef<View>('neighbourhood');
  /** The steps this page pushed onto the history, oldest first. */
  const stepStack = useRef<View[]>(['neighbourhood']);
  const onHistory = useRef<(step: View) => void>(() => undefined);
  /** After "Wijzig" on the check step, Verder leads back to the check. */
  const [returnToCheck, setReturnToCheck] = useState(false);
  const [errors, setErrors] = useState<BookingErrors>({});
  const [sendFailed, setSendFailed] = useState<SendFailure | false>(false);
  const focusAfterRender = useFocusAfterRender();

  useEffect(() => {
    // Leaving the page (or the back/forward cache) starts the steps afresh; the form
    // forgets the answers itself.
    const onPageHide = () => {
      setErrors({});
      setSendFailed(false);
      setReturnToCheck(false);
      viewRef.current = 'neighbourhood';
      stepStack.current = ['neighbourhood'];
      setView('neighbourhood');
    };
    window.addEventListener('pagehide', onPageHide);
    history.replaceState(stateWith('neighbourhood'), '');
    const onPopState = (event: PopStateEvent) => {
      const step = (event.state as Record<string, unknown> | null)?.[HISTORY_KEY];
      if (isView(step)) onHistory.current(step);
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('popstate', onPopState);
    };
  }, []);

  function go(next: View, nextErrors: BookingErrors = {}, fromHistory = false) {
    setErrors(nextErrors);
    setSendFailed(false);
    if (!fromHistory && next !== viewRef.current) {
      history.pushState(stateWith(next), '');
      stepStack.current.push(next);
    }
    viewRef.current = next;
    setView(next);
    focusAfterRender(Object.keys(nextErrors).length ? 'error-summary' : 'step-heading');
  }

  // Back and Forward of the browser (or a phone) move between the steps.
  onHistory.current = (step: View) => {
    if (viewRef.current === 'done') {
      // Booked: Back does not reopen the form; the confirmation stays.
      history.pushState(stateWith('done'), '');
      return;
    }
    const stack = stepStack.current;
    if (stack[stack.length - 2] === step) stack.pop();
    else stack.push(step);
    go(step, {}, true);
  };

  function forward(from: Step) {
    if (returnToCheck) go(firstIncomplete() ?? 'check');
    else go(STEPS[STEPS.indexOf(from) + 1] ?? 'check');
  }

  function back(from: View) {
    const target = from === 'taken' ? 'slot' : returnToCheck && from !== 'check' && firstIncomplete() === null ? 'check' : STEPS[STEPS.indexOf(from as Step) - 1];
    if (!target) return;
    // The step before in the history too: go back there, so history and page agree.
    if (stepStack.current[stepStack.current.length - 2] === target) history.back();
    else go(target);
  }

  function change(step: Step) {
    setReturnToCheck(true);
    go(step);
  }

  function showErrors(next: BookingErrors) {
    setErrors(next);
    setSendFailed(false);
    focusAfterRender('error-summary');
  }

  /** A new try at sending: the last one's problems go. */
  function clearProblems() {
    setSendFailed(false);
    setErrors({});
  }

  function showSendFailure(failure: SendFailure) {
    setSendFailed(failure);
    focusAfterRender('send-error');
  }

  /** Booked: the confirmation replaces the form, in the history too. */
  function finish() {
    setErrors({});
    viewRef.current = 'done';
    history.replaceState(stateWith('done'), '');
    setView('done');
    focusAfterRender('confirmation-heading');
  }

  return { view, errors, sendFailed, go, forward, back, change, showErrors, clearProblems, showSendFailure, finish };
}
