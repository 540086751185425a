// The booking page's island. It renders only the first step (the neighbourhood) and
// loads the rest of the wizard (./booking/BookingWizard: the slot picker, the forms,
// validation and sealing) the moment the resident starts using the form, so a cheap
// phone fetches under 20 KB of JavaScript to show the page. Verder on the first step
// hands the choice over to the wizard, which goes on from there.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n';
import type { BookingFlowStrings } from './bookingStrings';
import type { BookingWizard } from './booking/BookingWizard';
import { NeighbourhoodStep } from './booking/NeighbourhoodStep';
import { stepCaption, viewHeading } from './booking/StepParts';
import { Alert } from '../shared/Alert';
import '../../styles/forms.css';
import '../../styles/booking.css';

interface Props {
  lang: Lang;
  strings: BookingFlowStrings;
  /** The manage page (/afspraak/beheren/) in the page's language. */
  manageHref: string;
}

type Wizard = typeof BookingWizard;

export default function BookingFlow({ lang, strings: s, manageHref }: Props) {
  const [hydrated, setHydrated] = useState(false);
  const [neighbourhood, setNeighbourhood] = useState('');
  const [wizard, setWizard] = useState<Wizard | null>(null);
  const [loading, setLoading] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);
  const pending = useRef<Promise<Wizard> | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  // Controls render disabled on the server and are enabled once the island runs.
  useEffect(() => setHydrated(true), []);
  // The page title names the step, as the wizard's steps do; a failed load is said at
  // once (the alert takes the focus).
  useEffect(() => {
    const parts = [viewHeading('neighbourhood', s), stepCaption('neighbourhood', s), s['booking.title'], s['site.titleSuffix']];
    document.title = `${loadFailed ? `${s['form.errorTitlePrefix']}: ` : ''}${parts.join(' – ')}`;
    if (loadFailed) alertRef.current?.focus();
  }, [loadFailed]);

  /** Starts fetching the wizard (once); a failed fetch may be tried again. */
  const load = () => {
    pending.current ??= import('./booking/BookingWizard').then(
      (module) => module.BookingWizard,
      (error: unknown) => {
        pending.current = null;
        throw error;
      },
    );
    return pending.current;
  };

  async function start(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!hydrated || loading) return;
    setLoading(true);
    setLoadFailed(false);
    try {
      const loaded = await load();
      setWizard(() => loaded);
    } catch {
      setLoadFailed(true);
    } finally {
      setLoading(false);
    }
  }

  if (wizard) {
    const Wizard = wizard;
    return <Wizard lang={lang} strings={s} manageHref={manageHref} neighbourhood={neighbourhood} />;
  }
  const prefetch = () => void load().catch(() => undefined);
  return (
    <form
      class="achterom-form achterom-booking"
      method="post"
      noValidate
      onSubmit={start}
      onFocusIn={prefetch}
      onPointerDown={prefetch}
      onKeyDown={prefetch}
      onChange={prefetch}
      data-testid="booking-step-neighbourhood"
    >
      {loadFailed && <Alert testId="booking-load-failed" alertRef={alertRef} oneSentence>{s['booking.error.load']}</Alert>}
      <NeighbourhoodStep s={s} disabled={!hydrated} busy={loading} errors={{}} value={neighbourhood} onChange={setNeighbourhood} />
    </form>
  );
}
