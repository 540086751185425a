// Everything about the resident languages that is not a translation: codes, writing
// direction, the locale for Intl, names and paths. No dictionaries here, so islands can
// import this module without bundling a language file.

export const languages = ['nl', 'en', 'tr', 'ar', 'pl'] as const;
export type Lang = (typeof languages)[number];

/** Writing direction of a language, for `<html dir>`. */
export function dirOf(lang: Lang): 'ltr' | 'rtl' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The locale every Intl formatter uses for a language. Arabic keeps Latin digits
 * (numbering system latn), so times, dates and codes read the same as on paper, on the
 * phone and in the other languages, and the 24-hour clock used in the Netherlands (hc-h23),
 * as the other four languages do.
 */
const INTL_LOCALES: Record<Lang, string> = {
  nl: 'nl-NL',
  en: 'en-GB',
  tr: 'tr-TR',
  ar: 'ar-u-nu-latn-hc-h23',
  pl: 'pl-PL',
};

export function intlLocale(lang: Lang): string {
  return INTL_LOCALES[lang];
}

/** Each language's name in that language itself, for the language switch. */
export const languageNames: Record<Lang, string> = {
  nl: 'Nederlands',
  en: 'English',
  tr: 'Türkçe',
  ar: 'العربية',
  pl: 'Polski',
};

export function isLang(value: string): value is Lang {
  return (languages as readonly string[]).includes(value);
}

/** Site-relative path of a page in a language. Dutch lives at the root, the others under /<lang>/; slugs stay Dutch. */
export function localizedPath(lang: Lang, page: string = ''): string {
  const clean = page.replace(/^\/+/, '');
  return lang === 'nl' ? `/${clean}` : `/${lang}/${clean}`;
}

/** The language-neutral page of a pathname: "/ar/vraag/" and "/vraag/" both give "vraag/". */
export function pageOf(pathname: string): string {
  const [, first = '', ...rest] = pathname.split('/');
  const page = isLang(first) && first !== 'nl' ? rest.join('/') : pathname.replace(/^\/+/, '');
  return page;
}

/** The same page in another language, from a pathname such as "/en/vraag/". */
export function alternatePath(pathname: string, target: Lang): string {
  return localizedPath(target, pageOf(pathname));
}

/**
 * The static paths of a resident page in every language: Dutch at the root ("/vraag/"),
 * the others under their code ("/en/vraag/"). Used by the one page file per route in
 * src/pages/[...lang]/.
 */
export function languagePaths() {
  return languages.map((lang) => ({ params: { lang: lang === 'nl' ? undefined : lang }, props: { lang } }));
}
