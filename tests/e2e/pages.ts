// Every page of the site, for the tests that must visit them all.
export const LANGUAGES = ['nl', 'en', 'tr', 'ar', 'pl'] as const;

/** Resident page slugs; Dutch at the root, other languages under /<lang>/. */
export const RESIDENT_SLUGS = ['', 'vraag/', 'mijn-vraag/', 'afspraak/', 'afspraak/beheren/', 'veilig-gebruik/', 'privacy/', 'toegankelijkheid/', 'sleutels/'];

/** Slugs of pages that encrypt or decrypt in the browser. */
export const CRYPTO_SLUGS = ['vraag/', 'mijn-vraag/', 'afspraak/', 'afspraak/beheren/'];

export const pathFor = (lang: string, slug: string) => (lang === 'nl' ? `/${slug}` : `/${lang}/${slug}`);

export const RESIDENT_PAGES = LANGUAGES.flatMap((lang) => RESIDENT_SLUGS.map((slug) => pathFor(lang, slug)));
export const STAFF_PAGES = ['/medewerker/', '/medewerker/activeren/'];
export const CRYPTO_PAGES = [...LANGUAGES.flatMap((lang) => CRYPTO_SLUGS.map((slug) => pathFor(lang, slug))), ...STAFF_PAGES];
