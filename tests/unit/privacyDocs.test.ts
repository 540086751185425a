// The data protection officer's documents (docs/privacy/) must say what the code does.
// Each checked table is marked with an HTML comment (<!-- checked: ... -->) right above
// it; this test parses every such table in every document and compares it with the
// code: retention periods with achterom.config.json and the constants that purge,
// roles with CAPABILITIES, case access with caseAccess(). Every repository path the
// documents name must exist, every quoted test title must be in its file, and every
// measure must point at a test (or say plainly that none exists).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { municipality } from '../../src/lib/config/municipality';
import { DEFAULT_RETENTION, PURGE_INTERVAL_SECONDS, TEAM_ACTIVITY_KEEP_DAYS } from '../../functions/_app/retention';
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from '../../functions/_app/session';
import { FORGET_AFTER_SECONDS } from '../../functions/_app/signinBrake';
import { POW_LIFETIME_SECONDS } from '../../functions/_app/pow';
import { INVITE_LIFETIME_SECONDS } from '../../functions/_app/routes/members';
import { CERTIFICATE_VALID_DAYS, MemberCertificateBody } from '../../src/lib/crypto/memberCertificate';
import { CAPABILITIES, caseAccess, type CaseAccess, type CaseFacts } from '../../functions/_app/policy';
import type { Role, StaffRow } from '../../functions/_app/storage';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOCS = {
  dpia: 'docs/privacy/dpia.md',
  register: 'docs/privacy/verwerkingsregister.md',
} as const;
type Doc = keyof typeof DOCS;
type Kind = 'bewaartermijnen' | 'rollen' | 'toegang' | 'maatregelen';

/** Which checked tables each document must hold (at least one of each). */
const REQUIRED: Record<Doc, Kind[]> = {
  dpia: ['bewaartermijnen', 'rollen', 'toegang', 'maatregelen'],
  register: ['bewaartermijnen', 'rollen'],
};

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Every retention or validity period the documents must list, in seconds, by the name
 * of its setting. The config's retention keys are taken from the config itself, so a
 * new key there needs a new row in the documents.
 */
const PERIODS: Record<string, { seconds: number; file: string }> = {
  ...Object.fromEntries(Object.entries(municipality.retention).map(([key, days]) => [`retention.${key}`, { seconds: days * DAY, file: 'achterom.config.json' }])),
  SESSION_IDLE_SECONDS: { seconds: SESSION_IDLE_SECONDS, file: 'functions/_app/session.ts' },
  SESSION_ABSOLUTE_SECONDS: { seconds: SESSION_ABSOLUTE_SECONDS, file: 'functions/_app/session.ts' },
  FORGET_AFTER_SECONDS: { seconds: FORGET_AFTER_SECONDS, file: 'functions/_app/signinBrake.ts' },
  POW_LIFETIME_SECONDS: { seconds: POW_LIFETIME_SECONDS, file: 'functions/_app/pow.ts' },
  TEAM_ACTIVITY_KEEP_DAYS: { seconds: TEAM_ACTIVITY_KEEP_DAYS * DAY, file: 'functions/_app/retention.ts' },
  PURGE_INTERVAL_SECONDS: { seconds: PURGE_INTERVAL_SECONDS, file: 'functions/_app/retention.ts' },
  INVITE_LIFETIME_SECONDS: { seconds: INVITE_LIFETIME_SECONDS, file: 'functions/_app/routes/members.ts' },
  CERTIFICATE_VALID_DAYS: { seconds: CERTIFICATE_VALID_DAYS * DAY, file: 'src/lib/crypto/memberCertificate.ts' },
};

const UNITS: Record<string, number> = {
  seconde: 1,
  seconden: 1,
  minuut: MINUTE,
  minuten: MINUTE,
  uur: HOUR,
  dag: DAY,
  dagen: DAY,
};

/** The words in the access table, and what caseAccess() returns for each. */
const ACCESS_WORDS: Record<string, CaseAccess> = {
  geen: 'none',
  'alleen de regel in de lijst': 'listed',
  'inhoud (teamsleutel)': 'team',
  'inhoud (toewijzing)': 'grant',
};

interface Table {
  doc: Doc;
  kind: Kind | null;
  line: number;
  header: string[];
  rows: string[][];
}

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const cells = (line: string) =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
const code = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/** Every Markdown table in a document, with the checked-table marker above it (if any). */
function tablesOf(doc: Doc, text = read(DOCS[doc])): Table[] {
  const lines = text.split('\n');
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.trim().startsWith('|') || !/^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1] ?? '')) continue;
    let back = i - 1;
    while (back >= 0 && lines[back]!.trim() === '') back--;
    const marker = /^<!--\s*checked:\s*([a-z]+)\s*-->$/.exec(lines[back]?.trim() ?? '')?.[1] ?? null;
    const header = cells(lines[i]!);
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j]!.trim().startsWith('|'); j++) rows.push(cells(lines[j]!));
    tables.push({ doc, kind: marker as Kind | null, line: i + 1, header, rows });
    i = j;
  }
  return tables;
}

const column = (table: Table, name: string) => {
  const index = table.header.findIndex((h) => h === name);
  expect(index, `${DOCS[table.doc]}:${table.line}: column "${name}" in ${JSON.stringify(table.header)}`).toBeGreaterThanOrEqual(0);
  return index;
};

/** "90 dagen", "15 minuten", "8 uur" → seconds. */
function periodSeconds(text: string, where: string): number {
  const m = /^(\d+)\s+([a-z]+)$/.exec(text.trim());
  const unit = m ? UNITS[m[2]!] : undefined;
  expect(unit, `${where}: "${text}" is not a number and a unit (${Object.keys(UNITS).join(', ')})`).toBeDefined();
  return Number(m![1]) * unit!;
}

const allTables = (Object.keys(DOCS) as Doc[]).flatMap((doc) => tablesOf(doc));
const checked = (kind: Kind) => allTables.filter((t) => t.kind === kind);
const staff = (role: Role, team: string) => ({ role, team_id: team }) as StaffRow;

/** Roles as the database schema allows them (the CHECK on staff.role, newest migration). */
function rolesInSchema(): string[] {
  const dir = path.join(ROOT, 'functions/_db/migrations');
  const sql = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
  const staffTable = [...sql.matchAll(/CREATE TABLE staff\b[\s\S]*?\n\);/g)].at(-1)?.[0] ?? '';
  const check = /role TEXT NOT NULL CHECK \(role IN \(([^)]*)\)\)/.exec(staffTable)?.[1] ?? '';
  return [...check.matchAll(/'([a-z]+)'/g)].map((m) => m[1]!);
}

/** A path as written in running text: without the sentence's full stop or a Markdown link's closing bracket. */
function trimPath(p: string): string {
  let out = p.replace(/[.,;:)]+$/, '');
  while (out.endsWith(']') && (out.match(/\]/g)?.length ?? 0) > (out.match(/\[/g)?.length ?? 0)) out = out.slice(0, -1).replace(/[.,;:)]+$/, '');
  return out;
}

describe('the privacy documents', () => {
  it.each(Object.keys(DOCS) as Doc[])('%s exists and holds every checked table it needs, each marked', (doc) => {
    expect(existsSync(path.join(ROOT, DOCS[doc])), DOCS[doc]).toBe(true);
    const tables = allTables.filter((t) => t.doc === doc);
    for (const kind of REQUIRED[doc]) expect(tables.some((t) => t.kind === kind), `${DOCS[doc]} has a table marked <!-- checked: ${kind} -->`).toBe(true);
    // A table that looks like a checked one but lacks the marker would go unchecked.
    for (const t of tables) {
      const head = t.header.join(' ');
      const looksChecked = /Instelling in de code/.test(head) || code(head).some((c) => c in CAPABILITIES.intake) || /toewijzing/.test(head) || /Getoond door/.test(head);
      if (looksChecked) expect(t.kind, `${DOCS[doc]}:${t.line}: a checked-looking table needs its <!-- checked: ... --> marker`).not.toBeNull();
    }
  });
});

describe('Bewaartermijnen: every period in the documents is the one in the code', () => {
  it('the code takes its retention from achterom.config.json', () => {
    expect(DEFAULT_RETENTION).toEqual(municipality.retention);
  });

  it.each(checked('bewaartermijnen').map((t) => [`${DOCS[t.doc]}:${t.line}`, t] as const))('%s', (where, table) => {
    const term = column(table, 'Termijn');
    const setting = column(table, 'Instelling in de code');
    const file = column(table, 'Bestand');
    const seen = new Set<string>();
    for (const row of table.rows) {
      const names = code(row[setting] ?? '');
      expect(names, `${where}: one setting per row, in backticks: ${row.join(' | ')}`).toHaveLength(1);
      const name = names[0]!;
      const expected = PERIODS[name];
      expect(expected, `${where}: "${name}" is no retention setting the code knows (${Object.keys(PERIODS).join(', ')})`).toBeDefined();
      expect(seen.has(name), `${where}: "${name}" has two rows`).toBe(false);
      seen.add(name);
      expect(periodSeconds(row[term] ?? '', `${where} ${name}`), `${where}: ${name} says "${row[term]}", the code has ${expected!.seconds} seconds`).toBe(expected!.seconds);
      // The row names the file the setting lives in, and that file really defines it.
      expect(code(row[file] ?? ''), `${where}: ${name} lives in ${expected!.file}`).toEqual([expected!.file]);
      expect(read(expected!.file), `${expected!.file} defines ${name}`).toContain(name.replace(/^retention\./, ''));
    }
    for (const name of Object.keys(PERIODS)) expect(seen.has(name), `${where}: no row for ${name}`).toBe(true);
  });
});

describe('Rollen: the roles table is CAPABILITIES', () => {
  const roles = Object.keys(CAPABILITIES) as Role[];
  const capabilities = Object.keys(CAPABILITIES.intake);

  it('every place in the code that lists roles lists the same ones', () => {
    expect([...MemberCertificateBody.entries.role.options].sort()).toEqual([...roles].sort());
    expect(rolesInSchema().sort()).toEqual([...roles].sort());
  });

  it.each(checked('rollen').map((t) => [`${DOCS[t.doc]}:${t.line}`, t] as const))('%s', (where, table) => {
    expect(table.header[0], where).toBe('Rol');
    const columns = table.header.slice(1).map((h) => code(h));
    for (const names of columns) expect(names, `${where}: each column names one capability in backticks`).toHaveLength(1);
    expect(columns.map((n) => n[0]), `${where}: one column per capability in CAPABILITIES, in its order`).toEqual(capabilities);
    const rowRoles = table.rows.map((r) => code(r[0] ?? '')[0]);
    expect([...rowRoles].sort(), `${where}: one row per role in the code`).toEqual([...roles].sort());
    for (const row of table.rows) {
      const role = code(row[0]!)[0] as Role;
      capabilities.forEach((capability, i) => {
        const cell = row[i + 1];
        expect(['ja', 'nee'], `${where}: ${role}.${capability} is "ja" or "nee"`).toContain(cell);
        expect(cell, `${where}: ${role}.${capability}`).toBe((CAPABILITIES[role] as Record<string, boolean>)[capability] ? 'ja' : 'nee');
      });
    }
  });
});

describe('Toegang: the access table is caseAccess()', () => {
  it.each(checked('toegang').map((t) => [`${DOCS[t.doc]}:${t.line}`, t] as const))('%s', (where, table) => {
    expect(table.header[0], where).toBe('Rol');
    const combos = table.header.slice(1).map((h) => {
      if (/ander team/i.test(h)) return { otherTeam: true } as const;
      const consent = code(h).find((c): c is CaseFacts['consent'] => c === 'handler' || c === 'team');
      const grant = /zonder toewijzing/.test(h) ? false : /met toewijzing/.test(h) ? true : undefined;
      expect(consent, `${where}: column "${h}" names the consent in backticks`).toBeDefined();
      expect(grant, `${where}: column "${h}" says "met toewijzing" or "zonder toewijzing"`).toBeDefined();
      return { otherTeam: false, consent: consent!, grant: grant! } as const;
    });
    // Every combination of consent and grant, and another team's case, has a column.
    const keys = combos.map((c) => (c.otherTeam ? 'other' : `${c.consent}/${c.grant}`)).sort();
    expect(keys, where).toEqual(['handler/false', 'handler/true', 'other', 'team/false', 'team/true']);
    expect(table.rows.map((r) => code(r[0] ?? '')[0]).sort(), `${where}: one row per role`).toEqual(Object.keys(CAPABILITIES).sort());
    for (const row of table.rows) {
      const role = code(row[0]!)[0] as Role;
      combos.forEach((combo, i) => {
        const cell = row[i + 1] ?? '';
        expect(Object.keys(ACCESS_WORDS), `${where}: ${role}, "${table.header[i + 1]}": "${cell}"`).toContain(cell);
        const said = ACCESS_WORDS[cell];
        if (combo.otherTeam) {
          for (const consent of ['handler', 'team'] as const)
            for (const grant of [false, true]) expect(caseAccess(staff(role, 'a'), { team_id: 'b', consent }, grant), `${where}: ${role}, another team`).toBe(said);
        } else {
          expect(caseAccess(staff(role, 'a'), { team_id: 'a', consent: combo.consent }, combo.grant), `${where}: ${role}, ${combo.consent}, grant ${combo.grant}`).toBe(said);
        }
      });
    }
  });
});

describe('Maatregelen and references: every pointer leads somewhere', () => {
  it.each(checked('maatregelen').map((t) => [`${DOCS[t.doc]}:${t.line}`, t] as const))('%s: every measure names its test', (where, table) => {
    const shown = column(table, 'Getoond door');
    for (const row of table.rows) {
      const cell = row[shown] ?? '';
      const tests = code(cell).filter((c) => /\.(test|spec)\.ts$/.test(c));
      expect(tests.length > 0 || /geen test/i.test(cell), `${where}: "${row[0]}" names a test file or says "geen test"`).toBe(true);
    }
  });

  it.each(Object.keys(DOCS) as Doc[])('every repository path named in %s exists', (doc) => {
    const text = read(DOCS[doc]);
    const paths = new Set([...text.matchAll(/(?<![\w/.-])((?:tests|functions|src|docs)\/[\w.\-/[\]]+)/g)].map((m) => trimPath(m[1]!)));
    expect(paths.size, `${DOCS[doc]} names files`).toBeGreaterThan(0);
    for (const p of paths) expect(existsSync(path.join(ROOT, p)), `${DOCS[doc]} names ${p}`).toBe(true);
    // Test files in particular (the brief's rule): tests/…, functions/….test.ts, src/….test.ts.
    const testFiles = [...paths].filter((p) => /\.(test|spec)\.ts$/.test(p));
    expect(testFiles.length, `${DOCS[doc]} points at tests`).toBeGreaterThan(0);
  });

  it.each(Object.keys(DOCS) as Doc[])('every test title quoted in %s is in its file', (doc) => {
    const text = read(DOCS[doc]);
    // `path/to/file.test.ts` („words from a test's title”, „words from another”)
    let quoted = 0;
    for (const m of text.matchAll(/`([^`]+\.(?:test|spec)\.ts)`\s*\(([^)]*)\)/g)) {
      const [, file, inside] = m;
      expect(existsSync(path.join(ROOT, file!)), `${DOCS[doc]} names ${file}`).toBe(true);
      for (const [, title] of inside!.matchAll(/[„“]([^”]+)”/g)) {
        quoted++;
        expect(read(file!), `${DOCS[doc]}: ${file} has a test titled "…${title}…"`).toContain(title);
      }
    }
    if (doc === 'dpia') expect(quoted, 'the DPIA quotes test titles').toBeGreaterThan(20);
  });
});
