// The team's slots for one day or one week, in Amsterdam time, with Previous / Today /
// Next and a jump to a date. Shared by the agenda (booking details beside booked slots)
// and the availability editor (block, unblock, delete beside each slot): the caller
// renders what goes under each slot. Every status is words plus an icon, never colour only.
import type { ComponentChildren, JSX } from 'preact';
import { Alert } from '../shared/Alert';
import { StatusLine } from '../shared/StatusLine';
import type { StaffApi } from './api';
import { AgendaBar } from './AgendaBar';
import { rangeLabel, weekOf, type AgendaPosition } from './agendaPosition';
import { SlotList } from './SlotList';
import { capitalise, formatDayMedium, slotTimes, todayLocal, type AgendaSlot } from './slots';
import { useAgendaSlots } from './useAgendaSlots';
import type { Say } from './strings';
import type { StaffInfo } from './types';

/** What the agenda and the availability editor get from the console. */
export interface AgendaSectionProps {
  say: Say;
  api: StaffApi;
  staff: StaffInfo;
  position: AgendaPosition;
  onPosition: (p: AgendaPosition) => void;
}

interface Props {
  say: Say;
  api: StaffApi;
  /** Prefix for element ids, so two agendas could share a page. */
  idPrefix: string;
  /** Level of the range heading; days in a week are one level lower. */
  headingLevel: 3 | 4;
  position: AgendaPosition;
  onPosition: (p: AgendaPosition) => void;
  /** Change it to load the slots again (after the caller changed them). */
  reloadToken: number;
  /** Extra content under a slot: booking details or actions. */
  renderSlot: (slot: AgendaSlot) => ComponentChildren;
  /** Called with the slots after every load. */
  onLoaded?: (slots: AgendaSlot[]) => void;
  /** The Refresh button also refreshes this (the decrypted cases). */
  onRefresh?: () => void;
}

function Heading({ level, children, ...rest }: { level: number; children: ComponentChildren } & JSX.HTMLAttributes<HTMLHeadingElement>) {
  const Tag = (level <= 3 ? 'h3' : level === 4 ? 'h4' : 'h5') as 'h3';
  return <Tag {...rest}>{children}</Tag>;
}

export function SlotAgenda({ say, api, idPrefix: p, headingLevel, position, onPosition, reloadToken, renderSlot, onLoaded, onRefresh }: Props) {
  const agenda = useAgendaSlots(say, api, position, reloadToken, onLoaded);
  const { slots, announce } = agenda;
  const today = todayLocal();
  const refresh = () => {
    onRefresh?.();
    agenda.refresh();
  };
  const todayMark = () => <span class="achterom-agenda__today"> ({say('staff.agenda.todayMark')})</span>;

  return (
    <div class="achterom-agenda" data-testid={`${p}-agenda`} data-view={position.view} data-from={agenda.from}>
      <AgendaBar say={say} idPrefix={p} position={position} onPosition={onPosition} today={today} busy={agenda.busy} onRefresh={refresh} />

      <Heading level={headingLevel} class="achterom-agenda__range" id={`${p}-range`} data-testid={`${p}-range`}>
        {rangeLabel(say, position)}
        {position.view === 'day' && position.date === today && todayMark()}
      </Heading>
      <StatusLine busy={agenda.busy} text={say('staff.agenda.loading')} testId={`${p}-status`}>
        {announce && (
          <>
            <span class="achterom-visually-hidden">{announce.range}: </span>
            {announce.text}
          </>
        )}
      </StatusLine>

      {agenda.failed && (
        <Alert oneSentence testId={`${p}-failed`}>
          {say(agenda.failed.forbidden ? 'staff.agenda.forbidden' : 'staff.agenda.failed')}
        </Alert>
      )}

      {slots && position.view === 'day' && (slots.length ? <SlotList say={say} idPrefix={p} slots={slots} renderSlot={renderSlot} /> : <p data-testid={`${p}-empty`}>{say('staff.agenda.emptyDay')}</p>)}

      {slots && position.view === 'week' && (
        <div class="achterom-agenda__week">
          {weekOf(position).map((date) => {
            const ofDay = slots.filter((s) => slotTimes(s).date === date);
            const headingId = `${p}-day-${date}`;
            return (
              <section key={date} class="achterom-agenda__day" aria-labelledby={headingId} data-testid={`${p}-day`} data-date={date}>
                <Heading level={headingLevel + 1} class="achterom-agenda__day-heading" id={headingId}>
                  {capitalise(formatDayMedium(date))}
                  {date === today && todayMark()}
                </Heading>
                {ofDay.length ? <SlotList say={say} idPrefix={p} slots={ofDay} renderSlot={renderSlot} /> : <p class="achterom-agenda__none">{say('staff.agenda.emptyDayShort')}</p>}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
