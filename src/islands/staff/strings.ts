// One lookup for every console string: the older staff.* keys arrive as a prop (picked
// from nl.ts), the newer ones come from src/lib/i18n/staff.ts (Dutch only).
import staffText from '../../lib/i18n/staff';
import { format } from '../../lib/i18n/format';
import type { StaffConsoleStrings } from './staffConsoleStrings';

export type StaffTextKey = keyof typeof staffText | keyof StaffConsoleStrings;
export type Say = (key: StaffTextKey, values?: Record<string, string | number>) => string;

export function makeSay(strings: Partial<StaffConsoleStrings>): Say {
  const all: Record<string, string> = { ...staffText, ...strings };
  return (key, values) => {
    const text = all[key] ?? key;
    return values ? format(text, values) : text;
  };
}

/** Looks up a key built at run time (an audit action, a zxcvbn feedback key); unknown keys give null. */
export function sayIfKnown(say: Say, key: string, values?: Record<string, string | number>): string | null {
  const text = say(key as StaffTextKey, values);
  return text === key ? null : text;
}
