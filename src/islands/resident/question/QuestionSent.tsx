// After sending: the code (once, only in memory), how to write it down, and what happens next.
import type { Ref } from 'preact';
import { formatParts } from '../../../lib/i18n/format';
import { localizedPath, type Lang } from '../../../lib/i18n/locale';
import { CaseCodePanel, caseCodeLabels } from '../../shared/CaseCodePanel';
import { CodeWarning } from '../../shared/CodeWarning';
import type { ContactMethod } from '../../shared/ContactChoice';
import type { QuestionFormStrings } from '../questionFormStrings';

export interface Sent {
  code: string;
  teamName: string;
  contact: ContactMethod;
  /** Files with the question: none, on their way (after the code is shown), arrived, or not all arrived. */
  files: 'none' | 'sending' | 'sent' | 'missing';
}

interface Props {
  lang: Lang;
  strings: QuestionFormStrings;
  sent: Sent;
  headingRef: Ref<HTMLHeadingElement>;
}

export function QuestionSent({ lang, strings: s, sent, headingRef }: Props) {
  return (
    <section class="achterom-confirmation" aria-labelledby="confirmation-heading">
      <CaseCodePanel code={sent.code} heading={s['done.codeLabel']} headingRef={headingRef} labels={caseCodeLabels(s)} />
      {sent.files !== 'none' && (
        <p class={`achterom-confirmation__files${sent.files === 'missing' ? ' achterom-confirmation__files--missing' : ''}`} role="status" data-testid="files-status" data-state={sent.files}>
          {s[sent.files === 'sending' ? 'done.filesSending' : sent.files === 'sent' ? 'done.filesSent' : 'done.filesMissing']}
        </p>
      )}
      <CodeWarning heading={s['done.writeDown']} points={[s['done.noRecovery'], s['done.noCodeNoAnswer'], s['done.sharedDevice']]} />
      <h2>{s['done.next.heading']}</h2>
      <ul>
        <li>{formatParts(s['done.next.read'], { team: <bdi>{sent.teamName}</bdi> })}</li>
        {sent.contact === 'phone' && <li>{s['done.next.phone']}</li>}
        {sent.contact === 'email' && <li>{s['done.next.email']}</li>}
        <li>{s['done.next.portal']}</li>
      </ul>
      <p>
        {s['done.mailbox.text']} <a href={localizedPath(lang, 'mijn-vraag/')}>{s['done.mailbox.link']}</a>.
      </p>
      <p>{s['done.close']}</p>
    </section>
  );
}
