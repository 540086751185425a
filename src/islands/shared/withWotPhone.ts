// Words that send the resident to the phone ("Bel 010 246 5000") when the page cannot help.
import { WOT_PHONE } from '../../components/helplines';
import { format } from '../../lib/i18n/format';

/** Fills {phone} with the neighbourhood teams' number. */
export function withWotPhone(template: string): string {
  return format(template, { phone: WOT_PHONE.numbers[0] ?? '' });
}
