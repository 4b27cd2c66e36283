import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { LegalFrameworkEntity, type Annotation, type ConfidenceTag, type ElementKind, type KoreanText } from 'src/legal/entities/legal-framework.entity';

export const ARMED_CONFLICT_TYPES = ['international', 'non-international'] as const;
export type ArmedConflictType = (typeof ARMED_CONFLICT_TYPES)[number];

/** One lettered alternative of an element: the element is satisfied by any one of them. */
export interface ElementAlternative {
  code: string;
  letter: string;
  text: string;
  textKo?: KoreanText | null;
  notes?: Annotation[];
}

/** A tagging variant of a crime that has no elements of its own (deportation vs forcible transfer). */
export interface CrimeVariant {
  code: string;
  titleEn: string;
  titleKo: KoreanText | null;
  description: string;
  confidence: ConfidenceTag;
}

export interface PersecutionGround {
  key: string;
  code: string;
  labelEn: string;
  labelKo: KoreanText | null;
  statuteRef: string;
}

/** Shown with a crime, never linked to. */
export interface CrimeDetails {
  definitionRefs?: string[];
  notes?: Annotation[];
  variants?: CrimeVariant[];
  persecutionGrounds?: PersecutionGround[];
}

/** A crime of a framework version (e.g. RS-7-1-c Enslavement), with its numbered elements. */
@Entity('legal_crimes')
@Index('legal_crimes_code_unique', ['frameworkId', 'code'], { unique: true })
export class LegalCrimeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'framework_id', type: 'uuid' }) frameworkId: string;
  @ManyToOne(() => LegalFrameworkEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'framework_id' }) framework?: LegalFrameworkEntity;
  @Column({ type: 'text' }) code: string;
  /** The identifier used by the source text, e.g. `7(1)(g)-1`. */
  @Column({ name: 'reference_id', type: 'text', nullable: true }) referenceId: string | null;
  @Column({ name: 'group_key', type: 'text' }) groupKey: string;
  @Column({ name: 'article_ref', type: 'text', nullable: true }) articleRef: string | null;
  @Column({ name: 'title_en', type: 'text' }) titleEn: string;
  @Column({ name: 'title_ko', type: 'jsonb', nullable: true }) titleKo: KoreanText | null;
  @Column({ name: 'sort_order', type: 'integer' }) sortOrder: number;
  @Column({ name: 'armed_conflict', type: 'text', nullable: true }) armedConflict: ArmedConflictType | null;
  @Column({ type: 'text', nullable: true }) confidence: ConfidenceTag | null;
  /** Notes, definition references, tagging variants, persecution grounds: shown, never linked to. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) details: CrimeDetails;
  @VersionColumn({ name: 'revision' }) revision: number;
}

/**
 * A numbered element of a crime (EOC numbering for the Rome Statute). `framework_id` is kept
 * here too: an evidence link must name an element of the framework version it states.
 */
@Entity('legal_elements')
@Index('legal_elements_code_unique', ['frameworkId', 'code'], { unique: true })
@Index('legal_elements_crime_number_unique', ['crimeId', 'number'], { unique: true })
export class LegalElementEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'framework_id', type: 'uuid' }) frameworkId: string;
  @ManyToOne(() => LegalFrameworkEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'framework_id' }) framework?: LegalFrameworkEntity;
  @Column({ name: 'crime_id', type: 'uuid' }) crimeId: string;
  @ManyToOne(() => LegalCrimeEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'crime_id' }) crime?: LegalCrimeEntity;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'integer' }) number: number;
  @Column({ type: 'text' }) kind: ElementKind;
  @Column({ type: 'text' }) text: string;
  /** Korean wording of the element, where a translation has been made (the seeded Rome Statute has none yet). */
  @Column({ name: 'text_ko', type: 'jsonb', nullable: true }) textKo: KoreanText | null;
  /** Code of the shared requirement this element instantiates. */
  @Column({ name: 'shared_ref', type: 'text', nullable: true }) sharedRef: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) alternatives: ElementAlternative[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) notes: Annotation[];
  @Column({ type: 'text', nullable: true }) confidence: ConfidenceTag | null;
}
