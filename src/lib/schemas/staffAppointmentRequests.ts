// Bodies of the staff appointment endpoints: cancel or move a resident's booking, always
// with a message to the resident (ciphertext under the case key), signed by the member.
import * as v from 'valibot';
import { aeadNonce, paddedCiphertext } from './sealedBlob';
import { messageSeq } from './mailboxRequest';
import { SignedAction } from './signedAction';
import { slotId } from './bookingRequest';

export const SealedStaffMessage = v.strictObject(
  { seq: messageSeq, nonce: aeadNonce, ciphertext: paddedCiphertext },
  'message must be an object with exactly the fields seq, nonce, ciphertext',
);

export const StaffAppointmentCancel = v.strictObject(
  { message: SealedStaffMessage, signed: SignedAction },
  'must be an object with exactly the fields message, signed',
);
export type StaffAppointmentCancel = v.InferOutput<typeof StaffAppointmentCancel>;

export const StaffAppointmentMove = v.strictObject(
  { slotId, message: SealedStaffMessage, signed: SignedAction },
  'must be an object with exactly the fields slotId, message, signed',
);
export type StaffAppointmentMove = v.InferOutput<typeof StaffAppointmentMove>;
