// The console's sections and their addresses (#vragen, #agenda, #vraag/<id>…), and who
// may see which (DESIGN section 4; the API enforces the same). Pure, so Back and Forward
// and a typed address are tested without a browser.
import type { Role } from './types';

export type View =
  | { name: 'inbox' }
  | { name: 'case'; id: string }
  | { name: 'agenda' }
  | { name: 'availability' }
  | { name: 'members' }
  | { name: 'audit' }
  | { name: 'passphrase' };
export type Section = Exclude<View['name'], 'case'>;

const HASHES: Record<Section, string> = {
  inbox: 'vragen',
  agenda: 'agenda',
  availability: 'beschikbaarheid',
  members: 'leden',
  audit: 'logboek',
  passphrase: 'wachtwoordzin',
};

/** The view an address names; anything unknown (or a broken case id) is the inbox. */
export function parseHash(hash: string): View {
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

export function hashOf(view: View): string {
  return view.name === 'case' ? `#vraag/${encodeURIComponent(view.id)}` : `#${HASHES[view.name]}`;
}

export function sectionHash(section: Section): string {
  return `#${HASHES[section]}`;
}

/** What each role may see, in the order of the navigation. */
export function sectionsFor(role: Role): Section[] {
  if (role === 'privacy') return ['audit', 'passphrase'];
  if (role === 'teamlead') return ['inbox', 'agenda', 'availability', 'members', 'audit', 'passphrase'];
  return ['inbox', 'agenda', 'passphrase'];
}

/** The view itself when the role may see it (a case counts as the inbox), else the role's first section. */
export function allowed(view: View, role: Role): View {
  const sections = sectionsFor(role);
  const section: Section = view.name === 'case' ? 'inbox' : view.name;
  return sections.includes(section) ? view : ({ name: sections[0] ?? 'passphrase' } as View);
}

/** The section the navigation marks as current: a case belongs to the list it was opened from. */
export function currentSection(view: View, role: Role, caseOrigin: Section): Section {
  if (view.name !== 'case') return view.name;
  return sectionsFor(role).includes(caseOrigin) ? caseOrigin : 'inbox';
}

/** A copy of the set with the id added (on) or taken out. */
export function toggled(set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

export interface Navigation {
  /** The section a case was opened from, so Back returns there. */
  caseOrigin: Section;
  /** The case whose Open control gets the focus back in the list, if any. */
  lastCase: string | null;
}

/** What moving from one view to the next does to the way back, and whether the inbox should refresh. */
export function navigate(prev: View, next: View, before: Navigation): Navigation & { refreshInbox: boolean } {
  const caseOrigin = next.name === 'case' && prev.name !== 'case' ? prev.name : before.caseOrigin;
  // Back from a case to where it was opened: that list focuses the case's Open control.
  const lastCase = prev.name === 'case' && next.name !== 'case' ? (next.name === caseOrigin ? prev.id : null) : next.name !== 'inbox' ? null : before.lastCase;
  return { caseOrigin, lastCase, refreshInbox: next.name === 'inbox' && prev.name !== 'inbox' };
}
