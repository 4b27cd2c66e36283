/**
 * Public API of the redaction engine (pure: no NestJS, no TypeORM, no I/O).
 *
 *   const dictionary = compileDictionary({ people, places, customTerms }); // once per case version
 *   const patterns = compilePatterns();                                      // once per process
 *   const result = redact(text, { dictionary, patterns, profile: 'un' });
 *   result.text, result.spans  // spans: UTF-16 offsets into the ORIGINAL text
 *
 * See README.md in this folder for the rules (variants, boundaries, overlaps, profiles).
 */
export { CATEGORIES, CATEGORY_PRIORITY, RedactionInputError } from 'src/redaction/engine/types';
export type { Category, CustomTerm, DetectedSpan, DictionaryInput, PersonEntry, PlaceEntry } from 'src/redaction/engine/types';
export { compileDictionary, compileDictionaryAsync, dictionaryVersion, ENGINE_VERSION } from 'src/redaction/engine/dictionary';
export type { CompiledDictionary } from 'src/redaction/engine/dictionary';
export { compilePatterns, PATTERN_CATEGORIES } from 'src/redaction/engine/patterns';
export type { CompiledPatterns, CustomPattern, PatternCategory, PatternOptions, RegionOfInterest } from 'src/redaction/engine/patterns';
export { ACTIONS, BUILT_IN_PROFILES, DEFAULT_LABELS, defineProfile, IDENTIFYING_CATEGORIES, keptIdentifyingCategories, resolveProfile } from 'src/redaction/engine/profiles';
export type { BuiltInProfileName, ProfileSpec, RedactionAction, RedactionProfile } from 'src/redaction/engine/profiles';
export { detect, redact } from 'src/redaction/engine/redact';
export type { DetectOptions, RedactionResult, RedactionSpan, RedactOptions } from 'src/redaction/engine/redact';
export { romaniseName, romaniseWord } from 'src/redaction/engine/romanisation';
export type { RomanisationSystem } from 'src/redaction/engine/romanisation';
