import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { ElementAlternative } from 'src/legal/entities/legal-crime.entity';
import { LegalFrameworkEntity, type Annotation, type ConfidenceTag, type ElementKind, type KoreanText } from 'src/legal/entities/legal-framework.entity';

/** A mode of liability of a framework version (e.g. RS-25-3-a-joint, RS-28-b). */
@Entity('legal_modes_of_liability')
@Index('legal_modes_code_unique', ['frameworkId', 'code'], { unique: true })
export class LegalModeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'framework_id', type: 'uuid' }) frameworkId: string;
  @ManyToOne(() => LegalFrameworkEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'framework_id' }) framework?: LegalFrameworkEntity;
  @Column({ type: 'text' }) code: string;
  @Column({ name: 'reference_id', type: 'text', nullable: true }) referenceId: string | null;
  @Column({ name: 'article_ref', type: 'text', nullable: true }) articleRef: string | null;
  @Column({ name: 'title_en', type: 'text' }) titleEn: string;
  @Column({ name: 'title_ko', type: 'jsonb', nullable: true }) titleKo: KoreanText | null;
  @Column({ name: 'sort_order', type: 'integer' }) sortOrder: number;
  /** Crime group keys it can attach to; null = every group (25(3)(e) is genocide only). */
  @Column({ name: 'applies_to', type: 'text', array: true, nullable: true }) appliesTo: string[] | null;
  @Column({ type: 'text', nullable: true }) confidence: ConfidenceTag | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) notes: Annotation[];
  @VersionColumn({ name: 'revision' }) revision: number;
}

/** A numbered requirement of a mode of liability (our breakdown of the statute text). */
@Entity('legal_mode_requirements')
@Index('legal_mode_requirements_code_unique', ['frameworkId', 'code'], { unique: true })
@Index('legal_mode_requirements_mode_number_unique', ['modeId', 'number'], { unique: true })
export class LegalModeRequirementEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'framework_id', type: 'uuid' }) frameworkId: string;
  @ManyToOne(() => LegalFrameworkEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'framework_id' }) framework?: LegalFrameworkEntity;
  @Column({ name: 'mode_id', type: 'uuid' }) modeId: string;
  @ManyToOne(() => LegalModeEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'mode_id' }) mode?: LegalModeEntity;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'integer' }) number: number;
  @Column({ type: 'text' }) kind: ElementKind;
  @Column({ type: 'text' }) text: string;
  /** Korean paraphrase, with its own confidence tag; alternatives carry theirs in `alternatives[].textKo`. */
  @Column({ name: 'text_ko', type: 'jsonb', nullable: true }) textKo: KoreanText | null;
  @Column({ name: 'statute_ref', type: 'text', nullable: true }) statuteRef: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) alternatives: ElementAlternative[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) notes: Annotation[];
  @Column({ type: 'text', nullable: true }) confidence: ConfidenceTag | null;
}
