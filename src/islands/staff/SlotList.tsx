// The slots of one day as a list: time and length, status (words and an icon, never
// colour only), kind and place, and what the caller puts under each slot.
import type { ComponentChildren } from 'preact';
import { locationName, slotTimes, typeName, type AgendaSlot } from './slots';
import { StatusIcon, TypeIcon } from './slotIcons';
import type { Say } from './strings';

interface Props {
  say: Say;
  /** Ids are `${idPrefix}-slot-${slot.id}`. */
  idPrefix: string;
  slots: readonly AgendaSlot[];
  renderSlot: (slot: AgendaSlot) => ComponentChildren;
}

export function SlotList({ say, idPrefix, slots, renderSlot }: Props) {
  return (
    <ul class="achterom-slots">
      {slots.map((slot) => {
        const t = slotTimes(slot);
        const place = slot.type === 'achterom' ? locationName(slot.locationId) : null;
        return (
          <li
            key={slot.id}
            id={`${idPrefix}-slot-${slot.id}`}
            class={`achterom-slot achterom-slot--${slot.status}`}
            data-testid="slot"
            data-slot-id={slot.id}
            data-status={slot.status}
            data-type={slot.type}
            data-case-id={slot.caseId ?? undefined}
          >
            <div class="achterom-slot__head">
              <p class="achterom-slot__when">
                <time dateTime={slot.startsAt} data-testid="slot-time">
                  {t.start}–{t.end}
                </time>{' '}
                <span class="achterom-slot__duration">{say('staff.slot.minutes', { minutes: slot.durationMinutes })}</span>
              </p>
              <p class={`achterom-slot__status achterom-slot__status--${slot.status}`} data-testid="slot-status">
                <StatusIcon status={slot.status} />
                <span>{say(`staff.slot.status.${slot.status}`)}</span>
              </p>
            </div>
            <p class="achterom-slot__what">
              <TypeIcon type={slot.type} />
              <span>
                <span data-testid="slot-type">{typeName(say, slot.type)}</span>
                {place && (
                  <>
                    <span aria-hidden="true"> · </span>
                    <span class="achterom-visually-hidden">, </span>
                    <span data-testid="slot-location">{place}</span>
                  </>
                )}
              </span>
            </p>
            {renderSlot(slot)}
          </li>
        );
      })}
    </ul>
  );
}
