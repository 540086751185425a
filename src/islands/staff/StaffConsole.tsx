// Staff console: sign in, unlock personal keys and the team key in this browser, then
// work on cases, the agenda, availability, members, the audit log and the passphrase. One island on purpose: the
// secret keys live only in this component's memory (a ref), never in storage, so every
// section that needs them is a part of it, reached by the address's #fragment.
// Signing out, a 401 from the API or 15 minutes without input wipes the keys.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { findTeam } from '../../lib/config/teams';
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
import { ErrorIcon } from './ui';
import { SessionFacts } from './SessionFacts';
import '../../styles/forms.css';
import '../../styles/console.css';
import '../../styles/inbox.css';

interface Props {
  strings: StaffConsoleStrings;
}

type View =
  | { name: 'inbox' }
  | { name: 'case'; id: string }
  | { name: 'agenda' }
  | { name: 'availability' }
  | { name: 'members' }
  | { name: 'audit' }
  | { name: 'passphrase' };
type Section = Exclude<View['name'], 'case'>;

const HASHES: Record<Section, string> = {
  inbox: 'vragen',
  agenda: 'agenda',
  availability: 'beschikbaarheid',
  members: 'leden',
  audit: 'logboek',
  passphrase: 'wachtwoordzin',
};

function parseHash(hash: string): View {
  const h = hash.replace(/^#/, '');
  if (h.startsWith('vraag/')) {
    try {
      return { name: 'case', id: decodeURIComponent(h.slice('vraag/'.length)) };
    } catch {
      return { name: 'inbox' };
    }
  }
  const section = (Object.keys(HASHES) as Section[]).find((k) => HASHES[k] === h);
  return section ? ({ name: section } as View) : { name: 'inbox' };
}

function hashOf(view: View): string {
  return view.name === 'case' ? `#vraag/${encodeURIComponent(view.id)}` : `#${HASHES[view.name]}`;
}

/** What each role may see (DESIGN section 4). The API enforces the same. */
function sectionsFor(role: Role): Section[] {
  if (role === 'privacy') return ['audit', 'passphrase'];
  if (role === 'teamlead') return ['inbox', 'agenda', 'availability', 'members', 'audit', 'passphrase'];
  return ['inbox', 'agenda', 'passphrase'];
}

function allowed(view: View, role: Role): View {
  const sections = sectionsFor(role);
  const section: Section = view.name === 'case' ? 'inbox' : view.name;
  return sections.includes(section) ? view : ({ name: sections[0] ?? 'passphrase' } as View);
}

function toggled(set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
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
  const [view, setView] = useState<View>({ name: 'inbox' });
  const [assignments, setAssignments] = useState<Record<string, GrantInfo[]>>({});
  const [members, setMembers] = useState<Member[] | 'failed' | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  /** Inbox lines the team lead picked for removal as junk. */
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  // Where the agenda and the editor's list stand, kept while the member opens a case and comes back.
  const [agendaPos, setAgendaPos] = useState<AgendaPosition>(() => startPosition('day'));
  const [editorPos, setEditorPos] = useState<AgendaPosition>(() => startPosition('week'));

  // Secret material: a ref, so it is never serialised, rendered or copied into state.
  const vaultRef = useRef<Vault | null>(null);
  const lastCaseRef = useRef<string | null>(null);
  /** The section a case was opened from, so Back returns the focus there. */
  const caseOriginRef = useRef<Section>('inbox');
  const viewRef = useRef<View>(view);
  /** A message for the inbox, shown after the next change of section (a deleted case). */
  const pendingFlash = useRef<string | null>(null);
  const staffRef = useRef<StaffInfo | null>(null);
  staffRef.current = staff;

  const expire = useRef<() => void>(() => undefined);
  expire.current = () => endLocalSession(say('staff.session.expired'));
  const api = useMemo(() => createStaffApi(() => expire.current()), []);
  const getVault = () => vaultRef.current;
  const inboxData = useInbox(api, staff !== null && staff.role !== 'privacy');
  const { inbox } = inboxData;

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

  // Sections follow the #fragment, so Back and Forward work and each section has an address.
  useEffect(() => {
    if (!staff) return undefined;
    const onHash = () => {
      const prev = viewRef.current;
      const next = allowed(parseHash(location.hash), staff.role);
      if (next.name === 'case' && prev.name !== 'case') caseOriginRef.current = prev.name;
      // Back from a case to where it was opened: that list focuses the case's Open control.
      if (prev.name === 'case' && next.name !== 'case') lastCaseRef.current = next.name === caseOriginRef.current ? prev.id : null;
      else if (next.name !== 'inbox') lastCaseRef.current = null;
      if (next.name === 'inbox' && prev.name !== 'inbox') void inboxData.refresh(true);
      viewRef.current = next;
      setView(next);
      setFlash(pendingFlash.current);
      pendingFlash.current = null;
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [staff]);

  // Idle timeout: wipe keys after 15 minutes without keyboard or pointer input.
  useEffect(() => {
    if (!staff) return undefined;
    let timer = setTimeout(onIdle, IDLE_MS);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, IDLE_MS);
    };
    const events = ['pointerdown', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [staff]);

  function wipeKeys() {
    const vault = vaultRef.current;
    vaultRef.current = null;
    if (!vault) return;
    const teamSecrets = [...vault.teamKeys.values(), ...vault.unpinnedTeamKeys.values()].map((k) => k.privateKey);
    for (const bytes of [...teamSecrets, vault.teamSign?.privateKey, vault.teamSign?.seed, vault.staff.box.privateKey, vault.staff.sign.privateKey]) {
      if (bytes) vault.sodium.memzero(bytes);
    }
    vault.teamKeys.clear();
    vault.unpinnedTeamKeys.clear();
  }

  function endLocalSession(message: string | null) {
    if (!staffRef.current && !vaultRef.current) return;
    wipeKeys();
    inboxData.reset();
    setAssignments({});
    setPicked(new Set());
    setMembers(null);
    setFlash(null);
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

  async function loadMembers(role: Role) {
    if (!canAssign(role)) return;
    const r = await api.get<{ members: Member[] }>('/api/staff/members');
    if (r.ok) setMembers(Array.isArray(r.body.members) ? r.body.members : []);
    else if (r.status !== 401) setMembers('failed');
  }

  function onUnlocked({ staff: who, vault, keyMismatch: mismatch }: Unlocked) {
    vaultRef.current = vault;
    staffRef.current = who;
    setKeyMismatch(mismatch);
    setNotice(null);
    setSignedOut(false);
    const first = allowed(parseHash(location.hash), who.role);
    history.replaceState(null, '', hashOf(first));
    viewRef.current = first;
    setView(first);
    setStaff(who);
    if (who.role !== 'privacy') void inboxData.refresh();
    void loadMembers(who.role);
    // A team lead vouches for the audit chain as it stands, once their browser has checked it.
    if (who.role === 'teamlead') void signCheckpoint(api, vault, who);
  }

  function memberName(staffId: string): string {
    if (staff && staffId === staff.id) return staff.displayName;
    const found = Array.isArray(members) ? members.find((m) => m.id === staffId) : undefined;
    return found ? found.displayName : say('staff.assign.unknownMember', { id: staffId });
  }

  if (!staff) {
    return <LoginForm say={say} hydrated={hydrated} notice={notice} focusHeading={signedOut} onUnlocked={onUnlocked} />;
  }

  const team = staff.teamId ? findTeam(staff.teamId) : undefined;
  const sections = sectionsFor(staff.role);
  const current: Section = view.name === 'case' ? (sections.includes(caseOriginRef.current) ? caseOriginRef.current : 'inbox') : view.name;
  const navLabels: Record<Section, string> = {
    inbox: say('staff.nav.inbox'),
    agenda: say('staff.nav.agenda'),
    availability: say('staff.nav.availability'),
    members: say('staff.nav.members'),
    audit: say('staff.nav.audit'),
    passphrase: say('staff.nav.passphrase'),
  };

  return (
    <div class="achterom-console">
      <SessionFacts say={say} staff={staff} team={team} onSignOut={signOut} />

      {keyMismatch && (
        <div class="achterom-alert utrecht-alert utrecht-alert--error">
          <ErrorIcon />
          <p class="achterom-alert__text">
            {say('staff.fingerprintMismatch')} {say('staff.fingerprintHeld')}: <code>{keyMismatch}</code>
          </p>
        </div>
      )}

      <nav class="achterom-console-nav" aria-label={say('staff.nav.label')}>
        <ul class="achterom-console-nav__list">
          {sections.map((section) => (
            <li key={section}>
              <a
                class="achterom-console-nav__link"
                href={hashOf({ name: section } as View)}
                aria-current={current === section ? 'page' : undefined}
                data-testid={`nav-${section}`}
              >
                {navLabels[section]}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {view.name === 'inbox' && (
        <Inbox
          say={say}
          role={staff.role}
          inbox={inbox}
          query={inboxData.query}
          noTeamKey={staff.role !== 'casemanager' && (vaultRef.current?.teamKeys.size ?? 0) === 0}
          assignedNames={(id) => (canAssign(staff.role) && assignments[id] ? assignments[id].map((g) => memberName(g.staffId)) : null)}
          returnFocusTo={lastCaseRef.current}
          flash={flash}
          onRefresh={() => void inboxData.refresh(true)}
          onMore={() => void inboxData.loadMore()}
          onQuery={inboxData.setQuery}
          picked={staff.role === 'teamlead' ? { ids: picked, onPick: (id, on) => setPicked((prev) => toggled(prev, id, on)) } : undefined}
          onOpen={(id) => {
            location.hash = hashOf({ name: 'case', id });
          }}
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
          memberName={memberName}
          onGrants={(id, grants) => setAssignments((prev) => ({ ...prev, [id]: grants }))}
          onStatus={(id, status) => inboxData.patch(id, (c) => ({ ...c, status: isCaseStatus(status) ? status : c.status }))}
          onGone={(id) => inboxData.patch(id, () => null)}
          onOpened={(id) => inboxData.patch(id, (c) => ({ ...c, unseen: false, unread: 0 }))}
          backTo={caseOriginRef.current === 'agenda' ? 'agenda' : 'inbox'}
          onAgendaDay={
            sections.includes('agenda')
              ? (date) => setAgendaPos({ view: 'day', date })
              : null
          }
          onDeleted={(id) => {
            inboxData.patch(id, () => null);
            lastCaseRef.current = null;
            pendingFlash.current = say('staff.inbox.deleted');
            location.hash = hashOf({ name: 'inbox' });
          }}
        />
      )}
      {view.name === 'agenda' && (
        <AgendaPanel
          say={say}
          api={api}
          staff={staff}
          position={agendaPos}
          onPosition={setAgendaPos}
          returnFocusTo={lastCaseRef.current}
        />
      )}
      {view.name === 'availability' && <AvailabilityPanel say={say} api={api} staff={staff} position={editorPos} onPosition={setEditorPos} />}
      {view.name === 'members' && (
        <MembersPanel say={say} api={api} getVault={getVault} staff={staff} onMembers={(list) => setMembers(list.filter((m) => m.status === 'active'))} />
      )}
      {view.name === 'audit' && <AuditPanel say={say} api={api} staff={staff} getVault={getVault} />}
      {view.name === 'passphrase' && <PassphrasePanel say={say} api={api} getVault={getVault} staff={staff} />}
    </div>
  );
}
