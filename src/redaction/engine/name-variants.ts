/**
 * Variant generation: from the names a case registers, the strings the matcher looks for.
 *
 * The matcher already folds case, diacritics, apostrophes, spacing/hyphenation and most
 * romanisation differences (normalise.ts), so the variants here are only what it cannot fold:
 *
 * People, Hangul (`김철수`, `김 철수`):
 *   - full name joined and spaced, with the DPRK/ROK initial-sound forms of the family name and of
 *     the given name's first syllable (리영호 ↔ 이영호, 최룡해 ↔ 최용해);
 *   - the given name alone (`철수`) when it has two or more syllables — a short match, so it must be
 *     followed by a particle/honorific or a non-Hangul character (particles.ts);
 *   - romanisations of all of the above: every conventional spelling of the family name (Kim/Gim,
 *     Lee/Yi/Ri/Rhee/I, Park/Pak/Bak …) × every spelling of each given-name syllable (RR, MR, DPRK,
 *     popular), with the given name hyphenated/spaced (`Chol-su`, `Chol Su`) or joined (`Cholsu`),
 *     family name first or last (`Chol-su Kim`), and the given name alone when it has two or more
 *     syllables (hyphenated or joined only: `Chol-su`, `Cholsu`, never `Chol Su`).
 * People, Latin (`Kim Chol-su`, `Chol-su Kim`, `Cholsu`): the family name is recognised from the
 *   surname table (first token, else last token), the given name split at hyphens/spaces or, when
 *   joined, into valid Korean syllables; each syllable also gets the spellings of the Hangul syllables
 *   it may stand for (`Chol` → also `Chul`). Names that do not parse as Korean are matched as given
 *   and, for two-word names, in reversed order.
 * Places: as given, joined, with initial-sound forms, romanised, and for Hangul names ending in an
 *   administrative suffix (군, 시, 도, 구역 …) the stem alone and `Stem-gun` / `Stem County` forms.
 * Custom terms: as given (and joined when Hangul with spaces).
 */
import { applyInitialSoundRule, containsHangul, DPRK_SURNAME_FORMS, isHangulWord, splitKoreanName } from 'src/redaction/engine/hangul';
import { foldLetters, keyWord } from 'src/redaction/engine/normalise';
import {
  hangulForLatinStandard,
  isCommonNameSyllable,
  KNOWN_SURNAMES,
  latinSyllableOptions,
  surnameSpellings,
  surnamesForLatin,
  syllabifyLatin,
  syllableKeys,
} from 'src/redaction/engine/romanisation';

/** Short Hangul match: must be followed by a listed suffix or a non-Hangul character. */
export const FLAG_SHORT_HANGUL = 1;
/** The matched original text must not contain white space (a given name alone: `Chol-su`, not `Chol su`). */
export const FLAG_NO_INTERNAL_SPACE = 2;
/** A given name alone (Latin): rejected when the word before or after it is a known family name (`Han Keum-soon` is someone else). */
export const FLAG_GIVEN_ALONE = 16;
/** A Latin person name must not continue with a hyphen and a letter (`Kim Chol` inside `Kim Chol-su`). */
export const FLAG_STRICT_HYPHEN = 4;
/** A full Hangul personal name (3+ syllables): may follow a kinship word without a space (`동생김철수`). */
export const FLAG_HANGUL_FULL_NAME = 8;

export interface NameVariant {
  text: string;
  rule: string;
  flags: number;
}

/** Upper bound on spelling combinations per word, so one long name cannot blow up the dictionary. */
export const MAX_COMBINATIONS = 24;

type Options = ReadonlyArray<{ key: string; spelling: string }>;

/** Cartesian product of per-syllable spellings, in order, capped at MAX_COMBINATIONS. */
function combinations(syllables: readonly Options[]): string[][] {
  let acc: string[][] = [[]];
  for (const options of syllables) {
    const next: string[][] = [];
    for (const prefix of acc) {
      for (const o of options) {
        if (next.length >= MAX_COMBINATIONS) break;
        next.push([...prefix, o.spelling]);
      }
    }
    acc = next;
  }
  return acc;
}

/** One spelling per distinct key (a hyphenated spelling, `hwang-bo`, is distinct from the joined one). */
function repsByKey(spellings: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const sp of spellings) {
    const key = sp.split(/[-\s]+/).map((piece) => keyWord(piece)).join('-');
    if (key.length > 0 && !seen.has(key)) seen.set(key, sp);
  }
  return [...seen.values()];
}

function normaliseInput(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ');
}

class VariantSet {
  private readonly seen = new Set<string>();
  readonly list: NameVariant[] = [];
  add(text: string, rule: string, flags: number): void {
    const t = text.trim();
    if (t.length === 0) return;
    const id = `${t}\u0000${rule}\u0000${flags}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.list.push({ text: t, rule, flags });
  }
}

/** Latin variants of a Korean name given family spellings and per-syllable given-name options. */
function addKoreanLatin(out: VariantSet, familySpellings: readonly string[], given: readonly Options[]): void {
  const families = repsByKey(familySpellings);
  const combos = combinations(given);
  for (const g of combos) {
    const hyphenated = g.join('-');
    const joined = g.join('');
    for (const f of families) {
      out.add(`${f} ${hyphenated}`, 'person.latin', FLAG_STRICT_HYPHEN);
      out.add(`${f} ${joined}`, 'person.latin', FLAG_STRICT_HYPHEN);
      out.add(`${hyphenated} ${f}`, 'person.latin.reversed', FLAG_STRICT_HYPHEN);
      out.add(`${joined} ${f}`, 'person.latin.reversed', FLAG_STRICT_HYPHEN);
    }
    if (g.length >= 2) {
      out.add(hyphenated, 'person.latin.given', FLAG_NO_INTERNAL_SPACE | FLAG_STRICT_HYPHEN | FLAG_GIVEN_ALONE);
      out.add(joined, 'person.latin.given', FLAG_NO_INTERNAL_SPACE | FLAG_STRICT_HYPHEN | FLAG_GIVEN_ALONE);
    }
  }
}

/**
 * Titles and honorifics written after a bare Korean surname (`김 씨`, `박 선생`, `최 반장`, `리 동무`):
 * the span covers the surname and the title.
 */
export const HANGUL_SURNAME_TITLES: readonly string[] = [
  '씨', '선생', '선생님', '동무', '동지', '반장', '아바이', '아바지', '아주머니', '아지미', '할머니', '할아버지', '여사', '양', '군',
  '부장', '과장', '소장', '대장', '지도원', '보위원', '안전원', '목사', '집사', '교수', '기자', '사장', '영감', '노인',
];
/** Titles written before a romanised surname (`Mr. Choi`, `Mrs Pak`, `Ms. Kim`, `Dr Lee`). */
export const LATIN_SURNAME_TITLES: readonly string[] = ['Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Dr', 'Dr.', 'Mister', 'Madam', 'Madame'];

/** Rule of a surname reference (`김 씨`, `Mr. Choi`). */
export const SURNAME_RULE = 'person.surname';

/** Surname references (`김 씨`, `Mr. Kim` …) for every form and spelling of one family name (its Hangul forms). */
export function surnameReferenceVariants(hangulFamilies: readonly string[]): NameVariant[] {
  const out = new VariantSet();
  addSurnameReferences(out, hangulFamilies);
  return out.list;
}

/** `김 씨`, `김씨`, `리 동무` … and `Mr. Kim`, `Ms Gim` … for every form and spelling of a family name. */
function addSurnameReferences(out: VariantSet, hangulFamilies: readonly string[]): void {
  for (const f of hangulFamilies) {
    for (const t of HANGUL_SURNAME_TITLES) {
      // 양 and 군 ("Miss", "young Mr") only after a space: joined they make words (남양, 정양, 이군).
      if (t !== '양' && t !== '군') out.add(f + t, SURNAME_RULE, FLAG_SHORT_HANGUL);
      out.add(`${f} ${t}`, SURNAME_RULE, FLAG_SHORT_HANGUL);
    }
  }
  const spellings = repsByKey(hangulFamilies.flatMap((f) => surnameSpellings(f)));
  for (const sp of spellings) {
    for (const t of LATIN_SURNAME_TITLES) out.add(`${t} ${sp}`, SURNAME_RULE, FLAG_STRICT_HYPHEN);
    // Interpreters' mixed script: `Hwang-bo 씨`, `Kim 선생님`.
    for (const t of ['씨', '선생', '선생님', '동무']) out.add(`${sp} ${t}`, SURNAME_RULE, FLAG_SHORT_HANGUL);
  }
}

function hangulFamilyForms(family: string): string[] {
  const forms = [family];
  const dprk = DPRK_SURNAME_FORMS[family];
  if (dprk) forms.push(dprk);
  if (family.length === 1) {
    const rok = applyInitialSoundRule(family);
    if (!forms.includes(rok)) forms.push(rok);
  }
  return forms;
}

function hangulGivenForms(given: string): string[] {
  const rok = applyInitialSoundRule(given[0]) + given.slice(1);
  return rok === given ? [given] : [given, rok];
}

function addHangulPerson(out: VariantSet, family: string, given: string, surnames: string[] | null): void {
  const families = hangulFamilyForms(family);
  surnames?.push(...families);
  const givens = hangulGivenForms(given);
  for (const f of families) {
    for (const g of givens) {
      const lengthFlag = f.length + g.length <= 2 ? FLAG_SHORT_HANGUL : FLAG_HANGUL_FULL_NAME;
      out.add(f + g, 'person.hangul', lengthFlag);
      out.add(`${f} ${g}`, 'person.hangul', lengthFlag);
    }
  }
  for (const g of givens) if (g.length >= 2) out.add(g, 'person.hangul.given', g.length <= 2 ? FLAG_SHORT_HANGUL : 0);
  const familySpellings = families.flatMap((f) => surnameSpellings(f));
  for (const g of givens) addKoreanLatin(out, familySpellings, [...g].map((syl) => syllableKeys(syl)));
}

/** Per-syllable options of a romanised given name (`Chol-su`, `Chol Su`, `Cholsu`); null if not Korean-looking. */
function latinGivenSyllables(tokens: readonly string[]): Options[][] {
  const pieces = tokens.flatMap((t) => t.split(/[-\u2010\u2011]+/)).filter((p) => foldLetters(p).length > 0);
  let splits: string[][][] = [[]];
  for (const piece of pieces) {
    const options = syllabifyLatin(piece);
    const alternatives = options.length > 0 ? options : [[foldLetters(piece)]];
    const next: string[][][] = [];
    for (const prefix of splits) for (const alt of alternatives) if (next.length < 4) next.push([...prefix, alt]);
    splits = next;
  }
  return splits.map((split) => split.flat().map((syl) => latinSyllableOptions(syl)));
}

/** Hangul candidates per romanised syllable kept when writing a romanised-only name back in Hangul. */
const HANGUL_CANDIDATES_PER_SYLLABLE = 4;

/**
 * A person registered only in romanised form may still be written in Hangul in Korean transcripts.
 * The Hangul is ambiguous (`Chol` may be 철, 절, 졸, 촐 …), so full names only (never the given name
 * alone), from the most frequent name syllables, capped.
 */
function addHangulFromLatin(out: VariantSet, families: readonly string[], splits: readonly Options[][]): void {
  for (const split of splits) {
    const latinSyllables = split.map((options) => options[0].spelling);
    const perSyllable = latinSyllables.map((syl) => {
      const all = hangulForLatinStandard(syl);
      const common = all.filter((h) => isCommonNameSyllable(h)).slice(0, HANGUL_CANDIDATES_PER_SYLLABLE);
      return (common.length > 0 ? common : all.slice(0, 1)).map((h) => ({ key: h, spelling: h }));
    });
    if (perSyllable.some((c) => c.length === 0)) continue;
    for (const family of families) {
      for (const g of combinations(perSyllable)) {
        const given = g.join('');
        const flag = family.length + given.length <= 2 ? FLAG_SHORT_HANGUL : FLAG_HANGUL_FULL_NAME;
        out.add(family + given, 'person.hangul.from-latin', flag);
        out.add(`${family} ${given}`, 'person.hangul.from-latin', flag);
      }
    }
    // The given name alone only in its two most likely Hangul forms (most frequent syllables).
    for (const likely of combinations(perSyllable.map((c) => c.slice(0, 2))).slice(0, 2).map((g) => g.join(''))) {
      if (likely.length >= 2) out.add(likely, 'person.hangul.given', likely.length <= 2 ? FLAG_SHORT_HANGUL : 0);
    }
  }
}

/** `Hwang Bo Chun-hwa` / `Chun-hwa Seon U`: a two-syllable surname written as two words becomes one token. */
function joinCompoundSurname(tokens: string[]): string[] {
  const isCompound = (a: string, b: string) => surnamesForLatin(`${a}${b}`).some((h) => h.length === 2);
  if (tokens.length >= 3 && isCompound(tokens[0], tokens[1])) return [`${tokens[0]}-${tokens[1]}`, ...tokens.slice(2)];
  const n = tokens.length;
  if (n >= 3 && isCompound(tokens[n - 2], tokens[n - 1])) return [...tokens.slice(0, n - 2), `${tokens[n - 2]}-${tokens[n - 1]}`];
  return tokens;
}

function addLatinPerson(out: VariantSet, name: string, surnames: string[] | null): void {
  const tokens = joinCompoundSurname(name.split(/[\s,]+/).filter((t) => t.length > 0));
  if (tokens.length >= 2) {
    const firstIsFamily = surnamesForLatin(tokens[0]).length > 0;
    const lastIsFamily = !firstIsFamily && surnamesForLatin(tokens[tokens.length - 1]).length > 0;
    if (firstIsFamily || lastIsFamily) {
      const family = firstIsFamily ? tokens[0] : tokens[tokens.length - 1];
      const givenTokens = firstIsFamily ? tokens.slice(1) : tokens.slice(0, -1);
      const familySpellings = [foldLetters(family), ...surnamesForLatin(family).flatMap((h) => surnameSpellings(h))];
      out.add(name, 'person.latin', FLAG_STRICT_HYPHEN);
      surnames?.push(...surnamesForLatin(family).flatMap((h) => hangulFamilyForms(h)));
      const splits = latinGivenSyllables(givenTokens);
      for (const given of splits) addKoreanLatin(out, familySpellings, given);
      addHangulFromLatin(out, surnamesForLatin(family), splits);
      return;
    }
    out.add(name, 'person.exact', FLAG_STRICT_HYPHEN);
    if (tokens.length === 2) out.add(`${tokens[1]} ${tokens[0]}`, 'person.exact', FLAG_STRICT_HYPHEN);
    return;
  }
  const single = tokens[0] ?? '';
  const given = latinGivenSyllables([single]).filter((syllables) => syllables.length >= 2);
  if (given.length === 0) {
    out.add(single, 'person.exact', FLAG_STRICT_HYPHEN);
    return;
  }
  for (const syllables of given) {
    for (const g of combinations(syllables)) {
      out.add(g.join('-'), 'person.latin.given', FLAG_NO_INTERNAL_SPACE | FLAG_STRICT_HYPHEN | FLAG_GIVEN_ALONE);
      out.add(g.join(''), 'person.latin.given', FLAG_NO_INTERNAL_SPACE | FLAG_STRICT_HYPHEN | FLAG_GIVEN_ALONE);
    }
  }
}

/** Romanised forms of a Hangul string word by word (syllable spellings combined, capped). */
function romanisedWords(hangul: string): string[] {
  const words = hangul.split(' ');
  let acc: string[] = [''];
  for (const word of words) {
    const options = [...word].map((ch) => (isHangulWord(ch) ? syllableKeys(ch) : [{ key: ch, spelling: ch }]));
    const forms = combinations(options).map((c) => c.join(''));
    const next: string[] = [];
    for (const prefix of acc) for (const f of forms) if (next.length < MAX_COMBINATIONS) next.push(prefix ? `${prefix} ${f}` : f);
    acc = next;
  }
  return acc;
}

/**
 * Variants of one registered person name or alias. With `surnames` (names, not aliases), the
 * Hangul forms of the family name are appended to it: the dictionary groups people by surname and
 * adds the surname references (`김 씨`, `Mr. Kim`) once per surname (surnameReferenceVariants).
 */
export function personVariants(rawName: string, options: { surnames?: string[] } = {}): NameVariant[] {
  const surnameReferences = options.surnames ?? null;
  const name = normaliseInput(rawName);
  const out = new VariantSet();
  if (name.length === 0) return out.list;
  if (containsHangul(name)) {
    const parts = splitKoreanName(name, KNOWN_SURNAMES);
    if (parts) {
      addHangulPerson(out, parts.family, parts.given, surnameReferences);
    } else {
      const joined = name.replace(/ /g, '');
      const short = joined.length <= 2 ? FLAG_SHORT_HANGUL : 0;
      out.add(name, 'person.hangul', short);
      out.add(joined, 'person.hangul', short);
      if (isHangulWord(joined) && joined.length <= 6) {
        for (const r of romanisedWords(joined)) out.add(r, 'person.latin', FLAG_STRICT_HYPHEN);
      }
    }
    return out.list;
  }
  addLatinPerson(out, name, surnameReferences);
  return out.list;
}

/** Administrative suffixes of Korean place names, with their usual English rendering. */
const ADMIN_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['로동자구', "workers' district"],
  ['노동자구', "workers' district"],
  ['특별시', 'city'],
  ['광역시', 'city'],
  ['직할시', 'city'],
  ['구역', 'district'],
  ['군', 'county'],
  ['시', 'city'],
  ['도', 'province'],
  ['읍', 'town'],
  ['리', 'village'],
  ['동', 'dong'],
];

/** Variants of one registered sensitive-place name. */
export function placeVariants(rawName: string): NameVariant[] {
  const name = normaliseInput(rawName);
  const out = new VariantSet();
  if (name.length === 0) return out.list;
  if (!containsHangul(name)) {
    out.add(name, 'place.latin', 0);
    addHangulForLatinPlace(out, name);
    if (!/\s/.test(name)) for (const suffix of ['City', 'County', 'si', 'gun']) out.add(`${name} ${suffix}`, 'place.latin', 0);
    const words = name.split(' ');
    let acc: string[] = [''];
    for (const word of words) {
      const pieces = word.split(/[-\u2010\u2011]+/);
      let forms: string[] = [''];
      for (const piece of pieces) {
        const splits = syllabifyLatin(piece);
        const pieceForms = splits.length === 0 ? [piece] : combinations(splits[0].map((syl) => latinSyllableOptions(syl))).map((c) => c.join(''));
        const next: string[] = [];
        for (const prefix of forms) for (const f of pieceForms) if (next.length < MAX_COMBINATIONS) next.push(prefix ? `${prefix}-${f}` : f);
        forms = next;
      }
      const next: string[] = [];
      for (const prefix of acc) for (const f of forms) if (next.length < MAX_COMBINATIONS) next.push(prefix ? `${prefix} ${f}` : f);
      acc = next;
    }
    for (const v of acc) out.add(v, 'place.latin', 0);
    return out.list;
  }
  const hangulForms = new Set<string>([name]);
  const rokForm = name
    .split(' ')
    .map((w) => (isHangulWord(w[0] ?? '') ? applyInitialSoundRule(w[0]) + w.slice(1) : w))
    .join(' ');
  hangulForms.add(rokForm);
  for (const form of [...hangulForms]) hangulForms.add(form.replace(/ /g, ''));
  const stems: Array<readonly [string, string, string]> = [];
  if (!name.includes(' ')) {
    for (const form of [...hangulForms]) {
      for (const [suffix, english] of ADMIN_SUFFIXES) {
        if (form.endsWith(suffix) && form.length - suffix.length >= 2) {
          stems.push([form.slice(0, -suffix.length), suffix, english]);
          break;
        }
      }
    }
  }
  if (name.includes(' ') && isHangulWord(name.replace(/ /g, ''))) addMultiWordPlace(out, name.split(' '));
  const countSyllables = (s: string): number => s.replace(/ /g, '').length;
  for (const form of hangulForms) out.add(form, 'place.hangul', countSyllables(form) <= 2 ? FLAG_SHORT_HANGUL : 0);
  // A name registered without its administrative suffix is also written with one (`회령` → `회령시`, `Hoeryong City`).
  if (stems.length === 0 && !name.includes(' ') && isHangulWord(name)) {
    for (const [suffix, english] of PLAIN_PLACE_SUFFIXES) {
      out.add(name + suffix, 'place.hangul', 0);
      for (const r of romanisedWords(name).slice(0, FORMS_PER_WORD)) {
        out.add(`${r} ${english}`, 'place.latin', 0);
        out.add(`${r}-${romanisedWords(suffix)[0]}`, 'place.latin', 0);
      }
    }
  }
  for (const [stem] of stems) out.add(stem, 'place.hangul', countSyllables(stem) <= 2 ? FLAG_SHORT_HANGUL : 0);
  if (isHangulWord(name.replace(/ /g, ''))) {
    for (const form of hangulForms) for (const r of romanisedWords(form)) out.add(r, 'place.latin', 0);
    for (const [stem, suffix, english] of stems) {
      for (const r of romanisedWords(stem)) {
        out.add(r, 'place.latin', 0);
        for (const s of romanisedWords(suffix).slice(0, 2)) out.add(`${r}-${s}`, 'place.latin', 0);
        out.add(`${r} ${english}`, 'place.latin', 0);
      }
    }
  }
  return out.list;
}

/** Suffixes added to a Hangul place registered without one. */
const PLAIN_PLACE_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['시', 'City'],
  ['군', 'County'],
];

/**
 * A place registered only in romanised form (`Hyesan`, `Hyesan City`) written in Hangul: the most
 * likely Hangul syllables for each romanised syllable (at most 2 each), with and without `시`/`군`.
 * The gazetteer (src/redaction/redaction-inputs.service.ts) adds the exact spellings it knows.
 */
function addHangulForLatinPlace(out: VariantSet, name: string): void {
  const stem = name.replace(/[\s-]+(?:city|county|si|gun|province|do)$/i, '');
  if (/\s/.test(stem)) return;
  const splits = syllabifyLatin(stem, 1);
  if (splits.length === 0 || splits[0].length < 2 || splits[0].length > 4) return;
  const perSyllable = splits[0].map((syl) => hangulForLatinStandard(syl).slice(0, 2).map((h) => ({ key: h, spelling: h })));
  if (perSyllable.some((c) => c.length === 0)) return;
  for (const combo of combinations(perSyllable)) {
    const h = combo.join('');
    out.add(h, 'place.hangul.from-latin', h.length <= 2 ? FLAG_SHORT_HANGUL : 0);
    for (const [suffix] of PLAIN_PLACE_SUFFIXES) out.add(h + suffix, 'place.hangul.from-latin', 0);
  }
}

/** Romanised forms kept per word when combining the words of a multi-word place. */
const FORMS_PER_WORD = 3;

/** Hangul and romanised forms of one word of a place name (`남양로동자구` → `남양로동자구`, `남양`, `Namyang workers' district` …). */
function placeWordForms(word: string): { hangul: string[]; latin: string[] } {
  const hangul = [word];
  const rok = applyInitialSoundRule(word[0]) + word.slice(1);
  if (rok !== word) hangul.push(rok);
  const latin: string[] = [];
  let stemmed = false;
  for (const [suffix, english] of ADMIN_SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 1) continue;
    const stem = word.slice(0, -suffix.length);
    stemmed = true;
    if (stem.length >= 2) hangul.push(stem);
    // The ROK spelling of the suffix too (로동자구 → 노동자구).
    const rokSuffix = applyInitialSoundRule(suffix[0]) + suffix.slice(1);
    if (rokSuffix !== suffix) for (const h of [...hangul]) if (h.endsWith(suffix)) hangul.push(h.slice(0, -suffix.length) + rokSuffix);
    for (const r of romanisedWords(stem).slice(0, FORMS_PER_WORD)) {
      latin.push(`${r} ${english}`, `${r} ${english.replace(/'/g, '')}`, `${r} ${english.replace(/'/g, '\u2019')}`, `${r}-${romanisedWords(suffix)[0]}`);
      if (stem.length >= 2) latin.push(r);
    }
    break;
  }
  if (!stemmed) latin.push(...romanisedWords(word).slice(0, FORMS_PER_WORD));
  return { hangul: [...new Set(hangul)], latin: [...new Set(latin)] };
}

/**
 * A place written as several words, largest unit first (`온성군 남양로동자구`): every word in both
 * scripts, in the written order and reversed with a comma (`Namyang workers' district, Onsong
 * County`, the usual English order), and the most specific word on its own.
 */
function addMultiWordPlace(out: VariantSet, words: readonly string[]): void {
  const forms = words.map((w) => placeWordForms(w));
  const combine = (lists: string[][], sep: string): string[] => {
    let acc = [''];
    for (const list of lists) {
      const next: string[] = [];
      for (const prefix of acc) for (const f of list) if (next.length < 64) next.push(prefix ? `${prefix}${sep}${f}` : f);
      acc = next;
    }
    return acc;
  };
  const hangulLists = forms.map((f) => f.hangul);
  const latinLists = forms.map((f) => f.latin);
  for (const v of combine(hangulLists, ' ')) out.add(v, 'place.hangul', 0);
  for (const v of combine(latinLists, ' ')) out.add(v, 'place.latin', 0);
  for (const v of combine(latinLists, ', ')) out.add(v, 'place.latin', 0);
  const reversed = [...latinLists].reverse();
  for (const v of combine(reversed, ', ')) out.add(v, 'place.latin', 0);
  for (const v of combine(reversed, ' ')) out.add(v, 'place.latin', 0);
  const last = forms[forms.length - 1];
  for (const h of last.hangul) out.add(h, 'place.hangul', h.length <= 2 ? FLAG_SHORT_HANGUL : 0);
  for (const l of last.latin) out.add(l, 'place.latin', 0);
}

/**
 * Places at city level or above (capitals, provinces, the large cities — in the DPRK those of
 * roughly half a million people or more — and countries): a registered
 * person's birthplace or current location written as one of these identifies only together with
 * a context that says it is theirs (README.md, "Broad places").
 */
export const BROAD_PLACES_HANGUL: readonly string[] = [
  '서울', '부산', '인천', '대구', '대전', '광주', '울산', '세종', '수원', '고양', '용인', '창원', '성남', '청주', '전주', '천안', '안산', '제주',
  '경기', '강원', '충청', '충북', '충남', '전라', '전북', '전남', '경상', '경북', '경남',
  '평양', '남포', '함흥', '청진', '신의주', '원산', '개성',
  '평안', '평안북', '평안남', '황해', '황해북', '황해남', '함경', '함경북', '함경남', '자강', '량강', '양강',
  '한국', '남한', '대한민국', '북한', '조선', '중국', '러시아', '일본', '미국', '영국', '태국', '몽골', '라오스', '베트남',
  '북경', '베이징', '상해', '상하이', '심양', '선양', '연길', '옌지', '단동', '단둥', '장춘', '하얼빈', '대련', '다롄', '길림', '지린', '료녕', '요녕', '랴오닝', '흑룡강', '블라디보스토크',
];
const BROAD_LATIN_EXTRA: readonly string[] = [
  'Seoul', 'Busan', 'Pusan', 'Incheon', 'Daegu', 'Daejeon', 'Gwangju', 'Ulsan', 'Pyongyang', 'Hamhung', 'Chongjin', 'Sinuiju', 'Wonsan', 'Kaesong', 'Nampo',
  'Korea', 'South Korea', 'North Korea', 'DPRK', 'ROK', 'China', 'Russia', 'Japan', 'United States', 'USA', 'UK', 'Thailand', 'Mongolia', 'Laos', 'Vietnam',
  'Beijing', 'Shanghai', 'Shenyang', 'Yanji', 'Dandong', 'Changchun', 'Harbin', 'Dalian', 'Jilin', 'Liaoning', 'Heilongjiang', 'Vladivostok', 'Gyeonggi',
];
const BROAD_SUFFIXES = ['특별자치시', '특별자치도', '특별시', '광역시', '직할시', '특급시', '시', '도', '성', '북도', '남도'];
let broadLatinKeys: Set<string> | null = null;

/** True when a registered place name is at city level or above (`서울`, `서울특별시`, `Seoul`, `함경북도`, `China`). */
export function isBroadPlace(rawName: string): boolean {
  const name = normaliseInput(rawName).replace(/ /g, '');
  if (containsHangul(name)) {
    if (BROAD_PLACES_HANGUL.includes(name)) return true;
    return BROAD_SUFFIXES.some((suffix) => name.endsWith(suffix) && BROAD_PLACES_HANGUL.includes(name.slice(0, -suffix.length)));
  }
  if (!broadLatinKeys) {
    broadLatinKeys = new Set(BROAD_LATIN_EXTRA.map((n) => keyWord(n)));
    for (const h of BROAD_PLACES_HANGUL) for (const r of romanisedWords(h)) broadLatinKeys.add(keyWord(r));
  }
  const stem = normaliseInput(rawName).replace(/\s*[-,]?\s*\b(?:city|province|special city|metropolitan city|-?si|-?do)$/i, '');
  return broadLatinKeys.has(keyWord(stem));
}

/** Variants of a custom term: as given, and joined when it is Hangul with spaces. */
export function customTermVariants(rawTerm: string): NameVariant[] {
  const term = normaliseInput(rawTerm);
  const out = new VariantSet();
  out.add(term, 'custom.term', 0);
  if (containsHangul(term) && term.includes(' ')) out.add(term.replace(/ /g, ''), 'custom.term', 0);
  return out.list;
}
