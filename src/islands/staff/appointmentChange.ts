// Sends a staff move or cancel of a booking: the message is sealed under the case key
// in this browser, and the member signs the change together with that ciphertext.
import { sealMessage } from '../../lib/crypto/caseMessages';
import { actionDetail } from '../../lib/audit/auditRecord';
import { signAction } from './trust';
import type { StaffApi, ApiResult } from './api';
import type { AppointmentChange } from './AppointmentChangePanel';
import type { StaffInfo, Vault } from './types';

export async function sendAppointmentChange(
  api: StaffApi,
  vault: Vault,
  staff: StaffInfo,
  caseId: string,
  caseKey: Uint8Array,
  seq: number,
  change: AppointmentChange,
  text: string,
): Promise<ApiResult<{ startsAt?: string }>> {
  const sealed = sealMessage(vault.sodium, caseKey, { caseId, direction: 'staff', seq }, JSON.stringify({ text, sentAt: new Date().toISOString() }));
  const slotId = change.kind === 'move' ? change.slotId : null;
  const detail = await actionDetail.appointment(slotId ?? 'none', seq, sealed.nonce, sealed.ciphertext);
  const signed = signAction(vault, staff, { action: `appointment.${change.kind}`, caseId, subjectId: slotId, detail });
  const body = { ...(slotId ? { slotId } : {}), message: { seq, nonce: sealed.nonce, ciphertext: sealed.ciphertext }, signed };
  return api.post<{ startsAt?: string }>(`/api/staff/cases/${encodeURIComponent(caseId)}/appointment/${change.kind}`, body);
}
