import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { CaseEntity } from 'src/cases/entities/case.entity';
import { EvidenceItemEntity } from 'src/evidence/entities/evidence-item.entity';
import type { LinkRelation, LinkStatus, SourceReliability } from 'src/evidence/entities/evidence-link.entity';
import { LegalFrameworkEntity } from 'src/legal/entities/legal-framework.entity';
import { LegalModeEntity, LegalModeRequirementEntity } from 'src/legal/entities/legal-mode.entity';
import { PerpetratorEntity } from 'src/perpetrators/entities/perpetrator.entity';

/**
 * Evidence on a requirement of a mode of liability for one accused individual (art. 25(1): modes
 * apply to natural persons only; the service refuses a unit). Same assessment scales and review
 * rule as evidence links to crime elements. `crime_id`, optional, says which crime the mode is
 * charged for (a mode's requirement such as "knew or should have known" is about a crime).
 */
@Entity('liability_links')
@Index('liability_links_view_idx', ['caseId', 'frameworkId', 'perpetratorId'])
@Index('liability_links_item_idx', ['itemId'])
@Index('liability_links_same_link_unique', { synchronize: false })
@Check('liability_links_assessment_range', `"probative_value" BETWEEN 1 AND 5 AND "information_credibility" BETWEEN 1 AND 6 AND "source_reliability" IN ('A', 'B', 'C', 'D', 'E', 'F')`)
@Check('liability_links_relation_status', `"relation" IN ('supports', 'undermines', 'context') AND "status" IN ('proposed', 'reviewed') AND ("status" = 'reviewed') = ("reviewed_by" IS NOT NULL)`)
export class LiabilityLinkEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity) @JoinColumn({ name: 'case_id' }) case?: CaseEntity;
  @Column({ name: 'item_id', type: 'uuid' }) itemId: string;
  @ManyToOne(() => EvidenceItemEntity) @JoinColumn({ name: 'item_id' }) item?: EvidenceItemEntity;
  @Column({ name: 'framework_id', type: 'uuid' }) frameworkId: string;
  @ManyToOne(() => LegalFrameworkEntity) @JoinColumn({ name: 'framework_id' }) framework?: LegalFrameworkEntity;
  @Column({ name: 'perpetrator_id', type: 'uuid' }) perpetratorId: string;
  @ManyToOne(() => PerpetratorEntity) @JoinColumn({ name: 'perpetrator_id' }) perpetrator?: PerpetratorEntity;
  @Column({ name: 'mode_id', type: 'uuid' }) modeId: string;
  @ManyToOne(() => LegalModeEntity) @JoinColumn({ name: 'mode_id' }) mode?: LegalModeEntity;
  @Column({ name: 'requirement_id', type: 'uuid' }) requirementId: string;
  @ManyToOne(() => LegalModeRequirementEntity) @JoinColumn({ name: 'requirement_id' }) requirement?: LegalModeRequirementEntity;
  /** Letter of the requirement's alternative, when it has alternatives. */
  @Column({ type: 'text', nullable: true }) alternative: string | null;
  /** The crime of the same framework version the mode is charged for, when stated. */
  @Column({ name: 'crime_id', type: 'uuid', nullable: true }) crimeId: string | null;
  @Column({ name: 'incident_id', type: 'uuid', nullable: true }) incidentId: string | null;
  @Column({ type: 'text' }) relation: LinkRelation;
  @Column({ name: 'probative_value', type: 'smallint' }) probativeValue: number;
  @Column({ name: 'source_reliability', type: 'text' }) sourceReliability: SourceReliability;
  @Column({ name: 'information_credibility', type: 'smallint' }) informationCredibility: number;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'text' }) status: LinkStatus;
  @Column({ name: 'source_key', type: 'text' }) sourceKey: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'assessed_by', type: 'uuid' }) assessedBy: string;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
