// The error summary (GOV.UK / NL Design System pattern): after a failed submit it takes
// the focus (the caller focuses `id` or passes summaryRef), and each link moves the focus
// to its field with the field's label in view.
import type { Ref } from 'preact';
import { ErrorIcon } from '../../Icon';
import { focusField } from '../../focus';

export interface SummaryError {
  /** Id of the control the link focuses. */
  target: string;
  text: string;
}

interface Props {
  id: string;
  title: string;
  errors: readonly SummaryError[];
  summaryRef?: Ref<HTMLDivElement> | undefined;
  /** h2 on a resident page, h3 inside a console section. */
  headingLevel?: 2 | 3;
  /** Id of the title; `${id}-title` unless the page has long used another. */
  titleId?: string | undefined;
}

export function ErrorSummary({ id, title, errors, summaryRef, headingLevel = 2, titleId = `${id}-title` }: Props) {
  if (errors.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="achterom-error-summary" id={id} tabIndex={-1} ref={summaryRef ?? null} aria-labelledby={titleId}>
      <Heading class="achterom-error-summary__title" id={titleId}>
        <ErrorIcon />
        <span>{title}</span>
      </Heading>
      <ul class="achterom-error-summary__list">
        {errors.map((e) => (
          <li key={e.target + e.text}>
            <a
              href={`#${e.target}`}
              onClick={(event) => {
                event.preventDefault();
                focusField(e.target);
              }}
            >
              {e.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
