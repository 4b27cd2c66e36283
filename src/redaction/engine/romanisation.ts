/**
 * Romanisation of Korean names and the reverse (which Hangul syllables a Latin spelling may stand for).
 *
 * Systems:
 * - `rr`  Revised Romanization (ROK, 2000), as used for personal names: each syllable on its own,
 *         no sound change across syllables (김철수 → Gim Cheol-su).
 * - `mr`  McCune–Reischauer with breves and apostrophes (김철수 → Kim Ch'ŏl-su); plain consonants
 *         are voiced after a vowel or ㄴ/ㄹ/ㅁ/ㅇ inside a word (영길 → Yŏng-gil). Simplified: no
 *         other assimilation rules.
 * - `kps` DPRK practice as seen in KCNA English (김철수 → Kim Chol Su, 태영호 → Thae Yong Ho):
 *         MR without diacritics, aspiration written with h (ph, th, kh), ㅈ as j.
 *
 * For matching, `syllableSpellings` lists every spelling a syllable commonly gets (the systems above,
 * with and without voicing, plus popular ROK spellings such as Young, Soo, Hee, Chul, Hyun, Woo).
 * The matcher's romanisation key (normalise.ts) collapses most of them; the rest become variants.
 */
import { decompose, HANGUL_FIRST, HANGUL_LAST } from 'src/redaction/engine/hangul';
import { foldLetters, keyWord } from 'src/redaction/engine/normalise';

export type RomanisationSystem = 'rr' | 'mr' | 'kps';

const RR_INITIAL = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const RR_VOWEL = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const FINAL = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

const MR_INITIAL = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'ch', 'tch', "ch'", "k'", "t'", "p'", 'h'];
const MR_VOICED: Readonly<Record<number, string>> = { 0: 'g', 3: 'd', 7: 'b', 12: 'j' };
const MR_VOWEL = ['a', 'ae', 'ya', 'yae', 'ŏ', 'e', 'yŏ', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wŏ', 'we', 'wi', 'yu', 'ŭ', 'ŭi', 'i'];

const KPS_INITIAL = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'kh', 'th', 'ph', 'h'];
const KPS_VOWEL = ['a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i'];

/** Finals after which a plain consonant is voiced in MR/KPS: none, ㄴ, ㄹ, ㅁ, ㅇ. */
const VOICING_FINALS = new Set([0, 4, 8, 16, 21]);

export interface SyllableContext {
  /** Final (index into FINALS) of the previous syllable of the same word; undefined at word start. */
  prevFinal?: number;
}

export function romaniseSyllable(syllable: string, system: RomanisationSystem, ctx: SyllableContext = {}): string {
  const j = decompose(syllable);
  if (!j) return syllable;
  const medial = ctx.prevFinal !== undefined;
  if (system === 'rr') return RR_INITIAL[j.initial] + RR_VOWEL[j.vowel] + FINAL[j.final];
  let initial = system === 'mr' ? MR_INITIAL[j.initial] : KPS_INITIAL[j.initial];
  if (medial && ctx.prevFinal !== undefined && VOICING_FINALS.has(ctx.prevFinal) && MR_VOICED[j.initial] !== undefined) {
    initial = MR_VOICED[j.initial];
  }
  if (medial && j.initial === 5 && (ctx.prevFinal === 4 || ctx.prevFinal === 8)) initial = 'l';
  const vowel = system === 'mr' ? MR_VOWEL[j.vowel] : KPS_VOWEL[j.vowel];
  return initial + vowel + FINAL[j.final];
}

/** Romanises a Hangul word syllable by syllable (context-aware voicing for MR/KPS); other characters pass through. */
export function romaniseWord(word: string, system: RomanisationSystem): string {
  let out = '';
  let prevFinal: number | undefined;
  for (const ch of word) {
    const j = decompose(ch);
    if (!j) {
      out += ch;
      prevFinal = undefined;
      continue;
    }
    out += romaniseSyllable(ch, system, { prevFinal });
    prevFinal = j.final;
  }
  return out;
}

function capitalise(s: string): string {
  return s.length === 0 ? s : s[0].toUpperCase() + s.slice(1);
}

/**
 * Display form of a Korean name in one system: RR `Gim Cheolsu`, MR `Kim Ch'ŏl-su`, KPS `Kim Chol Su`.
 * The family name uses the conventional spelling for MR/KPS (Kim, Ri, Pak) when the table knows it.
 */
export function romaniseName(family: string, given: string, system: RomanisationSystem): string {
  const conventional = SURNAME_CONVENTIONAL[family];
  const fam = system !== 'rr' && conventional ? conventional[system === 'mr' ? 0 : 1] : capitalise(romaniseWord(family, system));
  const syllables = [...given];
  if (system === 'rr') return `${fam} ${capitalise(romaniseWord(given, 'rr'))}`;
  const parts: string[] = [];
  let prevFinal: number | undefined;
  for (const ch of syllables) {
    const j = decompose(ch);
    parts.push(romaniseSyllable(ch, system, { prevFinal }));
    prevFinal = j ? j.final : undefined;
  }
  if (system === 'mr') return `${fam} ${capitalise(parts.join('-'))}`;
  return `${fam} ${parts.map(capitalise).join(' ')}`;
}

// ---------------------------------------------------------------------------------------------
// Spellings used for matching

const INITIAL_OPTIONS: ReadonlyArray<readonly string[]> = [
  ['g', 'k'],
  ['kk', 'gg'],
  ['n'],
  ['d', 't'],
  ['tt', 'dd'],
  ['r', 'l'],
  ['m'],
  ['b', 'p'],
  ['pp', 'bb'],
  ['s'],
  ['ss', 's'],
  [''],
  ['j', 'ch'],
  ['jj', 'tch', 'ch'],
  ['ch', 'chh'],
  ['k', 'kh'],
  ['t', 'th'],
  ['p', 'ph'],
  ['h'],
];
const VOWEL_OPTIONS: ReadonlyArray<readonly string[]> = [
  ['a'],
  ['ae'],
  ['ya'],
  ['yae'],
  ['eo', 'o', 'u'],
  ['e'],
  ['yeo', 'yo', 'you', 'yu'],
  ['ye'],
  ['o'],
  ['wa'],
  ['wae'],
  ['oe', 'oi', 'we'],
  ['yo'],
  ['u', 'oo'],
  ['wo', 'weo'],
  ['we'],
  ['wi'],
  ['yu', 'yoo'],
  ['eu', 'u'],
  ['ui', 'eui', 'i', 'ee'],
  ['i', 'ee'],
];

const spellingCache = new Map<string, readonly string[]>();

/**
 * Every spelling (lower case, no diacritics or apostrophes) that a Hangul syllable commonly gets,
 * RR first, then MR/KPS forms and popular spellings, without duplicates. Deterministic order.
 */
export function syllableSpellings(syllable: string): readonly string[] {
  const cached = spellingCache.get(syllable);
  if (cached) return cached;
  const j = decompose(syllable);
  if (!j) return [];
  const initials = [...INITIAL_OPTIONS[j.initial]];
  if (j.initial === 9 && (j.vowel === 20 || j.vowel === 16)) initials.push('sh'); // 시 → shi, 쉬 → shwi
  if (j.initial === 11 && j.vowel === 13) initials.push('w'); // 우 → woo
  const out = new Set<string>();
  out.add(RR_INITIAL[j.initial] + RR_VOWEL[j.vowel] + FINAL[j.final]);
  for (const ini of initials) for (const vow of VOWEL_OPTIONS[j.vowel]) out.add(ini + vow + FINAL[j.final]);
  const result = [...out];
  spellingCache.set(syllable, result);
  return result;
}

/** Distinct romanisation keys of a syllable, each with its first spelling (the representative). */
export function syllableKeys(syllable: string): ReadonlyArray<{ key: string; spelling: string }> {
  const seen = new Map<string, string>();
  for (const sp of syllableSpellings(syllable)) {
    const key = keyWord(sp);
    if (!seen.has(key)) seen.set(key, sp);
  }
  return [...seen].map(([key, spelling]) => ({ key, spelling }));
}

// ---------------------------------------------------------------------------------------------
// Surnames

/**
 * Conventional spellings of common surnames (first = usual MR spelling, second = usual DPRK spelling,
 * then popular ROK spellings). Sources: legal-reference.md §7.2 and common usage.
 */
export const SURNAME_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  김: ['Kim', 'Kim', 'Gim'],
  이: ['Yi', 'Ri', 'Lee', 'I', 'Rhee', 'Li', 'Yee', 'Rhie'],
  리: ['Ri', 'Ri', 'Li', 'Lee', 'Rhee', 'Yi'],
  박: ['Pak', 'Pak', 'Park', 'Bak', 'Bahk'],
  최: ["Ch'oe", 'Choe', 'Choi', 'Chwe'],
  정: ['Chŏng', 'Jong', 'Jung', 'Jeong', 'Chung', 'Cheong'],
  조: ['Cho', 'Jo'],
  강: ['Kang', 'Kang', 'Gang'],
  윤: ['Yun', 'Yun', 'Yoon', 'Youn'],
  장: ['Chang', 'Jang'],
  한: ['Han', 'Han', 'Hahn'],
  임: ['Im', 'Rim', 'Lim', 'Yim'],
  림: ['Rim', 'Rim', 'Lim', 'Im'],
  오: ['O', 'O', 'Oh'],
  서: ['Sŏ', 'So', 'Seo', 'Suh'],
  신: ['Sin', 'Sin', 'Shin'],
  권: ['Kwŏn', 'Kwon', 'Gwon'],
  황: ['Hwang', 'Hwang'],
  안: ['An', 'An', 'Ahn'],
  송: ['Song', 'Song'],
  류: ['Ryu', 'Ryu', 'Yu', 'Yoo', 'Lyu', 'Rhyu'],
  유: ['Yu', 'Ryu', 'Yoo'],
  홍: ['Hong', 'Hong'],
  전: ['Chŏn', 'Jon', 'Jeon', 'Jun', 'Chun'],
  고: ['Ko', 'Ko', 'Go', 'Koh'],
  문: ['Mun', 'Mun', 'Moon'],
  양: ['Yang', 'Ryang'],
  량: ['Ryang', 'Ryang', 'Yang'],
  손: ['Son', 'Son', 'Sohn'],
  배: ['Pae', 'Pae', 'Bae'],
  백: ['Paek', 'Paek', 'Baek', 'Paik', 'Baik'],
  허: ['Hŏ', 'Ho', 'Heo', 'Hur', 'Huh'],
  남: ['Nam', 'Nam'],
  심: ['Sim', 'Sim', 'Shim'],
  노: ['No', 'Ro', 'Noh', 'Roh'],
  로: ['Ro', 'Ro', 'Roh', 'No'],
  하: ['Ha', 'Ha'],
  곽: ['Kwak', 'Kwak', 'Gwak'],
  성: ['Sŏng', 'Song', 'Sung', 'Seong'],
  차: ["Ch'a", 'Cha'],
  주: ['Chu', 'Ju', 'Joo', 'Choo'],
  우: ['U', 'U', 'Woo', 'Wu'],
  구: ['Ku', 'Ku', 'Koo', 'Gu'],
  민: ['Min', 'Min'],
  진: ['Chin', 'Jin'],
  나: ['Na', 'Ra'],
  라: ['Ra', 'Ra', 'Na'],
  지: ['Chi', 'Ji'],
  엄: ['Ŏm', 'Om', 'Eom', 'Um', 'Uhm'],
  채: ["Ch'ae", 'Chae'],
  원: ['Wŏn', 'Won', 'Weon'],
  천: ["Ch'ŏn", 'Chon', 'Cheon', 'Chun'],
  방: ['Pang', 'Pang', 'Bang'],
  공: ['Kong', 'Kong', 'Gong'],
  현: ['Hyŏn', 'Hyon', 'Hyun', 'Hyeon'],
  함: ['Ham', 'Ham'],
  변: ['Pyŏn', 'Pyon', 'Byun', 'Byeon'],
  염: ['Yŏm', 'Ryom', 'Yeom', 'Yum'],
  렴: ['Ryŏm', 'Ryom', 'Yeom'],
  여: ['Yŏ', 'Ryo', 'Yeo'],
  려: ['Ryŏ', 'Ryo', 'Yeo'],
  추: ["Ch'u", 'Chu', 'Choo'],
  도: ['To', 'To', 'Do'],
  소: ['So', 'So', 'Soh'],
  석: ['Sŏk', 'Sok', 'Seok', 'Suk'],
  선: ['Sŏn', 'Son', 'Sun', 'Seon'],
  설: ['Sŏl', 'Sol', 'Seol', 'Sul'],
  마: ['Ma', 'Ma'],
  길: ['Kil', 'Kil', 'Gil'],
  연: ['Yŏn', 'Yon', 'Yeon', 'Youn'],
  위: ['Wi', 'Wi', 'Wee'],
  표: ["P'yo", 'Phyo', 'Pyo'],
  명: ['Myŏng', 'Myong', 'Myung', 'Myeong'],
  기: ['Ki', 'Ki', 'Gi'],
  반: ['Pan', 'Pan', 'Ban'],
  왕: ['Wang', 'Wang'],
  금: ['Kŭm', 'Kum', 'Keum', 'Geum'],
  옥: ['Ok', 'Ok'],
  육: ['Yuk', 'Ryuk', 'Yook'],
  륙: ['Ryuk', 'Ryuk', 'Yuk'],
  인: ['In', 'In'],
  맹: ['Maeng', 'Maeng'],
  제: ['Che', 'Je'],
  모: ['Mo', 'Mo'],
  탁: ["T'ak", 'Thak', 'Tak'],
  국: ['Kuk', 'Kuk', 'Kook', 'Guk'],
  태: ["T'ae", 'Thae', 'Tae'],
  봉: ['Pong', 'Pong', 'Bong'],
  용: ['Yong', 'Ryong'],
  룡: ['Ryong', 'Ryong', 'Yong'],
  편: ["P'yŏn", 'Phyon', 'Pyeon'],
  남궁: ['Namgung', 'Namgung', 'Namkung', 'Namgoong'],
  제갈: ['Chegal', 'Jegal'],
  선우: ['Sŏnu', 'Sonu', 'Sunwoo', 'Seonu'],
  황보: ['Hwangbo', 'Hwangbo'],
  독고: ['Tokko', 'Tokko', 'Dokgo'],
  사공: ['Sagong', 'Sagong'],
  서문: ['Sŏmun', 'Somun', 'Seomun'],
  동방: ['Tongbang', 'Tongbang', 'Dongbang'],
};

/** [MR, KPS] conventional spellings for display. */
const SURNAME_CONVENTIONAL: Readonly<Record<string, readonly [string, string]>> = Object.fromEntries(
  Object.entries(SURNAME_SPELLINGS).map(([h, sp]) => [h, [sp[0], sp[1]] as const]),
);

/** Hangul surnames the tables know (one or two syllables). */
export const KNOWN_SURNAMES: ReadonlySet<string> = new Set(Object.keys(SURNAME_SPELLINGS).filter((s) => s.length === 1));

/**
 * Every spelling of a Hangul surname: the table's (folded) followed by the generated syllable
 * spellings, without duplicates. Two-syllable surnames are also written with a hyphen or a space
 * between the syllables (`Hwang-bo`, `Seon-u`, `Nam Gung`): those forms are listed hyphenated (the
 * matcher reads a hyphen and a space alike).
 */
export function surnameSpellings(surname: string): readonly string[] {
  const out = new Set<string>();
  for (const sp of SURNAME_SPELLINGS[surname] ?? []) out.add(foldLetters(sp));
  if (surname.length === 1) for (const sp of syllableSpellings(surname)) out.add(sp);
  else {
    let combos: string[][] = [[]];
    for (const syl of surname) combos = combos.flatMap((prefix) => syllableKeys(syl).map((k) => [...prefix, k.spelling]));
    for (const c of combos) out.add(c.join(''));
    for (const c of combos) out.add(c.join('-'));
    // The table's spellings split after their first syllable's spelling (`Hwangbo` → `Hwang-bo`).
    for (const sp of SURNAME_SPELLINGS[surname] ?? []) {
      const folded = foldLetters(sp);
      for (const split of syllabifyLatin(folded)) if (split.length === 2) out.add(split.join('-'));
    }
  }
  return [...out];
}

let surnameByKey: Map<string, string[]> | null = null;

/** Hangul surnames one of whose table spellings has the same key as `latin` (`Lee` → 이, 리). */
export function surnamesForLatin(latin: string): readonly string[] {
  if (!surnameByKey) {
    surnameByKey = new Map();
    for (const [h, spellings] of Object.entries(SURNAME_SPELLINGS)) {
      for (const sp of spellings) {
        const key = keyWord(sp);
        const list = surnameByKey.get(key) ?? [];
        if (!list.includes(h)) list.push(h);
        surnameByKey.set(key, list);
      }
    }
  }
  return surnameByKey.get(keyWord(latin)) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Reverse: Latin syllables → Hangul

interface ReverseTables {
  spellings: Set<string>;
  syllablesByKey: Map<string, string[]>;
  maxLength: number;
}
let reverse: ReverseTables | null = null;

function reverseTables(): ReverseTables {
  if (reverse) return reverse;
  const spellings = new Set<string>();
  const syllablesByKey = new Map<string, string[]>();
  let maxLength = 0;
  for (let code = HANGUL_FIRST; code <= HANGUL_LAST; code++) {
    const syl = String.fromCharCode(code);
    for (const sp of syllableSpellings(syl)) {
      spellings.add(sp);
      maxLength = Math.max(maxLength, sp.length);
    }
    for (const { key } of syllableKeys(syl)) {
      const list = syllablesByKey.get(key);
      if (list) list.push(syl);
      else syllablesByKey.set(key, [syl]);
    }
  }
  reverse = { spellings, syllablesByKey, maxLength };
  return reverse;
}

/** Hangul syllables one of whose spellings has the same key as the Latin syllable (`chol` → 졸, 촐, 절, 철 …). */
export function hangulForLatinSyllable(latin: string): readonly string[] {
  return reverseTables().syllablesByKey.get(keyWord(latin)) ?? [];
}

/**
 * Every key a Latin syllable may stand for, each with a spelling: its own key first (spelt as given),
 * then the keys of every Hangul syllable it may spell, sorted (`chol` → col, cul: 철 is also spelt Chul).
 */
export function latinSyllableOptions(latin: string): ReadonlyArray<{ key: string; spelling: string }> {
  const own = keyWord(latin);
  const others = new Map<string, string>();
  for (const syl of hangulForLatinSyllable(latin)) {
    for (const option of syllableKeys(syl)) if (option.key !== own && !others.has(option.key)) others.set(option.key, option.spelling);
  }
  const sorted = [...others].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return [{ key: own, spelling: foldLetters(latin) }, ...sorted.map(([key, spelling]) => ({ key, spelling }))];
}

/** The keys of `latinSyllableOptions`. */
export function alternativeKeys(latin: string): readonly string[] {
  return latinSyllableOptions(latin).map((o) => o.key);
}

/** Syllables frequent in Korean given names (first in the order of Latin → Hangul candidates). */
const COMMON_NAME_SYLLABLES =
  '영철수호명성광일은희순미란정숙혜진경춘화금옥복민준현우동길룡용남학상주연선원태봉향녀기국석혁자지서윤하나유재종승훈규환범식근득만송실애분덕단월련림열창천청해효흥강건관구군권귀균극낙난녕다달대도두래량려렬령례로록류륜률리린마매면모무문박반방배백범법변병보본부비빈사산삼새생설섭세소솔술시신심아안야양억언엄여염엽예오온완왕요욱운웅월위육율을음의이익인임작장재전점제조존중직집차찬채초총추충치칠택파판팔평표풍필한함항행허헌협형홍환활황회후휘흠';
const COMMON_RANK = new Map([...COMMON_NAME_SYLLABLES].map((syl, i) => [syl, i]));

let standardByKey: Map<string, string[]> | null = null;

/** RR, MR and DPRK spellings of a syllable, without popular ones (initial and voiced forms). */
function standardSpellings(syllable: string): string[] {
  const out = new Set<string>();
  for (const system of ['rr', 'mr', 'kps'] as const) {
    out.add(foldLetters(romaniseSyllable(syllable, system)));
    out.add(foldLetters(romaniseSyllable(syllable, system, { prevFinal: 0 })));
  }
  return [...out];
}

/**
 * Hangul syllables whose RR/MR/DPRK spelling has the key of `latin`, frequent name syllables first
 * (`chol` → 철, 절, 졸, 촐 …). Used to write a romanised-only registered name back in Hangul.
 */
export function isCommonNameSyllable(syllable: string): boolean {
  return COMMON_RANK.has(syllable);
}

export function hangulForLatinStandard(latin: string): readonly string[] {
  if (!standardByKey) {
    standardByKey = new Map();
    for (let code = HANGUL_FIRST; code <= HANGUL_LAST; code++) {
      const syl = String.fromCharCode(code);
      for (const sp of standardSpellings(syl)) {
        const key = keyWord(sp);
        const list = standardByKey.get(key);
        if (!list) standardByKey.set(key, [syl]);
        else if (!list.includes(syl)) list.push(syl);
      }
    }
    for (const list of standardByKey.values()) {
      list.sort((x, y) => (COMMON_RANK.get(x) ?? 1e6) - (COMMON_RANK.get(y) ?? 1e6) || x.charCodeAt(0) - y.charCodeAt(0));
    }
  }
  return standardByKey.get(keyWord(latin)) ?? [];
}

/**
 * Splits a joined romanised word into syllables that are valid Korean spellings (`cholsu` →
 * [chol, su]; `sunae` → [sun, ae] and [su, nae]). Returns the splits with the fewest syllables
 * (at most `limit` of them, in lexical order), or [] when the word cannot be split.
 */
export function syllabifyLatin(word: string, limit = 3): string[][] {
  const w = foldLetters(word);
  const { spellings, maxLength } = reverseTables();
  const n = w.length;
  if (n === 0 || n > 40) return [];
  // best[i] = fewest syllables to spell w[i..n)
  const best = new Array<number>(n + 1).fill(Infinity);
  best[n] = 0;
  for (let i2 = n - 1; i2 >= 0; i2--) {
    for (let len = 1; len <= maxLength && i2 + len <= n; len++) {
      if (spellings.has(w.slice(i2, i2 + len)) && best[i2 + len] + 1 < best[i2]) best[i2] = best[i2 + len] + 1;
    }
  }
  if (best[0] === Infinity) return [];
  const out: string[][] = [];
  const walk = (i2: number, acc: string[]): void => {
    if (out.length >= limit) return;
    if (i2 === n) {
      out.push([...acc]);
      return;
    }
    for (let len = 1; len <= maxLength && i2 + len <= n; len++) {
      const piece = w.slice(i2, i2 + len);
      if (spellings.has(piece) && best[i2 + len] === best[i2] - 1) {
        acc.push(piece);
        walk(i2 + len, acc);
        acc.pop();
      }
    }
  };
  walk(0, []);
  return out.sort((x, y) => (x.join('-') < y.join('-') ? -1 : x.join('-') > y.join('-') ? 1 : 0));
}

