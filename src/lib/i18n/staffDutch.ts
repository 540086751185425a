// The staff console is Dutch only (staff.ts and the staff.* keys in nl.ts). The resident
// language files still need every key of nl.ts, so they carry the staff keys in Dutch.
import nl from './nl';

export type StaffKey = Extract<keyof typeof nl, `staff.${string}`>;

export const staffKeysInDutch = Object.fromEntries(Object.entries(nl).filter(([key]) => key.startsWith('staff.'))) as Record<
  StaffKey,
  string
>;
