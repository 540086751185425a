// One line of the inbox: only what the server knows (number, day, kind, status,
// consent, slot, new and unread for this member). Nothing is decrypted for the list;
// the case is decrypted, and audited as read, when the member opens it.
import { Component } from 'preact';
import type { CaseListItem } from '../../lib/schemas/caseListItem';
import { formatDay } from './dates';
import { ConsentBadge } from './ui';
import { statusText } from './QuestionFacts';
import { formatSlotWhen, locationName, typeName } from './slots';
import type { Say } from './strings';

interface Props {
  item: CaseListItem;
  say: Say;
  /** Names of the colleagues holding a grant, for members who may assign; null otherwise. */
  assignedTo: string[] | null;
  onOpen: (id: string) => void;
  /** For the team lead: the line can be picked for removal as junk. */
  pick?: { picked: boolean; onPick: (picked: boolean) => void } | undefined;
}

/** The short case number staff say to each other and search for: the first part of the id. */
export const shortNumber = (id: string) => id.slice(0, 8);

export function caseTitle(say: Say, item: CaseListItem): string {
  if (item.kind === 'appointment') {
    return item.slot
      ? say('staff.inbox.appointmentAt', { type: typeName(say, item.slot.type), when: formatSlotWhen(item.slot) })
      : say('staff.case.headingAppointment');
  }
  return say('staff.inbox.questionOf', { day: formatDay(item.createdDay) });
}

export function CaseCard({ item, say, assignedTo, onOpen, pick }: Props) {
  const headingId = `case-${item.id}-heading`;
  const title = caseTitle(say, item);
  const place = item.slot ? locationName(item.slot.locationId || null) : null;
  const attention = item.mayOpen && (item.unseen || item.unread > 0);
  return (
    <article
      class={`achterom-case achterom-case--line${attention ? ' achterom-case--attention' : ''}`}
      data-testid="case"
      data-case-id={item.id}
      data-kind={item.kind}
      aria-labelledby={headingId}
    >
      <div class="achterom-case__line-head">
        <h3 class="achterom-case__heading" id={headingId}>
          {title}
        </h3>
        {item.mayOpen && item.unseen && (
          <span class="achterom-tag achterom-tag--new" data-testid="case-new">
            {say('staff.inbox.new')}
          </span>
        )}
        {pick && (
          <span class="achterom-case__pick">
            <input type="checkbox" id={`pick-${item.id}`} checked={pick.picked} onChange={(e) => pick.onPick(e.currentTarget.checked)} data-testid="case-pick" />
            <label for={`pick-${item.id}`}>
              {say('staff.junk.pick')}
              <span class="achterom-visually-hidden">: {title}</span>
            </label>
          </span>
        )}
        {item.mayOpen && item.unread > 0 && (
          <span class="achterom-tag achterom-tag--unread" data-testid="case-unread">
            {say(item.unread === 1 ? 'staff.inbox.unreadOne' : 'staff.inbox.unread', { count: item.unread })}
          </span>
        )}
      </div>
      <dl class="achterom-case__facts achterom-case__facts--line">
        <div>
          <dt>{say('staff.inbox.number')}</dt>
          <dd>
            <code>{shortNumber(item.id)}</code>
          </dd>
        </div>
        <div>
          <dt>{say('staff.case.receivedDay')}</dt>
          <dd>{formatDay(item.createdDay)}</dd>
        </div>
        {place && (
          <div>
            <dt>{say('staff.inbox.place')}</dt>
            <dd>{place}</dd>
          </div>
        )}
        <div>
          <dt>{say('staff.case.status')}</dt>
          <dd data-testid="case-status">{statusText(say, item.status)}</dd>
        </div>
        <div>
          <dt>{say('staff.case.consent')}</dt>
          <dd>
            <ConsentBadge consent={item.consent} say={say} />
          </dd>
        </div>
        {assignedTo !== null && (
          <div>
            <dt>{say('staff.inbox.assignedTo')}</dt>
            <dd data-testid="case-assigned">{assignedTo.length ? assignedTo.join(', ') : say('staff.inbox.assignedNobody')}</dd>
          </div>
        )}
      </dl>
      {item.mayOpen ? (
        <button
          class="achterom-button achterom-button--secondary achterom-case__open utrecht-button utrecht-button--secondary-action"
          type="button"
          id={`open-${item.id}`}
          onClick={() => onOpen(item.id)}
        >
          {say('staff.inbox.open')}
          <span class="achterom-visually-hidden">: {title}</span>
        </button>
      ) : (
        <p class="achterom-case__note" data-testid="case-handler-only">
          {say('staff.inbox.handlerOnly')}
        </p>
      )}
    </article>
  );
}

/**
 * A line of a long inbox (thousands after "Toon meer"): it renders again only when what it
 * shows changed, so loading more or a quiet refresh does not redraw every line. The
 * handlers are read from the latest props when used.
 */
export class CaseLine extends Component<Props> {
  private readonly open = (id: string) => this.props.onOpen(id);
  private readonly onPick = (picked: boolean) => this.props.pick?.onPick(picked);

  override shouldComponentUpdate(next: Props): boolean {
    const now = this.props;
    return (
      next.item !== now.item ||
      next.say !== now.say ||
      next.assignedTo?.join('\n') !== now.assignedTo?.join('\n') ||
      Boolean(next.pick) !== Boolean(now.pick) ||
      next.pick?.picked !== now.pick?.picked
    );
  }

  override render() {
    const { item, say, assignedTo, pick } = this.props;
    return <CaseCard item={item} say={say} assignedTo={assignedTo} onOpen={this.open} pick={pick ? { picked: pick.picked, onPick: this.onPick } : undefined} />;
  }
}
