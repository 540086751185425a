import { describe, expect, it } from 'vitest';
import { summaryLinks } from './summaryLinks';

describe('the error summary of a console form', () => {
  it('lists the fields with an error in page order, each linked to its control', () => {
    const errors = { 'new-passphrase': 'Te kort', username: 'Vul uw gebruikersnaam in' };
    expect(summaryLinks(errors, ['username', 'passphrase', 'new-passphrase'])).toEqual([
      { target: 'username', text: 'Vul uw gebruikersnaam in' },
      { target: 'new-passphrase', text: 'Te kort' },
    ]);
  });

  it('links a group to its first control', () => {
    expect(summaryLinks({ days: 'Kies een dag' }, ['days'], (f) => `${f}-1`)).toEqual([{ target: 'days-1', text: 'Kies een dag' }]);
  });
});
