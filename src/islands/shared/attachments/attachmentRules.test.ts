import { describe, expect, it } from 'vitest';
import { pick, languages } from '../../../lib/i18n';
import { ATTACHMENT_INPUT_MAX_BYTES, FILE_FIELD_KEYS, admitFiles, cleanFileName, kindOf, looksLikePdf, problemText } from './attachmentRules';

const file = (name: string, type: string, size = 1000) => ({ name, type, size });

describe('which files a resident may add', () => {
  it('takes photos (JPEG, PNG, HEIC, also without a type) and PDFs; nothing else', () => {
    expect(kindOf(file('brief.jpg', 'image/jpeg'))).toBe('photo');
    expect(kindOf(file('scan.png', 'image/png'))).toBe('photo');
    expect(kindOf(file('IMG_0001.HEIC', ''))).toBe('photo');
    expect(kindOf(file('IMG_0001.heic', 'image/heic'))).toBe('photo');
    expect(kindOf(file('aanmaning.pdf', 'application/pdf'))).toBe('pdf');
    expect(kindOf(file('aanmaning.pdf', ''))).toBe('pdf');
    for (const other of [file('brief.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'), file('x.gif', 'image/gif'), file('run.exe', ''), file('foto.svg', 'image/svg+xml')]) {
      expect(kindOf(other)).toBeNull();
    }
  });

  it('refuses too large, too many and wrong types, each named, and keeps the rest', () => {
    const chosen = [file('a.jpg', 'image/jpeg'), file('groot.pdf', 'application/pdf', ATTACHMENT_INPUT_MAX_BYTES + 1), file('b.docx', 'application/msword'), file('c.pdf', 'application/pdf'), file('d.png', 'image/png')];
    const { admitted, problems } = admitFiles(2, chosen);
    expect(admitted.map((a) => a.file.name)).toEqual(['a.jpg', 'c.pdf', 'd.png']);
    expect(problems).toEqual([
      { kind: 'tooLarge', name: 'groot.pdf' },
      { kind: 'wrongType', name: 'b.docx' },
    ]);
    expect(admitFiles(4, [file('e.jpg', 'image/jpeg'), file('f.jpg', 'image/jpeg')]).problems).toEqual([{ kind: 'tooMany', name: 'f.jpg' }]);
    expect(admitFiles(0, [file('precies.pdf', 'application/pdf', ATTACHMENT_INPUT_MAX_BYTES)]).problems).toEqual([]);
  });

  it('says what is wrong in every language, naming the file', () => {
    for (const lang of languages) {
      const s = pick(lang, FILE_FIELD_KEYS);
      for (const kind of ['tooMany', 'tooLarge', 'wrongType', 'unreadable'] as const) {
        const text = problemText(s, { kind, name: 'brief.docx' });
        expect(text, `${lang} ${kind}`).toContain('brief.docx');
        expect(text).not.toContain('{');
        expect(text.length).toBeGreaterThan(20);
      }
      expect(problemText(s, { kind: 'tooLarge', name: 'x' })).toContain('10');
      expect(problemText(s, { kind: 'tooMany', name: 'x' })).toContain('5');
    }
    expect(problemText(pick('nl', FILE_FIELD_KEYS), { kind: 'wrongType', name: 'brief.docx' })).toBe('brief.docx kunnen we niet sturen. Kies een foto (JPG, PNG of HEIC) of een PDF.');
  });

  it('checks a PDF by its first bytes and cleans names', () => {
    expect(looksLikePdf(new TextEncoder().encode('%PDF-1.7\n'))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode('<html>'))).toBe(false);
    expect(cleanFileName('C:\\Users\\jan\\brief.pdf', 'bestand.pdf')).toBe('brief.pdf');
    expect(cleanFileName('  \u0000 ', 'bestand.pdf')).toBe('bestand.pdf');
    expect(cleanFileName(`${'x'.repeat(200)}.pdf`, 'b.pdf')).toHaveLength(120);
  });
});
