// Phone numbers shown on resident pages. `tel` is what the link dials, `display` what people read.
export interface Helpline {
  display: string;
  tel: string;
}

export const EMERGENCY: Helpline = { display: '112', tel: '112' };
export const SUICIDE_PREVENTION: Helpline = { display: '113 of 0800-0113', tel: '08000113' };
export const SUICIDE_PREVENTION_EN: Helpline = { display: '113 or 0800-0113', tel: '08000113' };
export const VEILIG_THUIS: Helpline = { display: '0800-2000', tel: '08002000' };
/** Demo number: Gemeente Schiedam, ask for the WOT. */
export const WOT_PHONE: Helpline = { display: '010 246 5000', tel: '+31102465000' };
