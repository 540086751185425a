// Flat dotted keys, Dutch as the source (Starlight style). Pages call t(); islands get
// only the strings they need through pick(), so no island bundles a whole language file.
import nl from './nl';
import en from './en';

export type Lang = 'nl' | 'en';
export type MessageKey = keyof typeof nl;
export type Messages<K extends MessageKey = MessageKey> = Record<K, string>;

export const languages: readonly Lang[] = ['nl', 'en'];

const dictionaries: Record<Lang, Messages> = { nl, en };

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

/** Site-relative path of a page in a language. Dutch lives at the root, English under /en/; slugs stay Dutch. */
export function localizedPath(lang: Lang, page: string = ''): string {
  const clean = page.replace(/^\/+/, '');
  return lang === 'nl' ? `/${clean}` : `/en/${clean}`;
}

/** The same page in the other language, from a pathname such as "/en/vraag/". */
export function alternatePath(pathname: string, target: Lang): string {
  const page = pathname.replace(/^\/en(\/|$)/, '/').replace(/^\/+/, '');
  return localizedPath(target, page);
}

export function otherLang(lang: Lang): Lang {
  return lang === 'nl' ? 'en' : 'nl';
}

export { format } from './format';
