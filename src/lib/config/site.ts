// Site-wide settings a municipality may change.

/** Where "Snel weg" (quick exit) goes: an ordinary, neutral site. */
export const QUICK_EXIT_URL = 'https://www.buienradar.nl/';

/** The phone alternative for people who cannot or do not want to use the portal. */
export const WOT_PHONE = '010 246 5000';
