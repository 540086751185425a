// The team's privacy regulation as code (DESIGN section 4). Every staff endpoint asks
// here; the cryptography enforces the same rules a second time (no key, no plaintext).
import type { Role, StaffRow } from './storage';

export const CAPABILITIES = {
  intake: { opensNewCases: true, assigns: true, replies: true, managesMembers: false, readsAudit: false },
  casemanager: { opensNewCases: false, assigns: false, replies: true, managesMembers: false, readsAudit: false },
  teamlead: { opensNewCases: true, assigns: true, replies: true, managesMembers: true, readsAudit: true },
  privacy: { opensNewCases: false, assigns: false, replies: false, managesMembers: false, readsAudit: true },
} as const satisfies Record<Role, Record<string, boolean>>;

export type CaseAccess = 'none' | 'team' | 'grant';

/** How a staff member may reach a case: through the team key, through a case grant, or not at all. */
export function caseAccess(staff: StaffRow, caseTeamId: string, hasGrant: boolean): CaseAccess {
  if (staff.team_id !== caseTeamId) return 'none';
  if (CAPABILITIES[staff.role].opensNewCases) return 'team';
  if (staff.role === 'casemanager' && hasGrant) return 'grant';
  return 'none';
}

export function can(staff: StaffRow, capability: keyof (typeof CAPABILITIES)['intake']): boolean {
  return CAPABILITIES[staff.role][capability];
}
