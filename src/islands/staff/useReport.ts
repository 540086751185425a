// The answer to a button press (saved, refused), shown as a notice that takes the focus
// as soon as it is on the page, so a screen reader reads it at once.
import { useRef, useState } from 'preact/hooks';

export interface Report {
  ok: boolean;
  text: string;
}

export function useReport() {
  const [result, setResult] = useState<Report | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  function report(ok: boolean, text: string) {
    setResult({ ok, text });
    requestAnimationFrame(() => ref.current?.focus());
  }

  return { result, report, clear: () => setResult(null), ref };
}
