// Wipes the keys after a stretch without keyboard or pointer input, like the server's
// own idle limit. Runs while a session is open; a new session starts a new count.
import { useEffect, useRef } from 'preact/hooks';

export function useIdleTimeout(session: object | null, limitMs: number, onIdle: () => void) {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    if (!session) return undefined;
    const fire = () => onIdleRef.current();
    let timer = setTimeout(fire, limitMs);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(fire, limitMs);
    };
    const events = ['pointerdown', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [session]);
}
