// The team's privacy regulation as code (DESIGN section 4). Every staff endpoint asks
// here; the cryptography enforces the same rules a second time (no key, no plaintext).
import type { Role, StaffRow } from './storage';

export const CAPABILITIES = {
  intake: { opensNewCases: true, assigns: true, replies: true, managesMembers: false, readsAudit: false },
  casemanager: { opensNewCases: false, assigns: false, replies: true, managesMembers: false, readsAudit: false },
  teamlead: { opensNewCases: true, assigns: true, replies: true, managesMembers: true, readsAudit: true },
  privacy: { opensNewCases: false, assigns: false, replies: false, managesMembers: false, readsAudit: true },
} as const satisfies Record<Role, Record<string, boolean>>;

/**
 * How a staff member may reach a case: through the team key, through a case grant,
 * only as a line in the list (day, kind, status; no content, no key), or not at all.
 */
export type CaseAccess = 'none' | 'listed' | 'team' | 'grant';

export interface CaseFacts {
  team_id: string;
  consent: 'handler' | 'team';
}

/**
 * The resident's consent, applied (DESIGN section 4). Under "only the handler",
 * intake reads for triage and the one member holding the grant reads; a team lead
 * who is not that member sees the case in the list but gets neither ciphertext nor
 * key. Under "the team may discuss it", everyone holding the team key reads.
 */
export function caseAccess(staff: StaffRow, kase: CaseFacts, hasGrant: boolean): CaseAccess {
  if (staff.team_id !== kase.team_id || staff.role === 'privacy') return 'none';
  if (hasGrant) return staff.role === 'casemanager' ? 'grant' : 'team';
  if (staff.role === 'intake') return 'team';
  if (staff.role === 'teamlead') return kase.consent === 'team' ? 'team' : 'listed';
  return 'none';
}

/** Whether the access lets the member have the case's ciphertext and keys. */
export const readsContent = (access: CaseAccess): access is 'team' | 'grant' => access === 'team' || access === 'grant';

export function can(staff: StaffRow, capability: keyof (typeof CAPABILITIES)['intake']): boolean {
  return CAPABILITIES[staff.role][capability];
}
