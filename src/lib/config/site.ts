// Site-wide settings a municipality may change.

/** Where "Snel weg" (quick exit) goes: an ordinary, neutral site. */
export const QUICK_EXIT_URL = 'https://www.buienradar.nl/';
