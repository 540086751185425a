import { describe, expect, it } from 'vitest';
import staffText from '../../lib/i18n/staff';
import type { SafeCall } from '../../lib/schemas/safeContact';
import { safeContactView } from './safeContactView';
import { makeSay } from './strings';

const say = makeSay({});
const none: SafeCall = { days: [], times: [], voicemail: false, sms: false };
const byId = (view: ReturnType<typeof safeContactView>) => Object.fromEntries((view?.lines ?? []).map((l) => [l.id, l]));

describe('the safe-contact block on the case page', () => {
  it('says nothing for "only through the website" and for questions from before safe contact', () => {
    expect(safeContactView(say, { method: 'portal' })).toBeNull();
    expect(safeContactView(say, { method: 'phone', phone: '06 1234 5678' })).toBeNull();
    expect(safeContactView(say, { method: 'email', email: 'iemand@example.nl' })).toBeNull();
  });

  it('with nothing ticked, gives the safe instructions: no voicemail, no sms, do not name the gemeente', () => {
    const view = safeContactView(say, { method: 'phone', phone: '06 1234 5678', safety: none });
    expect(view?.heading).toBe('Veilig bellen: lees dit voordat u belt');
    const lines = byId(view);
    expect(Object.keys(lines)).toEqual(['when', 'voicemail', 'sms', 'introduction', 'codeWord']);
    expect(lines.when).toMatchObject({ text: 'elke werkdag, tussen 9 en 17 uur', caution: false });
    expect(lines.voicemail).toMatchObject({ text: staffText['staff.safeContact.voicemail.no'], caution: true });
    expect(lines.sms).toMatchObject({ text: 'Geen sms sturen.', caution: true });
    expect(lines.introduction).toMatchObject({ text: 'De inwoner koos niets. Zeg niet dat u van de gemeente belt.', caution: true });
    expect(lines.codeWord).toMatchObject({ text: 'Geen codewoord.', caution: false });
  });

  it('names the days and times, quotes the resident’s own words and the code word', () => {
    const safety: SafeCall = {
      days: ['mon', 'wed', 'fri'],
      times: ['morning'],
      note: 'Niet als de kinderen thuis zijn',
      voicemail: true,
      sms: true,
      introduction: { as: 'own', words: 'Met Sanne, van de bibliotheek' },
      codeWord: 'zonnebloem',
    };
    const lines = byId(safeContactView(say, { method: 'phone', phone: '06 1234 5678', safety }));
    expect(Object.keys(lines)).toEqual(['when', 'note', 'voicemail', 'sms', 'introduction', 'codeWord']);
    expect(lines.when).toMatchObject({ text: "maandag, woensdag en vrijdag, 's ochtends (9 tot 12 uur)", caution: true });
    expect(lines.note).toMatchObject({ quote: 'Niet als de kinderen thuis zijn', caution: true });
    expect(lines.voicemail).toMatchObject({ text: 'Mag: u mag een bericht inspreken.', caution: false });
    expect(lines.sms).toMatchObject({ text: 'Mag: u mag een sms sturen.', caution: false });
    expect(lines.introduction).toMatchObject({ quote: 'Met Sanne, van de bibliotheek', caution: true });
    expect(lines.codeWord).toMatchObject({ text: 'Zeg dit woord aan het begin van het gesprek:', quote: 'zonnebloem', caution: true });
  });

  it('tells the caller whether they may name the team', () => {
    const first = byId(safeContactView(say, { method: 'phone', phone: '06 1234 5678', safety: { ...none, introduction: { as: 'firstName' } } }));
    expect(first.introduction).toMatchObject({ text: 'Noem alleen uw voornaam. Zeg niet dat u van de gemeente belt.', caution: true });
    const team = byId(safeContactView(say, { method: 'phone', phone: '06 1234 5678', safety: { ...none, introduction: { as: 'team' } } }));
    expect(team.introduction).toMatchObject({ text: 'U mag zeggen dat u van het WOT van de gemeente belt.', caution: false });
  });

  it('for e-mail, says whether the subject may name the gemeente', () => {
    const no = safeContactView(say, { method: 'email', email: 'iemand@example.nl', safety: { subjectMayNameMunicipality: false } });
    expect(no?.heading).toBe('Veilig mailen: lees dit voordat u mailt');
    expect(no?.lines).toEqual([{ id: 'subject', label: 'Onderwerp van de mail', text: 'Noem de gemeente niet in het onderwerp. Kies een gewoon onderwerp.', caution: true }]);
    const yes = safeContactView(say, { method: 'email', email: 'iemand@example.nl', safety: { subjectMayNameMunicipality: true } });
    expect(yes?.lines[0]).toMatchObject({ text: 'Mag: het onderwerp mag de gemeente noemen.', caution: false });
  });
});
