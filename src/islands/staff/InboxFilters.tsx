// Filters for the inbox on what the server knows: status, kind, order, and the start
// of a case number. Choices apply at once; the number applies on "Zoek".
import { useState } from 'preact/hooks';
import { FieldError } from '../shared/fields/FieldError';
import { fieldClass } from '../shared/fields/fieldClass';
import { SelectField } from '../shared/fields/SelectField';
import { NO_FILTER, type InboxQuery } from './useInbox';
import type { Say } from './strings';

interface Props {
  say: Say;
  query: InboxQuery;
  onChange: (query: InboxQuery) => void;
}

const CASE_NUMBER = /^[0-9a-fA-F-]{0,36}$/;

export function InboxFilters({ say, query, onChange }: Props) {
  const [number, setNumber] = useState(query.q);
  const [numberError, setNumberError] = useState(false);
  const filtered = query.status !== '' || query.kind !== '' || query.q !== '' || query.sort !== 'received';

  function search(e: Event) {
    e.preventDefault();
    const q = number.trim();
    if (!CASE_NUMBER.test(q)) {
      setNumberError(true);
      return;
    }
    setNumberError(false);
    onChange({ ...query, q: q.toLowerCase() });
  }

  return (
    <form class="achterom-form achterom-inbox-filter" role="search" aria-labelledby="inbox-filter-heading" noValidate onSubmit={search}>
      <h3 id="inbox-filter-heading" class="achterom-visually-hidden">
        {say('staff.inbox.filter.heading')}
      </h3>
      <div class="achterom-audit-filter__fields">
        <SelectField
          id="inbox-status"
          label={say('staff.case.status')}
          value={query.status}
          onChange={(status) => onChange({ ...query, status: status as InboxQuery['status'] })}
          options={[
            { value: '', label: say('staff.inbox.filter.all') },
            { value: 'open', label: say('staff.inbox.filter.open') },
            { value: 'nieuw', label: say('staff.status.nieuw') },
            { value: 'in_behandeling', label: say('staff.status.in_behandeling') },
            { value: 'afgerond', label: say('staff.status.afgerond') },
          ]}
        />
        <SelectField
          id="inbox-kind"
          label={say('staff.inbox.filter.kind')}
          value={query.kind}
          onChange={(kind) => onChange({ ...query, kind: kind as InboxQuery['kind'] })}
          options={[
            { value: '', label: say('staff.inbox.filter.all') },
            { value: 'question', label: say('staff.inbox.filter.questions') },
            { value: 'appointment', label: say('staff.inbox.filter.appointments') },
          ]}
        />
        <SelectField
          id="inbox-sort"
          label={say('staff.inbox.filter.sort')}
          value={query.sort}
          onChange={(sort) => onChange({ ...query, sort: sort as InboxQuery['sort'] })}
          options={[
            { value: 'received', label: say('staff.inbox.filter.sortReceived') },
            { value: 'activity', label: say('staff.inbox.filter.sortActivity') },
          ]}
        />
        {/* Written out, not a TextField: the search button sits right of the box. */}
        <div class={fieldClass(numberError, 'achterom-inbox-filter__number')}>
          <label class="achterom-form-field__label utrecht-form-label" for="inbox-number">
            {say('staff.inbox.filter.number')}
          </label>
          <FieldError id="inbox-number-error" prefix={say('form.errorPrefix')} text={numberError ? say('staff.inbox.filter.numberInvalid') : undefined} />
          <div class="achterom-inbox-filter__search">
            <input
              class="achterom-text-input utrecht-textbox utrecht-textbox--html-input"
              type="text"
              id="inbox-number"
              spellcheck={false}
              autocomplete="off"
              value={number}
              aria-invalid={numberError ? 'true' : undefined}
              aria-describedby={numberError ? 'inbox-number-error' : undefined}
              onInput={(e) => setNumber(e.currentTarget.value)}
            />
            <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="submit">
              {say('staff.inbox.filter.search')}
            </button>
          </div>
        </div>
      </div>
      {filtered && (
        <p class="achterom-inbox-filter__clear">
          <button
            class="achterom-link-button"
            type="button"
            onClick={() => {
              setNumber('');
              setNumberError(false);
              onChange(NO_FILTER);
            }}
          >
            {say('staff.inbox.filter.clear')}
          </button>
        </p>
      )}
    </form>
  );
}
