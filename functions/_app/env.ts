import type { StaffRow } from './storage';

export interface Bindings {
  DB: D1Database;
  /** Keys the stable fake salts for unknown usernames. */
  SALT_PEPPER?: string;
}

export interface Variables {
  staff: StaffRow;
  /** Injected in tests; the real clock otherwise. */
  now: () => Date;
}

export type AppEnv = { Bindings: Bindings; Variables: Variables };
