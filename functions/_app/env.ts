import type { StaffRow } from './storage';

export interface Bindings {
  DB: D1Database;
  /** Sealed attachments (R2; wrangler's local R2 for npm start and the tests). Without it uploads get 503. */
  FILES?: R2Bucket;
  /** Keys the stable fake salts for unknown usernames. */
  SALT_PEPPER?: string;
  /** Retention in days (default 90 each); see retention.ts. */
  RETENTION_CLOSED_DAYS?: string;
  RETENTION_UNOPENED_DAYS?: string;
  RETENTION_ABANDONED_DAYS?: string;
  /** Signs proof-of-work challenges; set as a secret in production. */
  POW_SECRET?: string;
  /** Upper bound of the work a challenge asks (default 60000 SHA-256 rounds). */
  POW_MAX_COUNTER?: string;
  /** "1" only for `npm start` and the tests: the published demo secrets may be used. */
  ACHTEROM_LOCAL_DEMO?: string;
  /** Self-hosting behind a proxy: the header that carries the client address (e.g. x-forwarded-for). */
  CLIENT_IP_HEADER?: string;
  /** Multiplies every rate limit (default 1); only for test servers. */
  RATE_LIMIT_SCALE?: string;
  /** Multiplies every team budget (default 1); only for test servers that book a lot. */
  TEAM_BUDGET_SCALE?: string;
}

export interface Variables {
  staff: StaffRow;
  /** Injected in tests; the real clock otherwise. */
  now: () => Date;
  /** What the request's proof of work was made for: its cost level and, for a busy team, the team. */
  pow?: { level: number; team: string | null };
}

export type AppEnv = { Bindings: Bindings; Variables: Variables };
