import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** `retired`: a published (or superseded) version found wrong: no new links, kept for existing links and exports. */
export const FRAMEWORK_STATUSES = ['draft', 'published', 'superseded', 'retired'] as const;
export type FrameworkStatus = (typeof FRAMEWORK_STATUSES)[number];
export const ELEMENT_KINDS = ['material', 'mental', 'contextual'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];
export const CONFIDENCE_TAGS = ['V', 'S', 'U'] as const;
export type ConfidenceTag = (typeof CONFIDENCE_TAGS)[number];

/** A Korean rendering with its own confidence tag (none comes from a primary text). */
export interface KoreanText {
  text: string;
  confidence: ConfidenceTag;
  note?: string;
}

/** A paraphrased footnote or caveat attached to a node. */
export interface Annotation {
  text: string;
  source: string;
  confidence: ConfidenceTag;
}

/** A display group of a framework (e.g. genocide, crimes against humanity, a chapter of a code). */
export interface FrameworkGroup {
  key: string;
  code: string;
  articleRef: string | null;
  titleEn: string;
  titleKo: KoreanText | null;
  sortOrder: number;
}

export interface FrameworkSource {
  key: string;
  title: string;
  instrumentVersion: string;
  location: string;
}

export interface GlossaryEntry {
  code: string;
  statuteRef: string;
  termEn: string;
  termKo: KoreanText | null;
  text: string;
  relatedCrimeCodes: string[];
  confidence: ConfidenceTag;
}

export interface GuidanceNote {
  code: string;
  title: string;
  text: string;
  sourceRef: string;
  confidence: ConfidenceTag;
}

/** Shown with a framework version, never linked to. */
export interface FrameworkReference {
  instrumentVersions?: { statute: string; elements: string };
  sources?: FrameworkSource[];
  caveats?: Annotation[];
  glossary?: GlossaryEntry[];
  guidanceNotes?: GuidanceNote[];
}

/**
 * One version of a legal framework (the Rome Statute 2011 edition, a national criminal code …).
 * Evidence links point at its elements, so a published version never changes: the database
 * refuses it (trigger), and a change is a new version that supersedes it when published.
 * `version` is the legal version label; `revision` is the optimistic lock of this row.
 */
@Entity('legal_frameworks')
@Index('legal_frameworks_code_version_unique', ['code', 'version'], { unique: true })
@Index('legal_frameworks_one_published', ['code'], { unique: true, where: "status = 'published'" })
@Check('legal_frameworks_status', `"status" IN ('draft', 'published', 'superseded', 'retired') AND ("status" = 'draft') = ("published_at" IS NULL) AND ("status" = 'retired') = ("retired_at" IS NOT NULL)`)
export class LegalFrameworkEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) version: string;
  @Column({ name: 'title_en', type: 'text' }) titleEn: string;
  @Column({ name: 'title_ko', type: 'jsonb', nullable: true }) titleKo: KoreanText | null;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text', nullable: true }) jurisdiction: string | null;
  @Column({ type: 'text' }) status: FrameworkStatus;
  /** Seeded by a migration (not created through the API). */
  @Column({ type: 'boolean', default: false }) builtin: boolean;
  @Index('legal_frameworks_supersedes_idx')
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true }) supersedesId: string | null;
  @ManyToOne(() => LegalFrameworkEntity) @JoinColumn({ name: 'supersedes_id' }) supersedes?: LegalFrameworkEntity | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) groups: FrameworkGroup[];
  /** Sources, instrument versions, caveats, glossary and guidance notes: shown, never linked to. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) reference: FrameworkReference;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ name: 'published_by', type: 'uuid', nullable: true }) publishedBy: string | null;
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true }) supersededAt: Date | null;
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true }) retiredAt: Date | null;
  @Column({ name: 'retired_by', type: 'uuid', nullable: true }) retiredBy: string | null;
  /** Why an admin retired it (shown with the version). */
  @Column({ name: 'retirement_reason', type: 'text', nullable: true }) retirementReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn({ name: 'revision' }) revision: number;
}

/**
 * A requirement shared by many crimes (CAH attack, genocide protected group, armed-conflict
 * nexus). Elements instantiate it through `shared_ref` = its code.
 */
@Entity('legal_shared_requirements')
@Index('legal_shared_requirements_code_unique', ['frameworkId', 'code'], { unique: true })
export class LegalSharedRequirementEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'framework_id', type: 'uuid' }) frameworkId: string;
  @ManyToOne(() => LegalFrameworkEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'framework_id' }) framework?: LegalFrameworkEntity;
  @Column({ type: 'text' }) code: string;
  @Column({ name: 'group_key', type: 'text', nullable: true }) groupKey: string | null;
  @Column({ type: 'text' }) kind: ElementKind;
  @Column({ type: 'text' }) text: string;
  @Column({ name: 'source_ref', type: 'text', nullable: true }) sourceRef: string | null;
  @Column({ name: 'reference_ids', type: 'text', array: true, default: () => "'{}'" }) referenceIds: string[];
  @Column({ type: 'text', nullable: true }) refines: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) notes: Annotation[];
  @Column({ type: 'text', nullable: true }) confidence: ConfidenceTag | null;
  @Column({ name: 'sort_order', type: 'integer' }) sortOrder: number;
}
