// Passphrase strength with zxcvbn-ts and the Dutch dictionary. Loaded with a dynamic
// import only where a passphrase is chosen (activation, passphrase change): the
// dictionaries are large and nothing else needs them.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const PASSPHRASE_MIN_CHARS = 12;
export const PASSPHRASE_MIN_SCORE = 3;

export interface StrengthResult {
  /** 0 (very weak) to 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  tooShort: boolean;
  strongEnough: boolean;
  /** zxcvbn feedback keys (the console has its own Dutch text for each, in "u" form). */
  warning: string | null;
  suggestions: string[];
}

let loading: Promise<ZxcvbnFactory> | undefined;

export function loadStrengthChecker(): Promise<ZxcvbnFactory> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-nl-be')])
    .then(
      ([core, common, dutch]) =>
        // No translations option: feedback comes back as keys, which staff.ts turns into Dutch.
        new core.ZxcvbnFactory({
          dictionary: { ...common.dictionary, ...dutch.dictionary },
          graphs: common.adjacencyGraphs,
          useLevenshteinDistance: true,
        }),
    )
    .catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
  return loading;
}

/** Words the passphrase must not lean on: the person's own names and this service. */
const SERVICE_WORDS = ['achterom', 'schiedam', 'wijkteam', 'wot', 'medewerker', 'wachtwoordzin'];

export function checkStrength(checker: ZxcvbnFactory, passphrase: string, personal: string[] = []): StrengthResult {
  const inputs = [...SERVICE_WORDS, ...personal.flatMap((p) => p.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length > 2)];
  const result = checker.check(passphrase, inputs);
  const tooShort = [...passphrase].length < PASSPHRASE_MIN_CHARS;
  return {
    score: result.score,
    tooShort,
    strongEnough: !tooShort && result.score >= PASSPHRASE_MIN_SCORE,
    warning: result.feedback.warning || null,
    suggestions: result.feedback.suggestions,
  };
}
