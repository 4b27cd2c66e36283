/**
 * Hangul syllable arithmetic (Unicode 3.12 "Conjoining Jamo Behavior") and Korean name structure.
 * A precomposed syllable U+AC00..U+D7A3 is 0xAC00 + (initial * 21 + vowel) * 28 + final.
 */

export const HANGUL_FIRST = 0xac00;
export const HANGUL_LAST = 0xd7a3;

/** 19 initial consonants, 21 vowels, 28 finals (index 0 = no final), in Unicode order. */
export const INITIALS = ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'] as const;
export const VOWELS = ['ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅘ', 'ㅙ', 'ㅚ', 'ㅛ', 'ㅜ', 'ㅝ', 'ㅞ', 'ㅟ', 'ㅠ', 'ㅡ', 'ㅢ', 'ㅣ'] as const;
export const FINALS = ['', 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ', 'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'] as const;

/** Indices into INITIALS / VOWELS used by the rules below. */
export const I = { NIEUN: 2, RIEUL: 5, IEUNG: 11 } as const;

export interface Jamo {
  initial: number;
  vowel: number;
  final: number;
}

export function isHangulSyllable(code: number): boolean {
  return code >= HANGUL_FIRST && code <= HANGUL_LAST;
}

/** Any Hangul letter: syllables, conjoining jamo, compatibility jamo, extended jamo. */
export function isHangulLetter(code: number): boolean {
  return (
    isHangulSyllable(code) ||
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0x3131 && code <= 0x318e) ||
    (code >= 0xa960 && code <= 0xa97f) ||
    (code >= 0xd7b0 && code <= 0xd7ff)
  );
}

/** True when every code unit of `s` is a precomposed Hangul syllable (and s is not empty). */
export function isHangulWord(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isHangulSyllable(s.charCodeAt(i))) return false;
  return true;
}

/** True when `s` contains at least one Hangul syllable. */
export function containsHangul(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isHangulSyllable(s.charCodeAt(i))) return true;
  return false;
}

export function decompose(syllable: string): Jamo | null {
  if (syllable.length !== 1) return null;
  const code = syllable.charCodeAt(0);
  if (!isHangulSyllable(code)) return null;
  const s = code - HANGUL_FIRST;
  return { initial: Math.floor(s / 588), vowel: Math.floor((s % 588) / 28), final: s % 28 };
}

export function compose(j: Jamo): string {
  if (j.initial < 0 || j.initial > 18 || j.vowel < 0 || j.vowel > 20 || j.final < 0 || j.final > 27) {
    throw new RangeError(`invalid jamo indices ${j.initial}/${j.vowel}/${j.final}`);
  }
  return String.fromCharCode(HANGUL_FIRST + (j.initial * 21 + j.vowel) * 28 + j.final);
}

/** Vowels before which ㄹ/ㄴ drop entirely under the ROK initial-sound rule: ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ. */
const IOTIZED = new Set([2, 3, 6, 7, 12, 17, 20]);

/**
 * The South Korean initial-sound rule (두음법칙) applied to a word-initial syllable:
 * 리→이, 류→유, 량→양, 녀→여 (ㄹ/ㄴ + i/y-vowel → ㅇ) and 라→나, 로→노, 뢰→뇌 (ㄹ + other → ㄴ).
 * North Korean spelling does not apply it, so 리설주 (DPRK) is 이설주 in ROK spelling.
 * Returns the syllable unchanged when the rule does not apply.
 */
export function applyInitialSoundRule(syllable: string): string {
  const j = decompose(syllable);
  if (!j) return syllable;
  if (j.initial === I.RIEUL) return compose({ ...j, initial: IOTIZED.has(j.vowel) ? I.IEUNG : I.NIEUN });
  if (j.initial === I.NIEUN && IOTIZED.has(j.vowel)) return compose({ ...j, initial: I.IEUNG });
  return syllable;
}

/**
 * Surnames whose DPRK spelling keeps the initial ㄹ that ROK spelling drops. Only surnames are
 * reversed (이→리): for other syllables the original ㄹ cannot be known without the Hanja.
 */
export const DPRK_SURNAME_FORMS: Readonly<Record<string, string>> = {
  이: '리',
  임: '림',
  유: '류',
  양: '량',
  노: '로',
  나: '라',
  여: '려',
  염: '렴',
  육: '륙',
  용: '룡',
};

/** Two-syllable family names; everything else is treated as a one-syllable family name. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '남궁',
  '제갈',
  '선우',
  '황보',
  '독고',
  '사공',
  '서문',
  '동방',
  '을지',
  '어금',
  '망절',
]);

export interface KoreanNameParts {
  family: string;
  given: string;
}

/**
 * Splits a Hangul personal name into family and given name. A space, when present, is the split
 * (`김 철수`). Otherwise a known two-syllable surname takes two syllables (`남궁민수`), and a name of
 * 2–4 syllables whose first syllable is in `knownSurnames` takes one (`김철수`). Returns null when the
 * string is not a plausible Korean personal name (a nickname, a single syllable, mixed scripts).
 */
export function splitKoreanName(name: string, knownSurnames: ReadonlySet<string>): KoreanNameParts | null {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 2 && isHangulWord(parts[0]) && isHangulWord(parts[1])) {
    if (parts[0].length <= 2) return { family: parts[0], given: parts[1] };
    return null;
  }
  if (parts.length !== 1 || !isHangulWord(parts[0])) return null;
  const s = parts[0];
  if (s.length >= 3 && COMPOUND_SURNAMES.has(s.slice(0, 2))) return { family: s.slice(0, 2), given: s.slice(2) };
  if (s.length >= 2 && s.length <= 4 && knownSurnames.has(s[0])) return { family: s[0], given: s.slice(1) };
  return null;
}
