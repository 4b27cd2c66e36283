/**
 * Search keys for place (and unit) names, so that any common spelling finds the place:
 * Hangul (with or without the DPRK's initial ㄹ/ㄴ), McCune–Reischauer with or without its
 * breves and apostrophes (Yodŏk, Ch'ŏngjin), Revised Romanization (Yodeok, Cheongjin), the
 * DPRK's own style (Phyeongyang) and loose popular spellings (Yoduk, Chongjin).
 *
 * Pure: no NestJS, no database. The key is stored beside each name and compared by substring,
 * so it deliberately over-merges (ŏ/ŭ/o/u, k/g, t/d, p/b, ch/j, r/l): the gazetteer is small
 * and recall matters more than precision. Bump PLACE_KEY_VERSION (and recompute stored keys in a
 * migration) whenever the output of placeNameKey changes.
 */
export const PLACE_KEY_VERSION = 1;

const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/;
const NON_HANGUL_RUN = /[^\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]+/g;
const SYLLABLE_BASE = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
// Initial consonant indexes (ㄱ=0 …) and vowel indexes (ㅏ=0 …) of composed syllables.
const INITIAL_N = 2;
const INITIAL_R = 5;
const INITIAL_NULL = 11;
// ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ: before these the ROK drops a word-initial ㄹ or ㄴ (리 → 이, 녀 → 여).
const Y_VOWELS = new Set([2, 6, 7, 12, 17, 20]);

/**
 * The ROK "initial sound rule" applied to the first syllable of a word, so the DPRK spelling
 * (로동, 량강, 리) and the ROK one (노동, 양강, 이) have the same key.
 */
export function applyInitialSoundRule(word: string): string {
  const code = word.codePointAt(0);
  if (code === undefined || code < SYLLABLE_BASE || code > SYLLABLE_LAST) return word;
  const index = code - SYLLABLE_BASE;
  const initial = Math.floor(index / 588);
  const vowel = Math.floor((index % 588) / 28);
  const final = index % 28;
  let next = initial;
  if (initial === INITIAL_R) next = Y_VOWELS.has(vowel) ? INITIAL_NULL : INITIAL_N;
  else if (initial === INITIAL_N && Y_VOWELS.has(vowel)) next = INITIAL_NULL;
  if (next === initial) return word;
  return String.fromCodePoint(SYLLABLE_BASE + next * 588 + vowel * 28 + final) + word.slice(1);
}

/**
 * Lower-case, no diacritics, apostrophes, hyphens or spaces; Hangul kept as composed syllables.
 * `Yodŏk` → `yodok`, `Ch'ŏngjin-si` → `chongjinsi`, `요덕 제15호 관리소` → `요덕제15호관리소`.
 */
export function normalisePlaceName(value: string): string {
  return value
    .normalize('NFC')
    .replace(NON_HANGUL_RUN, (run) => run.normalize('NFKD').replace(/\p{M}/gu, ''))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** One romanised word to its phonetic skeleton. */
function romanisedSkeleton(word: string): string {
  return word
    .replace(/eo/g, 'o')
    .replace(/eu/g, 'u')
    .replace(/ch/g, 'c')
    .replace(/sh/g, 's')
    .replace(/ph/g, 'p')
    .replace(/th/g, 't')
    .replace(/kh/g, 'k')
    .replace(/g/g, 'k')
    .replace(/d/g, 't')
    .replace(/b/g, 'p')
    .replace(/j/g, 'c')
    .replace(/l/g, 'r')
    .replace(/ae/g, 'e')
    .replace(/u/g, 'o')
    .replace(/nr/g, 'r')
    .replace(/(.)\1+/g, '$1');
}

/**
 * The search key of a name: words are normalised one by one (Hangul: initial sound rule;
 * Latin: phonetic skeleton) and joined. Two spellings of the same name give the same key:
 * Yodŏk, Yodok, Yoduk and Yodeok all give `yotok`; 로동단련대 and 노동단련대 give `노동단련대`.
 */
export function placeNameKey(value: string): string {
  // Hyphens join syllables (kwan-li-so, Ch'ŏng-jin) and are dropped; spaces separate words.
  const words = value.normalize('NFC').split(/[\s_/,.;()]+/u).filter(Boolean);
  return words
    .map((word) => {
      const normalised = normalisePlaceName(word);
      if (!normalised) return '';
      if (HANGUL.test(normalised)) return applyInitialSoundRule(normalised);
      return romanisedSkeleton(normalised);
    })
    .join('');
}

/** The distinct, non-empty keys of several names. */
export function placeNameKeys(names: readonly string[]): string[] {
  return [...new Set(names.map(placeNameKey).filter(Boolean))];
}
