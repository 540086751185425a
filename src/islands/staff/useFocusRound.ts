// Focus that follows a render: after each `again()` (a failed submit, a new message) the
// element takes the focus once it is on the page, even when the same text comes back.
import { useEffect, useRef, useState } from 'preact/hooks';

/** `firstRound` 1 focuses the element on the first render already. */
export function useFocusRound<T extends HTMLElement>(firstRound = 0) {
  const ref = useRef<T>(null);
  const [round, setRound] = useState(firstRound);
  useEffect(() => {
    if (round > 0) ref.current?.focus();
  }, [round]);
  return { ref, again: () => setRound((n) => n + 1) };
}
