// Site-wide settings a municipality may change.

/** Where "Snel weg" (quick exit) goes: an ordinary, neutral site. Only navigated to when
 * the resident asks (rel="noreferrer"); no page loads anything from it. */
export const QUICK_EXIT_URL = 'https://www.buienradar.nl/';
