/**
 * Types for built-in legal-framework seed data (product capability 7: "Legal classification").
 *
 * This module is deliberately pure: it imports nothing, so that the seed data can be loaded by a
 * database migration (compiled to dist/migrations) without pulling in application code.
 *
 * Conventions (see migrations/seed/README.md for the full rationale):
 *  - Every node has a stable `code` (e.g. `RS-7-1-c`, `RS-7-1-c-E1`, `RS-7-1-i-E1a`) that is unique
 *    within a framework version and is what evidence links will point at.
 *  - Element numbering follows the ICC Elements of Crimes (EOC) exactly. Where the EOC splits an
 *    element into lettered alternatives (e.g. 7(1)(i) elements 1-3), the element keeps its EOC
 *    number and the alternatives are listed inside it; an element with alternatives is satisfied
 *    when ANY ONE of its alternatives is satisfied.
 *  - All legal text is our own paraphrase, never the authentic wording.
 *  - `confidence` carries the tags of /work/shared/docs/legal-reference.md section 0:
 *    'V' verified against a primary text, 'S' seen only in a secondary source, 'U' unverified.
 */

/** Confidence tag from the legal reference: verified / secondary source / unverified. */
export type Confidence = 'V' | 'S' | 'U';
export const CONFIDENCE_LEVELS: readonly Confidence[] = ['V', 'S', 'U'];

/**
 * Kind of an element or requirement.
 *  - `material`: conduct, consequence or circumstance (objective).
 *  - `mental`: intent, knowledge, awareness, purpose, "knew or should have known" (subjective).
 *  - `contextual`: the contextual ("chapeau") elements that the EOC lists last for every crime of a
 *    category (CAH: attack + knowledge of it; war crimes: armed conflict nexus + awareness of it;
 *    genocide: manifest pattern). A contextual element always points at a shared requirement node
 *    (`sharedRef`), because one piece of evidence often supports the context for many crimes.
 */
export type ElementKind = 'material' | 'mental' | 'contextual';
export const ELEMENT_KINDS: readonly ElementKind[] = ['material', 'mental', 'contextual'];

/** Top-level crime categories of the Rome Statute that this seed covers. */
export type CrimeGroupKey = 'genocide' | 'crimes-against-humanity' | 'war-crimes';
/** Groups shown in the taxonomy: the three crime categories plus modes of liability. */
export type GroupKey = CrimeGroupKey | 'liability';
export const GROUP_KEYS: readonly GroupKey[] = ['genocide', 'crimes-against-humanity', 'war-crimes', 'liability'];

/** For war crimes: the type of armed conflict the crime requires. */
export type ArmedConflictType = 'international' | 'non-international';

/** A Korean rendering, always with its own confidence (none of them come from the reference). */
export interface SeedKoreanText {
  readonly text: string;
  readonly confidence: Confidence;
  readonly note?: string;
}

/** A paraphrased footnote, commentary or caveat attached to a node. */
export interface SeedAnnotation {
  /** Our paraphrase. */
  readonly text: string;
  /** Where it comes from, e.g. `EOC fn 11`, `RS 7(2)(b)`, `legal-reference.md §1.3 (analyst note)`. */
  readonly source: string;
  readonly confidence: Confidence;
}

/** A primary text the framework was transcribed from. */
export interface SeedSource {
  /** Short key used in `source` strings, e.g. `EOC`, `RS`. */
  readonly key: string;
  readonly title: string;
  /** Which edition / instrument version. */
  readonly instrumentVersion: string;
  /** Where the text was read (repository + commit + file), or an official URL. */
  readonly location: string;
}

export interface SeedGroup {
  readonly key: GroupKey;
  /** Stable code, e.g. `RS-ART7`. */
  readonly code: string;
  /** Statute reference, e.g. `RS art. 7`. */
  readonly articleRef: string;
  readonly titleEn: string;
  readonly titleKo: SeedKoreanText | null;
  readonly sortOrder: number;
}

/**
 * A requirement shared by many crimes (e.g. CAH "widespread or systematic attack", genocide
 * "protected group", war-crime "armed-conflict nexus"). Elements instantiate it via `sharedRef`,
 * and evidence can also be tagged to it directly.
 */
export interface SeedSharedRequirement {
  /** Stable code, e.g. `RS-7-CTX-1`. */
  readonly code: string;
  /** IDs used in legal-reference.md, e.g. `['CTX-1', 'CAH-CTX-ATTACK']`. */
  readonly referenceIds: readonly string[];
  readonly group: CrimeGroupKey;
  readonly kind: ElementKind;
  readonly text: string;
  /** Statute / EOC reference, e.g. `RS 7(1); EOC art. 7 intro para 2`. */
  readonly sourceRef: string;
  /** Code of a broader shared requirement this one refines (e.g. policy refines attack). */
  readonly refines?: string;
  readonly notes?: readonly SeedAnnotation[];
  readonly confidence: Confidence;
}

/** One lettered alternative inside an element (EOC "either (a) ... or (b) ..."). */
export interface SeedElementAlternative {
  /** `${element.code}${letter}`, e.g. `RS-7-1-i-E1a`. */
  readonly code: string;
  /** `a`, `b`, ... as lettered in the EOC. */
  readonly letter: string;
  readonly text: string;
  readonly notes?: readonly SeedAnnotation[];
}

export interface SeedElement {
  /** `${crime.code}-E${number}`, e.g. `RS-7-1-c-E1`. */
  readonly code: string;
  /** EOC element number, 1-based and contiguous within a crime. */
  readonly number: number;
  readonly kind: ElementKind;
  /** Paraphrase of the element. For elements with alternatives: the common stem. */
  readonly text: string;
  /** Code of the shared requirement this element instantiates; required when kind is `contextual`. */
  readonly sharedRef?: string;
  /** Lettered alternatives; the element is satisfied by any one of them. Absent = no alternatives. */
  readonly alternatives?: readonly SeedElementAlternative[];
  readonly notes?: readonly SeedAnnotation[];
  readonly confidence: Confidence;
}

/** A tagging sub-variant of a crime that is NOT a separate crime in the EOC (no own elements). */
export interface SeedCrimeVariant {
  /** e.g. `RS-7-1-d-deportation`. */
  readonly code: string;
  readonly titleEn: string;
  readonly titleKo: SeedKoreanText | null;
  readonly description: string;
  readonly confidence: Confidence;
}

/** A ground of persecution (RS 7(1)(h), EOC 7(1)(h) element 3). */
export interface SeedPersecutionGround {
  /** Vocabulary key from legal-reference.md, e.g. `political`. */
  readonly key: string;
  /** Stable code, e.g. `RS-7-1-h-G-political`. */
  readonly code: string;
  readonly labelEn: string;
  readonly labelKo: SeedKoreanText | null;
  readonly statuteRef: string;
}

export interface SeedCrime {
  /** Stable code, e.g. `RS-7-1-g-1`. */
  readonly code: string;
  /** The EOC ID as written in legal-reference.md, e.g. `7(1)(g)-1`, `6(a)`, `8(2)(b)(xxvi)`. */
  readonly referenceId: string;
  readonly group: CrimeGroupKey;
  /** Statute provision, e.g. `RS 7(1)(g)`. */
  readonly articleRef: string;
  /** Codes of glossary entries that define terms used by this crime (e.g. `RS-DEF-7-2-c`). */
  readonly definitionRefs: readonly string[];
  readonly titleEn: string;
  readonly titleKo: SeedKoreanText | null;
  /** Order within the group (statute / EOC order), 1-based. */
  readonly sortOrder: number;
  /** War crimes only. */
  readonly armedConflict?: ArmedConflictType;
  readonly elements: readonly SeedElement[];
  /** 7(1)(d) only: deportation vs forcible transfer as tagging variants. */
  readonly variants?: readonly SeedCrimeVariant[];
  /** 7(1)(h) only. */
  readonly persecutionGrounds?: readonly SeedPersecutionGround[];
  readonly notes?: readonly SeedAnnotation[];
  /** Confidence of the crime's element list as a whole (count + content). */
  readonly confidence: Confidence;
}

/** One requirement of a mode of liability. Numbering is OUR decomposition of the statute text. */
export interface SeedRequirement {
  /** `${mode.code}-R${number}`, e.g. `RS-28-a-R4`. */
  readonly code: string;
  readonly number: number;
  readonly kind: ElementKind;
  readonly text: string;
  /** Statute provision this requirement paraphrases, e.g. `RS 28(a)(i)`. */
  readonly statuteRef: string;
  readonly alternatives?: readonly SeedElementAlternative[];
  readonly notes?: readonly SeedAnnotation[];
  readonly confidence: Confidence;
}

export interface SeedModeOfLiability {
  /** Stable code, e.g. `RS-25-3-a-joint`, `RS-28-b`. */
  readonly code: string;
  /** ID used in legal-reference.md §4, e.g. `ML-25-3-a-joint`. */
  readonly referenceId: string;
  readonly group: 'liability';
  /** Statute provision, e.g. `RS 25(3)(a)`. */
  readonly articleRef: string;
  readonly titleEn: string;
  readonly titleKo: SeedKoreanText | null;
  readonly sortOrder: number;
  /** `all` or the crime groups it can attach to (25(3)(e) is genocide only). */
  readonly appliesTo: 'all' | readonly CrimeGroupKey[];
  readonly requirements: readonly SeedRequirement[];
  readonly notes?: readonly SeedAnnotation[];
  readonly confidence: Confidence;
}

/** A statutory definition (e.g. RS 7(2)(a)-(i), 7(3)) shown as a glossary entry. */
export interface SeedGlossaryEntry {
  /** Stable code, e.g. `RS-DEF-7-2-a`. */
  readonly code: string;
  readonly statuteRef: string;
  readonly termEn: string;
  readonly termKo: SeedKoreanText | null;
  /** Our paraphrase of the definition. */
  readonly text: string;
  /** Crimes that rely on this definition. */
  readonly relatedCrimeCodes: readonly string[];
  readonly confidence: Confidence;
}

/** General guidance shown to analysts (EOC general introduction, arts 26-33 ...). */
export interface SeedGuidanceNote {
  /** Stable code, e.g. `RS-NOTE-ART30`. */
  readonly code: string;
  readonly title: string;
  readonly text: string;
  readonly sourceRef: string;
  readonly confidence: Confidence;
}

export interface SeedFramework {
  /** Stable framework code, e.g. `rome-statute`. */
  readonly code: string;
  /** Version of the legal text the seed reflects, e.g. `2011-icc-ed`. (code, version) is unique. */
  readonly version: string;
  readonly titleEn: string;
  readonly titleKo: SeedKoreanText | null;
  readonly description: string;
  /** Instrument versions every node of this framework reflects (denormalise onto nodes if needed). */
  readonly instrumentVersions: { readonly statute: string; readonly elements: string };
  readonly sources: readonly SeedSource[];
  /** Known limits of this version (amendments not included, open verification items). */
  readonly caveats: readonly SeedAnnotation[];
  readonly groups: readonly SeedGroup[];
  readonly sharedRequirements: readonly SeedSharedRequirement[];
  readonly crimes: readonly SeedCrime[];
  readonly modesOfLiability: readonly SeedModeOfLiability[];
  readonly glossary: readonly SeedGlossaryEntry[];
  readonly guidanceNotes: readonly SeedGuidanceNote[];
}
