import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { CaseEntity } from 'src/cases/entities/case.entity';
import { EvidenceItemEntity } from 'src/evidence/entities/evidence-item.entity';
import { LegalElementEntity } from 'src/legal/entities/legal-crime.entity';
import { LegalFrameworkEntity } from 'src/legal/entities/legal-framework.entity';
import { LegalModeEntity } from 'src/legal/entities/legal-mode.entity';

export const LINK_RELATIONS = ['supports', 'undermines', 'context'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];
/** proposed → reviewed, or → returned (sent back with a comment); any change makes it proposed again. */
export const LINK_STATUSES = ['proposed', 'reviewed', 'returned'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];
/** Admiralty scale: A completely reliable … E unreliable, F cannot be judged. */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITY)[number];

/**
 * An evidence item tied to an element of a crime in one framework version, optionally to an
 * incident, a perpetrator and a mode of liability, with the analyst's assessment. Proposed until
 * a member with the review permission — not its author — reviews it.
 *
 * `incident_id` and `perpetrator_id` are plain uuids (checked against the case when written):
 * those tables belong to the incidents/perpetrators module.
 */
@Entity('evidence_links')
@Index('evidence_links_matrix_idx', ['caseId', 'frameworkId', 'elementId'])
@Index('evidence_links_case_perpetrator_idx', ['caseId', 'perpetratorId'])
/** The strongest supporting link of an element, by evidence_link_rank(): an expression index made in the migration. */
@Index('evidence_links_strongest_idx', { synchronize: false })
@Check('evidence_links_assessment_range', `"probative_value" BETWEEN 1 AND 5 AND "information_credibility" BETWEEN 1 AND 6 AND "source_reliability" IN ('A', 'B', 'C', 'D', 'E', 'F')`)
@Check('evidence_links_relation_status', `"relation" IN ('supports', 'undermines', 'context') AND "status" IN ('proposed', 'reviewed', 'returned') AND ("status" = 'reviewed') = ("reviewed_by" IS NOT NULL)`)
export class EvidenceLinkEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity) @JoinColumn({ name: 'case_id' }) case?: CaseEntity;
  @Index('evidence_links_item_idx')
  /** One link per item, element, alternative, incident, perpetrator and mode: an expression index made in the migration. */
  @Index('evidence_links_same_link_unique', { synchronize: false })
  @Column({ name: 'item_id', type: 'uuid' }) itemId: string;
  @ManyToOne(() => EvidenceItemEntity) @JoinColumn({ name: 'item_id' }) item?: EvidenceItemEntity;
  @Column({ name: 'framework_id', type: 'uuid' }) frameworkId: string;
  @ManyToOne(() => LegalFrameworkEntity) @JoinColumn({ name: 'framework_id' }) framework?: LegalFrameworkEntity;
  @Column({ name: 'element_id', type: 'uuid' }) elementId: string;
  @ManyToOne(() => LegalElementEntity) @JoinColumn({ name: 'element_id' }) element?: LegalElementEntity;
  /** Letter of the element's alternative the evidence goes to, when the element has alternatives. */
  @Column({ type: 'text', nullable: true }) alternative: string | null;
  @Column({ name: 'incident_id', type: 'uuid', nullable: true }) incidentId: string | null;
  @Column({ name: 'perpetrator_id', type: 'uuid', nullable: true }) perpetratorId: string | null;
  @Column({ name: 'mode_id', type: 'uuid', nullable: true }) modeId: string | null;
  @ManyToOne(() => LegalModeEntity) @JoinColumn({ name: 'mode_id' }) mode?: LegalModeEntity | null;
  @Column({ type: 'text' }) relation: LinkRelation;
  @Column({ name: 'probative_value', type: 'smallint' }) probativeValue: number;
  @Column({ name: 'source_reliability', type: 'text' }) sourceReliability: SourceReliability;
  @Column({ name: 'information_credibility', type: 'smallint' }) informationCredibility: number;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'text' }) status: LinkStatus;
  /** The item's source key, copied at link time (fixed for the item's life) for the matrix. */
  @Column({ name: 'source_key', type: 'text' }) sourceKey: string;
  /**
   * One independent source for corroboration, fixed at link time (see independentSource in
   * src/evidence/matrix/sources.ts): `witness:<person>`, `file:<sha256>` or `item:<id>`.
   */
  @Column({ name: 'independent_source', type: 'text' }) independentSource: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  /** Who set the current assessment (creator, or the last editor): may not review it. */
  @Column({ name: 'assessed_by', type: 'uuid' }) assessedBy: string;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
