// The resident's only secret: 16 random decimal digits (about 53 bits), shown in
// groups of four. It is stretched with argon2id before anything is derived from it.
import type { Sodium } from './sodium';

export const CASE_CODE_DIGITS = 16;

export function generateCaseCode(sodium: Sodium): string {
  let code = '';
  for (let i = 0; i < CASE_CODE_DIGITS; i++) code += String(sodium.randombytes_uniform(10));
  return code;
}

/** "4821093755621180" -> "4821 0937 5562 1180" */
export function formatCaseCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Accepts what people type (spaces, dashes, dots) and returns 16 digits, or null. */
export function normalizeCaseCode(input: string): string | null {
  const digits = input.replace(/[\s\-.]/g, '');
  return /^\d{16}$/.test(digits) ? digits : null;
}
