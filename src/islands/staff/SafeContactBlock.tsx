// How to reach the resident safely, on the case page right above the phone number or
// e-mail address: a bordered block with its own heading, every "don't" marked with a
// warning icon and bold words (never colour alone), the resident's own words quoted.
import { CheckIcon, ErrorIcon } from './ui';
import type { SafeContactView } from './safeContactView';

export function SafeContactBlock({ view }: { view: SafeContactView }) {
  return (
    <section class="achterom-safe-contact" aria-labelledby="safe-contact-heading" data-testid="safe-contact">
      <h4 class="achterom-safe-contact__heading" id="safe-contact-heading">
        <ErrorIcon />
        <span>{view.heading}</span>
      </h4>
      <dl class="achterom-safe-contact__list">
        {view.lines.map((line) => (
          <div class={`achterom-safe-contact__item${line.caution ? ' achterom-safe-contact__item--caution' : ''}`} key={line.id} data-testid={`safe-contact-${line.id}`}>
            <dt class="achterom-safe-contact__label">{line.label}</dt>
            <dd class="achterom-safe-contact__value">
              {line.caution ? <ErrorIcon /> : <CheckIcon />}
              <span>
                {line.text && <span class="achterom-safe-contact__text">{line.text}</span>}
                {line.quote !== undefined && (
                  <q class="achterom-safe-contact__quote" dir="auto">
                    {line.quote}
                  </q>
                )}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
