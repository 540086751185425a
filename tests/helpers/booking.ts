// Booking helpers for tests: real envelopes sealed by the library, slots made through
// the staff API.
import type { Sodium } from '../../src/lib/crypto/sodium';
import { toBase64 } from '../../src/lib/crypto/sodium';
import { sealCase, type SealedCase } from '../../src/lib/crypto/caseEnvelope';
import { generateCaseCode } from '../../src/lib/crypto/caseCode';
import { findTeam } from '../../src/lib/config/teams';

export function appointmentEnvelope(sodium: Sodium, teamId = 'centrum-oost', details: Record<string, unknown> = {}) {
  const code = generateCaseCode(sodium);
  const envelope = sealCase(sodium, {
    code,
    teamId,
    teamPublicKey: findTeam(teamId)!.publicKey,
    teamKeyId: findTeam(teamId)!.keyId,
    kind: 'appointment',
    consent: 'handler',
    payloadJson: JSON.stringify({ type: 'appointment', ...details }),
  });
  return { code, envelope };
}

/** The same sealed envelope under a new random mailbox id: cheap, for load tests (argon2id runs once). */
export function withFreshMailbox(sodium: Sodium, envelope: SealedCase): SealedCase {
  return { ...envelope, mailboxId: toBase64(sodium, sodium.randombytes_buf(32)) };
}

export const idempotencyKey = (sodium: Sodium) => sodium.to_base64(sodium.randombytes_buf(18), sodium.base64_variants.URLSAFE_NO_PADDING);
