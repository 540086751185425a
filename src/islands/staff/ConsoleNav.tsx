// The console's sections as links to their addresses; the current one is marked for
// screen readers (aria-current) as well as visibly.
import { sectionHash, type Section } from './consoleRoutes';
import type { Say, StaffTextKey } from './strings';

const LABELS: Record<Section, StaffTextKey> = {
  inbox: 'staff.nav.inbox',
  agenda: 'staff.nav.agenda',
  availability: 'staff.nav.availability',
  members: 'staff.nav.members',
  audit: 'staff.nav.audit',
  passphrase: 'staff.nav.passphrase',
};

export function ConsoleNav({ say, sections, current }: { say: Say; sections: readonly Section[]; current: Section }) {
  return (
    <nav class="achterom-console-nav" aria-label={say('staff.nav.label')}>
      <ul class="achterom-console-nav__list">
        {sections.map((section) => (
          <li key={section}>
            <a class="achterom-console-nav__link" href={sectionHash(section)} aria-current={current === section ? 'page' : undefined} data-testid={`nav-${section}`}>
              {say(LABELS[section])}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
