// The API's own look at a member certificate before storing it: it must describe the
// member row exactly and carry a valid signature of the team's pinned signing key.
// The consoles check again; this only keeps broken certificates out of the database.
import * as v from 'valibot';
import { apiError } from './errors';
import { ed25519Verify } from './signedAction';
import type { StaffRow } from './storage';
import { CERT_LABEL, MemberCertificateBody } from '../../src/lib/crypto/memberCertificate';
import { certificateIssuerKey } from '../../src/lib/config/teams';

/** issuerKey: the pinned key by default; in a new team's key ceremony, the team signing key just made. */
export async function requireCertificateFor(member: StaffRow, certificate: string, signature: string, today: string, issuerKey = certificateIssuerKey(member.team_id)): Promise<void> {
  let body: MemberCertificateBody;
  try {
    body = v.parse(MemberCertificateBody, JSON.parse(certificate));
  } catch {
    throw apiError(400, 'invalid_certificate', 'certificate is not a member certificate');
  }
  const describes =
    body.memberId === member.id &&
    body.username === member.username &&
    body.teamId === member.team_id &&
    body.role === member.role &&
    body.boxPublicKey === member.box_public_key &&
    body.signPublicKey === member.sign_public_key;
  if (!describes) throw apiError(400, 'invalid_certificate', 'certificate does not describe this member and their keys');
  if (body.validUntilDay < today) throw apiError(400, 'invalid_certificate', 'certificate has already expired');
  if (!issuerKey || !(await ed25519Verify(issuerKey, signature, CERT_LABEL + certificate))) {
    throw apiError(400, 'invalid_certificate', 'certificate is not signed with the team signing key');
  }
}
