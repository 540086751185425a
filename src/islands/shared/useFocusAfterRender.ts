// Moves the focus to an element once the render that puts it on the page is done (a
// heading after a step, an alert after a failure), the GOV.UK way.
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Returns focusAfterRender(id): the focus goes to #id as soon as a render has put it on the page. */
export function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string | null>(null);
  // A request always renders again, even when nothing else changed (the same error twice).
  const [, setRequests] = useState(0);
  useLayoutEffect(() => {
    const id = pending.current;
    if (!id) return;
    // Not on the page yet (a render in between, while still busy): the render that
    // shows it takes the focus there.
    const target = document.getElementById(id);
    if (!target) return;
    pending.current = null;
    target.focus();
  });
  return useCallback((id: string) => {
    pending.current = id;
    setRequests((n) => n + 1);
  }, []);
}
