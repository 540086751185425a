// A page title per state, as a page of its own would have; while an error shows it
// starts with "Fout: ", so a screen reader user hears it first.
import { useEffect } from 'preact/hooks';

interface TitleWords {
  /** "Fout" */
  errorPrefix: string;
  /** "Achterom" */
  suffix: string;
}

/** Sets document.title once the island runs (the server rendered the first one). */
export function usePageTitle(active: boolean, title: string, showsError: boolean, words: TitleWords): void {
  useEffect(() => {
    if (!active) return;
    document.title = `${showsError ? `${words.errorPrefix}: ` : ''}${title} – ${words.suffix}`;
  }, [active, title, showsError]);
}
