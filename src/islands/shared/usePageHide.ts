// Leaving the page (or putting it in the back/forward cache) forgets what the resident
// typed and what was decrypted: a shared computer keeps nothing.
import { useEffect, useRef } from 'preact/hooks';

/** Runs the latest onHide on every pagehide while the island is on the page. */
export function usePageHide(onHide: () => void): void {
  const latest = useRef(onHide);
  latest.current = onHide;
  useEffect(() => {
    const listener = () => latest.current();
    window.addEventListener('pagehide', listener);
    return () => window.removeEventListener('pagehide', listener);
  }, []);
}
