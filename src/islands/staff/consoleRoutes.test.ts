import { describe, expect, it } from 'vitest';
import { allowed, currentSection, hashOf, navigate, parseHash, sectionHash, sectionsFor, toggled } from './consoleRoutes';

describe('console addresses', () => {
  it('reads sections and cases from the fragment, and writes them back', () => {
    expect(parseHash('#agenda')).toEqual({ name: 'agenda' });
    expect(parseHash('#leden')).toEqual({ name: 'members' });
    expect(parseHash('#vraag/abc%2F1')).toEqual({ name: 'case', id: 'abc/1' });
    expect(hashOf({ name: 'case', id: 'abc/1' })).toBe('#vraag/abc%2F1');
    expect(hashOf({ name: 'passphrase' })).toBe('#wachtwoordzin');
    expect(sectionHash('availability')).toBe('#beschikbaarheid');
  });

  it('falls back to the inbox for anything it does not know', () => {
    expect(parseHash('')).toEqual({ name: 'inbox' });
    expect(parseHash('#onzin')).toEqual({ name: 'inbox' });
    expect(parseHash('#vraag/%E0%A4%A')).toEqual({ name: 'inbox' });
  });

  it('shows each role only its own sections', () => {
    expect(sectionsFor('privacy')).toEqual(['audit', 'passphrase']);
    expect(sectionsFor('casemanager')).toEqual(['inbox', 'agenda', 'passphrase']);
    expect(allowed({ name: 'members' }, 'intake')).toEqual({ name: 'inbox' });
    expect(allowed({ name: 'case', id: 'c1' }, 'privacy')).toEqual({ name: 'audit' });
    expect(allowed({ name: 'case', id: 'c1' }, 'casemanager')).toEqual({ name: 'case', id: 'c1' });
  });

  it('marks a case under the list it was opened from', () => {
    expect(currentSection({ name: 'case', id: 'c1' }, 'teamlead', 'agenda')).toBe('agenda');
    expect(currentSection({ name: 'case', id: 'c1' }, 'teamlead', 'members')).toBe('members');
    expect(currentSection({ name: 'case', id: 'c1' }, 'casemanager', 'members')).toBe('inbox');
    expect(currentSection({ name: 'audit' }, 'teamlead', 'agenda')).toBe('audit');
  });
});

describe('moving between sections', () => {
  const start = { caseOrigin: 'inbox' as const, lastCase: null };

  it('remembers where a case was opened, and returns the focus to it there', () => {
    const opened = navigate({ name: 'agenda' }, { name: 'case', id: 'c1' }, start);
    expect(opened).toEqual({ caseOrigin: 'agenda', lastCase: null, refreshInbox: false });
    expect(navigate({ name: 'case', id: 'c1' }, { name: 'agenda' }, opened)).toEqual({ caseOrigin: 'agenda', lastCase: 'c1', refreshInbox: false });
    // Back to another list than the one it came from: nothing to focus there.
    expect(navigate({ name: 'case', id: 'c1' }, { name: 'inbox' }, opened)).toEqual({ caseOrigin: 'agenda', lastCase: null, refreshInbox: true });
  });

  it('refreshes the inbox on the way back to it and forgets the case elsewhere', () => {
    const back = { caseOrigin: 'inbox' as const, lastCase: 'c1' };
    expect(navigate({ name: 'agenda' }, { name: 'inbox' }, back)).toEqual({ caseOrigin: 'inbox', lastCase: 'c1', refreshInbox: true });
    expect(navigate({ name: 'inbox' }, { name: 'audit' }, back)).toEqual({ caseOrigin: 'inbox', lastCase: null, refreshInbox: false });
  });

  it('picks and unpicks inbox lines without changing the old set', () => {
    const before = new Set(['a']);
    expect([...toggled(before, 'b', true)]).toEqual(['a', 'b']);
    expect([...toggled(before, 'a', false)]).toEqual([]);
    expect([...before]).toEqual(['a']);
  });
});
