// Files with a message (NL Design System form field with a file input): label, hint, the
// picker, a live message for files that were not added (too large, too many, wrong
// type), and the chosen files: photos as the team will get them, PDFs with a warning,
// each with a button to take it out again. Keyboard: the native picker and buttons.
import { describedBy, FieldError } from './FieldError';
import { fieldClass } from './fieldClass';
import { format } from '../../../lib/i18n/format';
import { MAX_ATTACHMENTS } from '../../../lib/schemas/attachmentList';
import { ATTACHMENT_ACCEPT, problemText, type AttachmentProblem, type FileFieldStrings } from '../attachments/attachmentRules';
import type { PreparedAttachment } from '../attachments/prepareAttachment';

interface Props {
  id: string;
  strings: FileFieldStrings;
  files: readonly PreparedAttachment[];
  problems: readonly AttachmentProblem[];
  preparing: boolean;
  disabled?: boolean;
  onAdd: (files: File[]) => void;
  onRemove: (id: string) => void;
}

export function FileField({ id, strings: s, files, problems, preparing, disabled, onAdd, onRemove }: Props) {
  const error = problems.map((p) => problemText(s, p)).join(' ') || undefined;
  const full = files.length >= MAX_ATTACHMENTS;
  let photoNumber = 0;
  return (
    <div class={fieldClass(error, 'achterom-file-field')} data-testid="file-field">
      <label class="achterom-form-field__label utrecht-form-label" for={id}>
        {s['form.files.label']}
      </label>
      <p class="achterom-form-field__hint utrecht-form-field-description" id={`${id}-hint`}>
        {s['form.files.hint']}
      </p>
      {/* Announced as soon as files are refused, not only on sending. */}
      <div aria-live="polite" data-testid="file-errors">
        <FieldError id={`${id}-error`} prefix={s['form.errorPrefix']} text={error} />
      </div>
      <input
        class="achterom-file-input"
        type="file"
        id={id}
        multiple
        accept={ATTACHMENT_ACCEPT}
        disabled={disabled || full || preparing}
        aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`)}
        aria-invalid={error ? 'true' : undefined}
        onChange={(e) => {
          const chosen = Array.from(e.currentTarget.files ?? []);
          // Cleared at once: the browser keeps no file list, and the same file can be chosen again.
          e.currentTarget.value = '';
          if (chosen.length) onAdd(chosen);
        }}
      />
      <p class="achterom-file-field__status" role="status">
        {preparing ? s['form.files.preparing'] : ''}
      </p>
      {files.length > 0 && (
        <>
          <p class="achterom-file-field__chosen" id={`${id}-chosen`}>
            {s['form.files.chosen']}
          </p>
          <ul class="achterom-file-list" aria-labelledby={`${id}-chosen`}>
            {files.map((f) => {
              if (f.kind === 'photo') photoNumber++;
              return (
                <li class="achterom-file-list__item" key={f.id} data-testid="attachment-item" data-kind={f.kind}>
                  {f.kind === 'photo' && f.previewUrl ? (
                    <figure class="achterom-file-list__figure">
                      <img class="achterom-file-list__preview" src={f.previewUrl} alt={format(s['form.files.photoAlt'], { number: photoNumber })} data-testid="attachment-preview" />
                      <figcaption>{s['form.files.photoNote']}</figcaption>
                    </figure>
                  ) : (
                    <>
                      <p class="achterom-file-list__name">
                        <bdi>{f.name}</bdi>
                      </p>
                      <p class="achterom-file-list__warning" data-testid="pdf-warning">
                        {s['form.files.pdfWarning']}
                      </p>
                    </>
                  )}
                  <button type="button" class="achterom-button utrecht-button utrecht-button--secondary-action" disabled={disabled} onClick={() => onRemove(f.id)}>
                    {format(s['form.files.remove'], { name: f.name })}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
