// Staff console: sign in, unlock personal keys and the team key in this browser, then
// work on cases, the agenda, availability, members, the audit log and the passphrase. One island on purpose: the
// secret keys live only in this component's memory (a ref), never in storage, so every
// section that needs them is a part of it, reached by the address's #fragment.
// Signing out, a 401 from the API or 15 minutes without input wipes the keys.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { findTeam } from '../../lib/config/teams';
import { Alert } from '../shared/Alert';
import type { StaffConsoleStrings } from './staffConsoleStrings';
import { createStaffApi } from './api';
import { makeSay } from './strings';
import { canAssign, isCaseStatus, type GrantInfo, type Member, type Role, type StaffInfo, type Vault } from './types';
import { LoginForm, type Unlocked } from './LoginForm';
import { Inbox } from './Inbox';
import { JunkPanel } from './JunkPanel';
import { useInbox } from './useInbox';
import { CaseDetail } from './CaseDetail';
import { MembersPanel } from './MembersPanel';
import { AuditPanel } from './AuditPanel';
import { signCheckpoint } from './auditCheck';
import { PassphrasePanel } from './PassphrasePanel';
import { AgendaPanel } from './AgendaPanel';
import { AvailabilityPanel } from './AvailabilityPanel';
import { startPosition, type AgendaPosition } from './agendaPosition';
import { ConsoleNav } from './ConsoleNav';
import { currentSection, sectionsFor, toggled } from './consoleRoutes';
import { fetchMembers, memberName } from './members';
import { SessionFacts } from './SessionFacts';
import { useConsoleView } from './useConsoleView';
import { useIdleTimeout } from './useIdleTimeout';
import { wipeVault } from './vault';
import '../../styles/forms.css';
import '../../styles/console.css';
import '../../styles/inbox.css';

interface Props {
  strings: StaffConsoleStrings;
}

/** Same as the server's idle limit: after this long without input the keys are wiped. */
const IDLE_MS = 15 * 60 * 1000;

export default function StaffConsole({ strings }: Props) {
  const say = useMemo(() => makeSay(strings), [strings]);
  const [hydrated, setHydrated] = useState(false);
  const [staff, setStaff] = useState<StaffInfo | null>(null);
  const [keyMismatch, setKeyMismatch] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; round: number } | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const [assignments, setAssignments] = useState<Record<string, GrantInfo[]>>({});
  const [members, setMembers] = useState<Member[] | 'failed' | null>(null);
  /** Inbox lines the team lead picked for removal as junk. */
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  // Where the agenda and the editor's list stand, kept while the member opens a case and comes back.
  const [agendaPos, setAgendaPos] = useState<AgendaPosition>(() => startPosition('day'));
  const [editorPos, setEditorPos] = useState<AgendaPosition>(() => startPosition('week'));

  // Secret material: a ref, so it is never serialised, rendered or copied into state.
  const vaultRef = useRef<Vault | null>(null);
  const staffRef = useRef<StaffInfo | null>(null);
  staffRef.current = staff;

  const expire = useRef<() => void>(() => undefined);
  expire.current = () => endLocalSession(say('staff.session.expired'));
  const api = useMemo(() => createStaffApi(() => expire.current()), []);
  const getVault = () => vaultRef.current;
  const inboxData = useInbox(api, staff !== null && staff.role !== 'privacy');
  const { inbox } = inboxData;
  const route = useConsoleView(staff, () => void inboxData.refresh(true));
  const { view } = route;

  // The tab shows how many cases wait for this member, so news is seen from another tab.
  const baseTitle = useRef<string | null>(null);
  const attention = inbox.state === 'ready' ? inbox.attention : 0;
  useEffect(() => {
    baseTitle.current ??= document.title;
    document.title = attention > 0 ? `(${attention}) ${baseTitle.current}` : baseTitle.current;
  }, [attention]);

  // Who holds which case, as the list says (members who may assign).
  useEffect(() => {
    if (inbox.state !== 'ready') return;
    const holders: Record<string, GrantInfo[]> = {};
    for (const c of inbox.cases) if (c.assignees) holders[c.id] = c.assignees.map((staffId) => ({ staffId, grantedBy: '', createdDay: '' }));
    setAssignments((prev) => ({ ...prev, ...holders }));
  }, [inbox]);

  useEffect(() => {
    setHydrated(true);
    return () => wipeKeys();
  }, []);

  useIdleTimeout(staff, IDLE_MS, onIdle);

  function wipeKeys() {
    const vault = vaultRef.current;
    vaultRef.current = null;
    if (vault) wipeVault(vault);
  }

  function endLocalSession(message: string | null) {
    if (!staffRef.current && !vaultRef.current) return;
    wipeKeys();
    inboxData.reset();
    setAssignments({});
    setPicked(new Set());
    setMembers(null);
    route.clearFlash();
    setAgendaPos(startPosition('day'));
    setEditorPos(startPosition('week'));
    setKeyMismatch(null);
    setStaff(null);
    // Leave no case id in the address bar for the next person at this computer.
    history.replaceState(null, '', location.pathname + location.search);
    if (message) setNotice((n) => ({ text: message, round: (n?.round ?? 0) + 1 }));
    else {
      setNotice(null);
      setSignedOut(true);
    }
  }

  function onIdle() {
    endLocalSession(say('staff.login.expired'));
    void fetch('/api/staff/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
  }

  async function signOut() {
    endLocalSession(null);
    try {
      await fetch('/api/staff/logout', { method: 'POST', credentials: 'same-origin', cache: 'no-store' });
    } catch {
      // The keys are gone from this browser either way; the server session expires by itself.
    }
  }

  /** Colleagues to give cases to (intake and team leads). */
  async function loadMembers(role: Role) {
    if (!canAssign(role)) return;
    const r = await fetchMembers(api);
    if (r.ok) setMembers(r.body);
    else if (r.status !== 401) setMembers('failed');
  }

  function onUnlocked({ staff: who, vault, keyMismatch: mismatch }: Unlocked) {
    vaultRef.current = vault;
    staffRef.current = who;
    setKeyMismatch(mismatch);
    setNotice(null);
    setSignedOut(false);
    route.start(who.role);
    setStaff(who);
    if (who.role !== 'privacy') void inboxData.refresh();
    void loadMembers(who.role);
    // A team lead vouches for the audit chain as it stands, once their browser has checked it.
    if (who.role === 'teamlead') void signCheckpoint(api, vault, who);
  }

  if (!staff) {
    return <LoginForm say={say} hydrated={hydrated} notice={notice} focusHeading={signedOut} onUnlocked={onUnlocked} />;
  }

  const team = staff.teamId ? findTeam(staff.teamId) : undefined;
  const sections = sectionsFor(staff.role);
  const { caseOrigin, lastCase } = route.nav;
  const nameOf = (staffId: string) => memberName(say, staffId, staff, members);

  return (
    <div class="achterom-console">
      <SessionFacts say={say} staff={staff} team={team} onSignOut={signOut} />

      {keyMismatch && (
        <Alert oneSentence>
          {say('staff.fingerprintMismatch')} {say('staff.fingerprintHeld')}: <code>{keyMismatch}</code>
        </Alert>
      )}

      <ConsoleNav say={say} sections={sections} current={currentSection(view, staff.role, caseOrigin)} />

      {view.name === 'inbox' && (
        <Inbox
          say={say}
          role={staff.role}
          inbox={inbox}
          query={inboxData.query}
          noTeamKey={staff.role !== 'casemanager' && (vaultRef.current?.teamKeys.size ?? 0) === 0}
          assignedNames={(id) => (canAssign(staff.role) && assignments[id] ? assignments[id].map((g) => nameOf(g.staffId)) : null)}
          returnFocusTo={lastCase}
          flash={route.flash}
          onRefresh={() => void inboxData.refresh(true)}
          onMore={() => void inboxData.loadMore()}
          onQuery={inboxData.setQuery}
          picked={staff.role === 'teamlead' ? { ids: picked, onPick: (id, on) => setPicked((prev) => toggled(prev, id, on)) } : undefined}
          onOpen={(id) => route.open({ name: 'case', id })}
        />
      )}
      {view.name === 'inbox' && staff.role === 'teamlead' && (
        <JunkPanel
          say={say}
          api={api}
          staff={staff}
          getVault={getVault}
          picked={[...picked]}
          onRemoved={() => {
            setPicked(new Set());
            void inboxData.refresh(true);
          }}
        />
      )}
      {view.name === 'case' && (
        <CaseDetail
          key={view.id}
          say={say}
          api={api}
          getVault={getVault}
          staff={staff}
          caseId={view.id}
          members={members}
          memberName={nameOf}
          onGrants={(id, grants) => setAssignments((prev) => ({ ...prev, [id]: grants }))}
          onStatus={(id, status) => inboxData.patch(id, (c) => ({ ...c, status: isCaseStatus(status) ? status : c.status }))}
          onGone={(id) => inboxData.patch(id, () => null)}
          onOpened={(id) => inboxData.patch(id, (c) => ({ ...c, unseen: false, unread: 0 }))}
          backTo={caseOrigin === 'agenda' ? 'agenda' : 'inbox'}
          onAgendaDay={sections.includes('agenda') ? (date) => setAgendaPos({ view: 'day', date }) : null}
          onDeleted={(id) => {
            inboxData.patch(id, () => null);
            route.leaveDeletedCase(say('staff.inbox.deleted'));
          }}
        />
      )}
      {view.name === 'agenda' && <AgendaPanel say={say} api={api} staff={staff} position={agendaPos} onPosition={setAgendaPos} returnFocusTo={lastCase} />}
      {view.name === 'availability' && <AvailabilityPanel say={say} api={api} staff={staff} position={editorPos} onPosition={setEditorPos} />}
      {view.name === 'members' && (
        <MembersPanel say={say} api={api} getVault={getVault} staff={staff} onMembers={(list) => setMembers(list.filter((m) => m.status === 'active'))} />
      )}
      {view.name === 'audit' && <AuditPanel say={say} api={api} staff={staff} getVault={getVault} />}
      {view.name === 'passphrase' && <PassphrasePanel say={say} api={api} getVault={getVault} staff={staff} />}
    </div>
  );
}
