/**
 * Korean particles and suffixes that follow a name.
 *
 * Decision: a span covers the name only; the particle stays in the text (`김철수는` →
 * `[W-0003]는`). Two uses of the lists here:
 *
 * 1. Short Hangul matches (two syllables or fewer: a given name on its own such as `철수`, a
 *    two-syllable full name such as `김철`, a two-syllable place such as `무산`) are accepted only
 *    when followed by a non-Hangul character or by one of these suffixes, because such strings are
 *    often ordinary words (`철수했다` "withdrew", `무산계급` "proletariat").
 * 2. A particle's form betrays whether the hidden name ended in a consonant (은/는, 이/가, 을/를 …).
 *    Profiles with `neutraliseParticles` replace it by the neutral written form (`은(는)`), and the
 *    span then extends over the particle.
 */

/** Case and topic particles and copula forms. */
export const PARTICLES: readonly string[] = [
  '이', '가', '은', '는', '을', '를', '의', '에', '에게', '에게서', '한테', '한테서', '께', '께서', '와', '과',
  '랑', '이랑', '하고', '도', '만', '에서', '로', '으로', '로부터', '으로부터', '부터', '까지', '처럼', '보다',
  '조차', '마저', '밖에', '뿐', '이나', '나', '이며', '며', '이고', '고', '이다', '다', '였다', '이었다', '였고',
  '이었고', '이야', '야', '아', '이여', '여', '이에요', '예요', '입니다', '이라고', '라고', '이라는', '라는',
  '이란', '란', '들',
];

/**
 * Copulas and verb endings after a name or alias (`여우였습니다`, `여우라고`, `여우이다`, `순이래요`):
 * the name is the complement of 이다 ("was Fox", "is called Suni").
 */
export const COPULA_ENDINGS: readonly string[] = [
  '였습니다', '이었습니다', '입니다', '였어요', '이었어요', '였어', '이었어', '였지', '이었지', '였는데', '이었는데', '인데',
  '이래요', '래요', '이랍니다', '랍니다', '이라서', '라서', '여서', '이어서', '이지요', '이죠', '이지', '이잖아', '이니까',
  '이라면', '라면', '였으며', '이었으며', '였던', '이었던', '이던', '이라네', '라네', '이랬다', '랬다', '이래서', '래서',
  '이었다고', '였다고', '이라더라', '라더라', '이라던', '라던', '이라니', '라니', '였으면', '이었으면', '이냐', '냐', '이니', '이면서',
];

/** Particles plus honorifics, titles and kinship words that may follow a personal name. */
export const PERSON_SUFFIXES: readonly string[] = [
  ...PARTICLES,
  ...COPULA_ENDINGS,
  '네', '씨', '님', '군', '양', '동무', '동지', '선생', '선생님', '아저씨', '아주머니', '언니', '오빠', '누나', '형',
  '할머니', '할아버지', '대장', '반장', '소장', '부장', '과장', '지도원', '보위원', '안전원', '목사', '집사', '전도사',
];

/** Particles plus administrative and descriptive words that follow a place name. */
export const PLACE_SUFFIXES: readonly string[] = [
  ...PARTICLES,
  '시', '군', '구역', '구', '도', '리', '동', '읍', '면', '로동자구', '노동자구', '수용소', '관리소', '교화소',
  '집결소', '단련대', '로동단련대', '노동단련대', '역', '항', '강', '산', '마을', '지역', '지구', '쪽', '근처',
  '일대', '출신', '사람', '부근', '외곽', '시내', '방면', '방향', '시장', '탄광', '광산', '농장',
];

/** Suffixes indexed by their first code unit, longest first, so a check allocates nothing. */
function toLookup(list: readonly string[]): Map<number, string[]> {
  const byFirst = new Map<number, string[]>();
  for (const x of new Set(list)) {
    const bucket = byFirst.get(x.charCodeAt(0)) ?? [];
    bucket.push(x);
    byFirst.set(x.charCodeAt(0), bucket);
  }
  for (const bucket of byFirst.values()) bucket.sort((a, b) => b.length - a.length);
  return byFirst;
}
const PERSON = toLookup(PERSON_SUFFIXES);
const PLACE = toLookup(PLACE_SUFFIXES);

function isHangulSyllableAt(text: string, at: number): boolean {
  const c = at < text.length ? text.charCodeAt(at) : 0;
  return c >= 0xac00 && c <= 0xd7a3;
}

/**
 * True when the text at `end` may follow a short Hangul name: not a Hangul syllable, or the start
 * of one of the listed suffixes.
 */
export function acceptsShortHangulEnd(text: string, end: number, kind: 'person' | 'place'): boolean {
  if (!isHangulSyllableAt(text, end)) return true;
  const bucket = (kind === 'person' ? PERSON : PLACE).get(text.charCodeAt(end));
  if (!bucket) return false;
  for (const suffix of bucket) if (text.startsWith(suffix, end)) return true;
  return false;
}

/** Particle pairs (after consonant / after vowel) and the neutral written form that hides which one applies. */
const NEUTRAL_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['으로부터', '(으)로부터'],
  ['로부터', '(으)로부터'],
  ['이라고', '(이)라고'],
  ['라고', '(이)라고'],
  ['이라는', '(이)라는'],
  ['라는', '(이)라는'],
  ['이었다', '(이)었다'],
  ['였다', '(이)었다'],
  ['이에요', '(이)에요'],
  ['예요', '(이)에요'],
  ['이랑', '(이)랑'],
  ['랑', '(이)랑'],
  ['으로', '(으)로'],
  ['로', '(으)로'],
  ['이나', '(이)나'],
  ['나', '(이)나'],
  ['이며', '(이)며'],
  ['며', '(이)며'],
  ['이야', '(이)야'],
  ['야', '(이)야'],
  ['아', '(이)야'],
  ['이', '이(가)'],
  ['가', '이(가)'],
  ['은', '은(는)'],
  ['는', '은(는)'],
  ['을', '을(를)'],
  ['를', '을(를)'],
  ['과', '와(과)'],
  ['와', '와(과)'],
];

/**
 * The particle that starts at `end` and its neutral form, or null. The particle must not be followed by
 * another Hangul syllable unless it is one of the compound forms listed (so `김철수가족` is not read as 가).
 */
export function particleAt(text: string, end: number): { length: number; neutral: string } | null {
  for (const [form, neutral] of NEUTRAL_FORMS) {
    if (text.startsWith(form, end) && !isHangulSyllableAt(text, end + form.length)) return { length: form.length, neutral };
  }
  return null;
}
