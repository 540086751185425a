// Phone numbers shown on resident pages, from achterom.config.json. `tel` is what the
// link dials, `numbers` what people read (more than one: shown with "or" in the page's language between them). Numbers are
// always shown left to right, also on Arabic pages.
import { crisis, phone } from '../lib/config/municipality';

export interface Helpline {
  numbers: readonly string[];
  tel: string;
}

export const EMERGENCY: Helpline = crisis.emergency;
export const SUICIDE_PREVENTION: Helpline = crisis.suicidePrevention;
export const VEILIG_THUIS: Helpline = crisis.veiligThuis;
/** The municipality's number; ask for the WOT. */
export const WOT_PHONE: Helpline = phone;
