// What the islands call: solve a proof of work for one purpose and return the header
// to send. The solver is loaded only when needed, like libsodium.
import { POW_HEADER, type PowPurpose } from './powPurpose';

export async function proofHeaders(purpose: PowPurpose, team?: string): Promise<Record<string, string>> {
  const { solvePow } = await import('./solvePow');
  const result = await solvePow(purpose, undefined, team);
  if (!result.ok) throw new Error(`proof of work: ${result.error}`);
  return { [POW_HEADER]: result.header };
}
