// Phone numbers shown on resident pages. `tel` is what the link dials, `numbers` what people
// read (more than one: shown with "or" in the page's language between them). Numbers are
// always shown left to right, also on Arabic pages.
export interface Helpline {
  numbers: readonly string[];
  tel: string;
}

export const EMERGENCY: Helpline = { numbers: ['112'], tel: '112' };
export const SUICIDE_PREVENTION: Helpline = { numbers: ['113', '0800-0113'], tel: '08000113' };
export const VEILIG_THUIS: Helpline = { numbers: ['0800-2000'], tel: '08002000' };
/** Demo number: Gemeente Schiedam, ask for the WOT. */
export const WOT_PHONE: Helpline = { numbers: ['010 246 5000'], tel: '+31102465000' };
