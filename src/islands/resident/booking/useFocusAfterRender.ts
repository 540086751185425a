// Moves the focus once a render has put the element on the page: the heading of a new
// step, the error summary, an alert. Call it in the component that owns the whole view,
// so its layout effect runs after every part below it is on the page.
import { useLayoutEffect, useRef } from 'preact/hooks';

export function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useLayoutEffect(() => {
    // Not on the page yet (a render in between, while still busy): the render that
    // shows it takes the focus there.
    const target = pending.current === null ? null : document.getElementById(pending.current);
    if (!target) return;
    pending.current = null;
    target.focus();
  });
  return (id: string) => {
    pending.current = id;
  };
}
