// Site-wide settings a municipality may change (in achterom.config.json).
import { quickExitUrl } from './municipality';

/** Where "Snel weg" (quick exit) goes: an ordinary, neutral site. Only navigated to when
 * the resident asks (rel="noreferrer"); no page loads anything from it. */
export const QUICK_EXIT_URL = quickExitUrl;
