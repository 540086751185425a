// npm run admin -- invite --team <id> --role teamlead [--remote] [--site https://…]
// The one thing a municipality's IT team does by hand: invite the first member of a team
// (its team lead), who then activates in the browser and makes the team's keys. It
// writes the invite and a matching audit row ("admin.invite") in one statement batch,
// through wrangler, locally or on the deployed D1; nothing else needs SQL by hand.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { auditHash, AUDIT_GENESIS } from '../lib/audit/auditRecord';
import { municipality } from '../lib/config/municipality';
import { randomToken, sha256Base64 } from '../../functions/_app/bytes';
import { INVITE_LIFETIME_SECONDS } from '../../functions/_app/routes/members';
import { ADMIN_INVITER } from '../../functions/_app/routes/activation';

const ROLES = ['teamlead', 'intake', 'casemanager', 'privacy'] as const;
const root = process.cwd();
const wranglerBin = path.join(root, 'node_modules', '.bin', 'wrangler');
const env = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { team: { type: 'string' }, role: { type: 'string' }, remote: { type: 'boolean', default: false }, site: { type: 'string' } },
});
const usage = `Usage: npm run admin -- invite --team <${municipality.teams.map((t) => t.id).join('|')}> --role <teamlead|intake|casemanager> [--remote --site https://…]\n       npm run admin -- invite --role privacy [--remote --site https://…]   (the privacy officer has no team)`;
if (positionals[0] !== 'invite') fail(usage);
const role = ROLES.find((r) => r === values.role) ?? fail(`Unknown role "${values.role ?? ''}". ${usage}`);
const team = role === 'privacy' ? null : municipality.teams.find((t) => t.id === values.team);
if (role === 'privacy' ? values.team : !team) fail(`${values.team ? `Unknown team "${values.team}" for this role. ` : ''}${usage}`);
if (values.remote && !values.site) fail('With --remote, say where the portal lives: --site https://wot.example.nl');
const site = (values.site ?? `http://127.0.0.1:${process.env.PORT ?? '8788'}`).replace(/\/+$/, '');

const statePath = path.resolve(root, process.env.ACHTEROM_STATE ?? '.wrangler/state');
const target = values.remote ? ['DB', '--remote'] : ['DB', '--local', '--persist-to', statePath];

function execute(sql: string): unknown[] {
  const run = spawnSync(wranglerBin, ['d1', 'execute', ...target, '--json', '--command', sql], { cwd: root, env, encoding: 'utf8' });
  if (run.status !== 0) fail(`${run.stdout}${run.stderr}\nThe database did not answer (is it migrated? npm start or wrangler d1 migrations apply).`, 1);
  const out = run.stdout;
  return (JSON.parse(out.slice(out.indexOf('['))) as { results?: unknown[] }[])[0]?.results ?? [];
}

const quote = (value: string | number | null) => (value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`);

const token = randomToken();
const now = new Date();
const expiresAt = Math.floor(now.getTime() / 1000) + INVITE_LIFETIME_SECONDS;
const head = execute('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1')[0] as { id: number; hash: string } | undefined;
const row = {
  id: (head?.id ?? 0) + 1,
  v: 2,
  day: now.toISOString().slice(0, 10),
  staffId: null,
  role: 'system',
  teamId: team?.id ?? null,
  action: 'admin.invite',
  caseId: null,
  subjectId: null,
  // The invited role, so the log says what the invite was for.
  detail: role,
  signature: null,
  prevHash: head?.hash ?? AUDIT_GENESIS,
};
const hash = await auditHash(row);
// One batch: if another append took this audit id meanwhile, the primary key refuses
// the row and the invite with it.
execute(
  [
    `INSERT INTO invites (token_hash, team_id, role, created_by, expires_at) VALUES (${[await sha256Base64(token), team?.id ?? null, role, ADMIN_INVITER, expiresAt].map(quote).join(', ')})`,
    `INSERT INTO audit_log (id, v, day, staff_id, role, team_id, action, case_id, subject_id, detail, signature, prev_hash, hash) VALUES (${[row.id, row.v, row.day, row.staffId, row.role, row.teamId, row.action, row.caseId, row.subjectId, row.detail, row.signature, row.prevHash, hash].map(quote).join(', ')})`,
  ].join(';\n'),
);
console.log(`Invite for ${team ? `a ${role} of ${team.name}` : 'the privacy officer'}, valid ${INVITE_LIFETIME_SECONDS / 3600} hours, once:`);
console.log(`${site}/medewerker/activeren/#${token}`);
console.log('Give it to that person only (in person or by phone, not in a group chat). Nobody else can use or see it again.');
