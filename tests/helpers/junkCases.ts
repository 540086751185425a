// Cases made of random bytes in the shape of an envelope: what an attacker can post,
// and what a test needs in bulk. The server cannot tell them from real ones (by design),
// so they go through the same storage checks as every case.
import { createStorage } from '../../functions/_app/storage';
import { findTeam } from '../../src/lib/config/teams';
import { AEAD_NONCE_BYTES, AEAD_TAG_BYTES, KEY_BYTES, PAD_BLOCK_BYTES, PROTOCOL_VERSION, SEALED_KEY_BYTES } from '../../src/lib/crypto/protocol';

const random = (n: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(n))).toString('base64');

export function junkEnvelope(teamId: string, { kind = 'question', consent = 'handler' }: { kind?: 'question' | 'appointment'; consent?: 'handler' | 'team' } = {}) {
  return {
    v: PROTOCOL_VERSION,
    teamId,
    kind,
    consent,
    keyId: findTeam(teamId)!.keyId,
    mailboxId: random(KEY_BYTES),
    nonce: random(AEAD_NONCE_BYTES),
    ciphertext: random(PAD_BLOCK_BYTES + AEAD_TAG_BYTES),
    sealedKey: random(SEALED_KEY_BYTES),
  };
}

/** Stores n junk cases for a team, in batches; returns their ids in insertion order. */
export async function insertJunkCases(db: D1Database, teamId: string, n: number, now = new Date(), options: Parameters<typeof junkEnvelope>[1] = {}): Promise<string[]> {
  const storage = createStorage(db);
  const ids: string[] = [];
  for (let start = 0; start < n; start += 100) {
    const prepared = await Promise.all(Array.from({ length: Math.min(100, n - start) }, () => storage.prepareCase(junkEnvelope(teamId, options), now)));
    await db.batch(prepared.map((p) => p.statement));
    ids.push(...prepared.map((p) => p.id));
  }
  return ids;
}
