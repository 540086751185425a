// What the resident can do with an open appointment: cancel it, or move it to another
// free time of the same team and type. Both ask a proof of work ("change") and send the
// mailbox id; the API answers 409 with the nearest free times when the new one is taken.
import type { JSX } from 'preact';
import type { MutableRef } from 'preact/hooks';
import { useState } from 'preact/hooks';
import * as v from 'valibot';
import { proofHeaders } from '../../../lib/pow/proofHeaders';
import { alternativesOf, postJson, Slot } from '../booking/api';
import { mondayOf } from '../booking/dates';
import type { OpenedAppointment, StringKey } from './openAppointment';

export type Mode = 'view' | 'confirmCancel' | 'reschedule';

interface Options {
  s: (key: StringKey) => string;
  focusAfterRender: (id: string) => void;
  /** The open appointment's mailbox id; null once it is closed (a late answer is then ignored). */
  mailboxRef: MutableRef<string | null>;
  opened: OpenedAppointment | null;
  onCancelled: () => void;
  onMoved: (appointment: Slot) => void;
}

export function useAppointmentActions({ s, focusAfterRender, mailboxRef, opened, onCancelled, onMoved }: Options) {
  const [mode, setMode] = useState<Mode>('view');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<false | 'failed' | 'busy'>(false);
  const [rescheduled, setRescheduled] = useState(false);
  const [week, setWeek] = useState(() => mondayOf(new Date()));
  const [newSlot, setNewSlot] = useState<Slot | null>(null);
  const [slotError, setSlotError] = useState<string | null>(null);
  const [alternatives, setAlternatives] = useState<Slot[] | null>(null);

  /** Back to the appointment itself (the week shown in the picker stays). */
  function reset() {
    setMode('view');
    setBusy(false);
    setFailed(false);
    setRescheduled(false);
    setNewSlot(null);
    setSlotError(null);
    setAlternatives(null);
  }

  /** Opens the cancel or the move panel and moves the focus into it. */
  function openPanel(panel: 'confirmCancel' | 'reschedule', focusId: string) {
    reset();
    setMode(panel);
    focusAfterRender(focusId);
  }

  /** Leaves a panel (not while its request runs) and puts the focus back on its button. */
  function leavePanel(focusId: string) {
    if (busy) return;
    reset();
    focusAfterRender(focusId);
  }

  function fail(reason: 'failed' | 'busy') {
    setFailed(reason);
    focusAfterRender('manage-action-error');
  }

  async function confirmCancel() {
    const mailboxId = mailboxRef.current;
    if (busy || !mailboxId) return;
    setBusy(true);
    setFailed(false);
    try {
      const response = await postJson('/api/mailbox/appointment/cancel', { mailboxId }, await proofHeaders('change'));
      if (mailboxRef.current !== mailboxId) return;
      // 404: there is no appointment under this code any more either.
      if (response.status === 429) return fail('busy');
      if (response.status !== 204 && response.status !== 404) throw new Error(`status ${response.status}`);
      reset();
      onCancelled();
      focusAfterRender('manage-cancelled-heading');
    } catch {
      fail('failed');
    } finally {
      setBusy(false);
    }
  }

  async function reschedule(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const mailboxId = mailboxRef.current;
    const current = opened?.appointment;
    if (busy || !mailboxId || !current) return;
    if (!newSlot) {
      setSlotError(s('booking.error.slot'));
      setFailed(false);
      focusAfterRender('manage-error-summary');
      return;
    }
    setSlotError(null);
    setFailed(false);
    setBusy(true);
    try {
      const response = await postJson('/api/mailbox/appointment/reschedule', { mailboxId, slotId: newSlot.id }, await proofHeaders('change'));
      if (mailboxRef.current !== mailboxId) return;
      if (response.status === 200) {
        const parsed = v.safeParse(v.object({ appointment: Slot }), await response.json());
        onMoved(parsed.success ? parsed.output.appointment : { ...newSlot, status: 'booked' });
        reset();
        setRescheduled(true);
        focusAfterRender('manage-rescheduled');
        return;
      }
      if (response.status === 409) {
        const { alternatives: list } = await alternativesOf(response, current.teamId, current.type);
        setAlternatives(list.filter((a) => a.id !== newSlot.id && a.id !== current.id));
        setNewSlot(null);
        focusAfterRender('manage-taken');
        return;
      }
      if (response.status === 429) return fail('busy');
      throw new Error(`status ${response.status}`);
    } catch {
      fail('failed');
    } finally {
      setBusy(false);
    }
  }

  return {
    mode,
    busy,
    failed,
    rescheduled,
    week,
    setWeek,
    newSlot,
    setNewSlot,
    slotError,
    alternatives,
    showsError: Boolean(failed || slotError),
    reset,
    openPanel,
    leavePanel,
    confirmCancel,
    reschedule,
  };
}

export type AppointmentActions = ReturnType<typeof useAppointmentActions>;
