// Which section of the console is on screen. It follows the address's #fragment, so
// Back and Forward work and each section has an address; it remembers where a case
// was opened from (Back returns the focus there) and carries one message across a
// change of section (the inbox's "case deleted").
import { useEffect, useRef, useState } from 'preact/hooks';
import { allowed, hashOf, navigate, parseHash, type Navigation, type View } from './consoleRoutes';
import type { Role, StaffInfo } from './types';

export function useConsoleView(staff: StaffInfo | null, onBackToInbox: () => void) {
  const [view, setView] = useState<View>({ name: 'inbox' });
  const [flash, setFlash] = useState<string | null>(null);
  const viewRef = useRef<View>(view);
  const navRef = useRef<Navigation>({ caseOrigin: 'inbox', lastCase: null });
  /** A message for the inbox, shown after the next change of section (a deleted case). */
  const pendingFlash = useRef<string | null>(null);

  useEffect(() => {
    if (!staff) return undefined;
    const onHash = () => {
      const prev = viewRef.current;
      const next = allowed(parseHash(location.hash), staff.role);
      const moved = navigate(prev, next, navRef.current);
      navRef.current = { caseOrigin: moved.caseOrigin, lastCase: moved.lastCase };
      if (moved.refreshInbox) onBackToInbox();
      viewRef.current = next;
      setView(next);
      setFlash(pendingFlash.current);
      pendingFlash.current = null;
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [staff]);

  /** After sign-in: the address's view if the role may see it, else the role's first section. */
  function start(role: Role) {
    const first = allowed(parseHash(location.hash), role);
    history.replaceState(null, '', hashOf(first));
    viewRef.current = first;
    setView(first);
  }

  function open(next: View) {
    location.hash = hashOf(next);
  }

  /** The case was deleted here: back to the inbox, which says so. */
  function leaveDeletedCase(message: string) {
    navRef.current = { ...navRef.current, lastCase: null };
    pendingFlash.current = message;
    open({ name: 'inbox' });
  }

  return { view, flash, clearFlash: () => setFlash(null), nav: navRef.current, start, open, leaveDeletedCase };
}
