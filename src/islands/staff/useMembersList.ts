// The members section's list: loaded when the section opens and on Refresh, kept while
// it reloads, and updated in place after an approval or a revocation. Every new list
// also goes to the console (for the "give this case to" choice).
import { useState } from 'preact/hooks';
import type { StaffApi } from './api';
import { fetchMembers, withMember } from './members';
import type { Member } from './types';

export type ListState = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; members: Member[] };

export function useMembersList(api: StaffApi, onMembers: (members: Member[]) => void) {
  const [list, setList] = useState<ListState>({ state: 'loading' });

  async function load() {
    setList((prev) => (prev.state === 'ready' ? prev : { state: 'loading' }));
    const r = await fetchMembers(api);
    if (!r.ok) {
      if (r.status !== 401) setList({ state: 'failed' });
      return;
    }
    setList({ state: 'ready', members: r.body });
    onMembers(r.body);
  }

  function replace(updated: Member) {
    setList((prev) => {
      if (prev.state !== 'ready') return prev;
      const members = withMember(prev.members, updated);
      onMembers(members);
      return { state: 'ready', members };
    });
  }

  return { list, load, replace };
}
