// Flat dotted keys, Dutch as the source (Starlight style). Pages call t(); islands get
// only the strings they need through pick(), so no island bundles a whole language file.
// Language codes, direction, Intl locale and paths live in ./locale (safe for islands).
import nl from './nl';
import en from './en';
import tr from './tr';
import ar from './ar';
import pl from './pl';
import type { Lang } from './locale';

export { alternatePath, dirOf, intlLocale, isLang, languageNames, languages, localizedPath, pageOf, type Lang } from './locale';

export type MessageKey = keyof typeof nl;
export type Messages<K extends MessageKey = MessageKey> = Record<K, string>;

export const dictionaries: Record<Lang, Messages> = { nl, en, tr, ar, pl };

export function t(lang: Lang, key: MessageKey): string {
  return dictionaries[lang][key];
}

/** The subset of strings an island needs, to pass as a prop. */
export function pick<K extends MessageKey>(lang: Lang, keys: readonly K[]): Messages<K> {
  const dictionary = dictionaries[lang];
  const out = {} as Messages<K>;
  for (const key of keys) out[key] = dictionary[key];
  return out;
}

export { format } from './format';
