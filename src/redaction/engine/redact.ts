/**
 * detect → resolve overlaps → apply a profile.
 *
 * Offsets in the span log (`start`, `end`) are UTF-16 code unit offsets into the ORIGINAL text;
 * `outputStart`/`outputEnd` locate the replacement in the redacted text. The log never contains the
 * redacted text itself. Same inputs (text, compiled dictionary, patterns, profile, secret) give
 * byte-identical output.
 */
import { createHash, createHmac } from 'node:crypto';
import { CompiledDictionary, ENGINE_VERSION } from 'src/redaction/engine/dictionary';
import { markAmbiguity } from 'src/redaction/engine/ambiguity';
import { attributeByContext } from 'src/redaction/engine/context-attribution';
import { dropSurnamesInsideNames, scanDictionary } from 'src/redaction/engine/dictionary-scan';
import { scanRegisteredDates } from 'src/redaction/engine/registered-dates';
import { particleAt } from 'src/redaction/engine/particles';
import { compilePatterns, CompiledPatterns, detectPatterns } from 'src/redaction/engine/patterns';
import { BuiltInProfileName, profileFingerprint, RedactionAction, RedactionProfile, resolveProfile } from 'src/redaction/engine/profiles';
import { resolveOverlaps } from 'src/redaction/engine/resolve-overlaps';
import { Ambiguity, Category, DetectedSpan, RedactionInputError } from 'src/redaction/engine/types';

export interface DetectOptions {
  dictionary?: CompiledDictionary | null;
  /** Compiled patterns; undefined = every built-in pattern; null = none. */
  patterns?: CompiledPatterns | null;
}

export interface RedactOptions extends DetectOptions {
  profile: RedactionProfile | BuiltInProfileName;
  /**
   * Per-case secret for keyed pseudonym tokens: spans that have no registry ref (`[PHONE-3f9a1c02]`:
   * HMAC-SHA-256 of the normalised value, first 8 hex digits) and spans whose ref is private
   * (`[PERSON-7f3a1c02]`: HMAC-SHA-256 of the ref). Without it such spans get the label.
   */
  pseudonymSecret?: string | Uint8Array;
}

export interface RedactionSpan {
  /** Offsets into the original text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** Offsets of the replacement in the redacted text. */
  outputStart: number;
  outputEnd: number;
  category: Category;
  rule: string;
  action: RedactionAction;
  /** The text put in place of the span: null for `keep`, '' for `remove`. */
  replacement: string | null;
  personRef?: string;
  placeRef?: string;
  /** Ref of a custom term (or of a registry entry of another category). */
  ref?: string;
  /** Registry entries that all produce this span (homonyms); no single ref is claimed unless `refFromContext`. */
  candidateRefs?: string[];
  /** The ref was chosen among `candidateRefs` because the same text names that entry unambiguously. */
  refFromContext?: boolean;
  /** The uncovered remainder of a detection that partially overlapped a longer span. */
  partial?: boolean;
  /** The span was extended over the following particle, which was rewritten to its neutral form. */
  particleNeutralised?: boolean;
  /** The engine could not decide from the text alone: the review screen highlights the span (see `ambiguity`). */
  ambiguous?: boolean;
  /** Why: `common-word` (the name is also an ordinary word; the profile decides) or `shared-surname` (several registered people share it). */
  ambiguity?: Ambiguity;
  /** A registered place at city level or above: `person` where the text says it is the person's. */
  broadPlace?: 'person' | 'other';
}

export interface RedactionResult {
  text: string;
  spans: RedactionSpan[];
  engineVersion: string;
  dictionaryVersion: string | null;
  patternsVersion: string | null;
  profile: string;
  /** SHA-256 of everything besides the text that determines the output (not the secret itself). */
  configFingerprint: string;
}

const NO_REFS: ReadonlySet<string> = new Set();

let defaultPatterns: CompiledPatterns | null = null;
function patternsOf(options: DetectOptions): CompiledPatterns | null {
  if (options.patterns === null) return null;
  if (options.patterns) return options.patterns;
  defaultPatterns ??= compilePatterns();
  return defaultPatterns;
}

/** Every detection in `text`, overlaps resolved, sorted by start. */
export function detect(text: string, options: DetectOptions = {}): DetectedSpan[] {
  if (typeof text !== 'string') throw new RedactionInputError('text', 'must be a string');
  const candidates: DetectedSpan[] = [];
  const dictionary = options.dictionary;
  if (dictionary) {
    scanDictionary(text, dictionary, candidates);
    dropSurnamesInsideNames(candidates);
    scanRegisteredDates(text, dictionary.dates, candidates);
  }
  const patterns = patternsOf(options);
  if (patterns) detectPatterns(text, patterns, candidates);
  const spans = attributeByContext(resolveOverlaps(candidates, text.length));
  if (dictionary) markAmbiguity(text, spans, dictionary.broadRefs);
  return spans;
}

function normalisedValue(category: Category, value: string): string {
  switch (category) {
    case 'phone':
    case 'national-id':
      return value.replace(/[^0-9Xx*]/g, '').toUpperCase();
    case 'email':
    case 'handle':
      return value.replace(/^@/, '').toLowerCase();
    default:
      return value.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  }
}

function labelBase(label: string): string {
  const inner = label.replace(/^\[(.*)\]$/, '$1');
  return inner.length > 0 ? inner : 'REDACTED';
}

/** `[LABEL-xxxxxxxx]`: the first 8 hex digits of HMAC-SHA-256 under the case secret. */
function keyedToken(label: string, secret: string | Uint8Array, input: string): string {
  const digest = createHmac('sha256', secret).update(input, 'utf8').digest('hex');
  return `[${labelBase(label)}-${digest.slice(0, 8)}]`;
}

/** The text that replaces `span` under `action` (null: keep the original). */
function replacementFor(
  span: DetectedSpan,
  action: RedactionAction,
  text: string,
  profile: RedactionProfile,
  secret: string | Uint8Array | undefined,
  privateRefs: ReadonlySet<string>,
): string | null {
  const label = profile.labels[span.category];
  switch (action) {
    case 'keep':
      return null;
    case 'remove':
      return '';
    case 'label':
      return label;
    case 'pseudonym': {
      // A private ref (a relative or a contact of a registered person) is keyed by the ref itself:
      // every spelling of the same relative gets the same token, and nothing in it points to the
      // person. The domain prefix keeps these digests apart from the value digests below.
      if (span.ref !== undefined && privateRefs.has(span.ref)) return secret === undefined ? label : keyedToken(label, secret, `ref\u0000${span.ref}`);
      if (span.ref !== undefined) return `[${span.ref}]`;
      if (span.candidateRefs || secret === undefined) return label;
      return keyedToken(label, secret, `${span.category}\u0000${normalisedValue(span.category, text.slice(span.start, span.end))}`);
    }
  }
}

function isHangulEnd(text: string, end: number): boolean {
  const c = text.charCodeAt(end - 1);
  return c >= 0xac00 && c <= 0xd7a3;
}

/** Detects and redacts `text` under `options.profile`. Throws RedactionInputError on bad options. */
export function redact(text: string, options: RedactOptions): RedactionResult {
  const profile = resolveProfile(options.profile);
  const patterns = patternsOf(options);
  const detected = detect(text, options);
  const privateRefs = options.dictionary?.privateRefs ?? NO_REFS;
  let output = '';
  const spans: RedactionSpan[] = [];
  let cursor = 0;
  let outLength = 0;
  for (let k = 0; k < detected.length; k++) {
    const d = detected[k];
    // A city-level place that does not describe the person (`Seoul office`): not a detection under `context`.
    if (d.broadPlace === 'other' && profile.broadPlaces === 'context') continue;
    const action = d.ambiguity === 'common-word' && profile.ambiguousWords === 'keep' ? 'keep' : profile.actions[d.category];
    const replacement = replacementFor(d, action, text, profile, options.pseudonymSecret, privateRefs);
    let end = d.end;
    let finalReplacement = replacement;
    let particleNeutralised = false;
    if (
      profile.neutraliseParticles &&
      (action === 'pseudonym' || action === 'label') &&
      (d.category === 'person' || d.category === 'place') &&
      isHangulEnd(text, d.end)
    ) {
      const particle = particleAt(text, d.end);
      const nextStart = k + 1 < detected.length ? detected[k + 1].start : text.length;
      if (particle && d.end + particle.length <= nextStart) {
        end = d.end + particle.length;
        finalReplacement = `${replacement ?? ''}${particle.neutral}`;
        particleNeutralised = true;
      }
    }
    outLength += d.start - cursor;
    const shown = finalReplacement ?? text.slice(d.start, end);
    output += text.slice(cursor, d.start) + shown;
    // Every span object gets the same properties (absent ones undefined, which JSON omits).
    const span: RedactionSpan = {
      start: d.start,
      end,
      outputStart: outLength,
      outputEnd: outLength + shown.length,
      category: d.category,
      rule: d.rule,
      action,
      replacement: finalReplacement,
      personRef: d.category === 'person' ? d.ref : undefined,
      placeRef: d.category === 'place' ? d.ref : undefined,
      ref: d.category !== 'person' && d.category !== 'place' ? d.ref : undefined,
      candidateRefs: d.candidateRefs ? [...d.candidateRefs] : undefined,
      refFromContext: d.refFromContext ? true : undefined,
      partial: d.partial ? true : undefined,
      particleNeutralised: particleNeutralised ? true : undefined,
      ambiguous: d.ambiguity ? true : undefined,
      ambiguity: d.ambiguity,
      broadPlace: d.broadPlace,
    };
    outLength += shown.length;
    spans.push(span);
    cursor = end;
  }
  output += text.slice(cursor);
  const dictionaryVersion = options.dictionary ? options.dictionary.version : null;
  const patternsVersion = patterns ? patterns.version : null;
  const configFingerprint = createHash('sha256')
    .update(
      JSON.stringify({
        engine: ENGINE_VERSION,
        dictionaryVersion,
        patternsVersion,
        profile: profileFingerprint(profile),
        keyedTokens: options.pseudonymSecret !== undefined,
      }),
      'utf8',
    )
    .digest('hex');
  return { text: output, spans, engineVersion: ENGINE_VERSION, dictionaryVersion, patternsVersion, profile: profile.name, configFingerprint };
}
