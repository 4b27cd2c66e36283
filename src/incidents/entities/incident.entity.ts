import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { CaseEntity } from 'src/cases/entities/case.entity';
import type { IncidentDatePrecision } from 'src/incidents/incident-dates';
import { PersonEntity } from 'src/people/entities/person.entity';
import { PerpetratorEntity } from 'src/perpetrators/entities/perpetrator.entity';
import { PlaceEntity } from 'src/places/entities/place.entity';
import { TestimonyEntity } from 'src/testimonies/entities/testimony.entity';
import { TranscriptVersionEntity } from 'src/testimonies/entities/transcript.entity';

export const INVOLVEMENTS = ['direct', 'ordered', 'commanded', 'aided', 'present'] as const;
export type Involvement = (typeof INVOLVEMENTS)[number];
/** How sure the analyst is of a perpetrator's involvement. */
export const CONFIDENCES = ['confirmed', 'probable', 'possible', 'doubtful'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Who did what to whom, when and where. */
@Entity('incidents')
@Index('incidents_case_code_unique', ['caseId', 'code'], { unique: true })
@Index('incidents_case_created_idx', ['caseId', 'createdAt'])
@Index('incidents_case_date_idx', ['caseId', 'dateStart', 'dateEnd'])
export class IncidentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity) @JoinColumn({ name: 'case_id' }) case?: CaseEntity;
  /** I-0001, per case. */
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  /** Codes of violation_types; a GIN index made in the migration serves the filter. */
  @Index('incidents_violation_types_gin_idx', { synchronize: false })
  @Column({ name: 'violation_types', type: 'text', array: true, default: () => "'{}'" }) violationTypes: string[];
  @Column({ name: 'date_precision', type: 'text' }) datePrecision: IncidentDatePrecision;
  /** As given: the date (day … approximate) or the range's first end. */
  @Column({ name: 'date_from', type: 'text', nullable: true }) dateFrom: string | null;
  /** The range's last end. */
  @Column({ name: 'date_to', type: 'text', nullable: true }) dateTo: string | null;
  /** Earliest and latest possible day, derived, for date-range filters. Null when unknown. */
  @Column({ name: 'date_start', type: 'date', nullable: true }) dateStart: string | null;
  @Column({ name: 'date_end', type: 'date', nullable: true }) dateEnd: string | null;
  @Index('incidents_place_idx')
  @Column({ name: 'place_id', type: 'uuid', nullable: true }) placeId: string | null;
  @ManyToOne(() => PlaceEntity) @JoinColumn({ name: 'place_id' }) place?: PlaceEntity | null;
  @Column({ type: 'double precision', nullable: true }) latitude: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude: number | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}

/** A victim: a person of the case, or a counted group described in words. */
@Entity('incident_victims')
@Check('incident_victims_person_or_group', '("person_id" IS NOT NULL AND "group_count" IS NULL) OR ("person_id" IS NULL AND "group_count" >= 1)')
export class IncidentVictimEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('incident_victims_incident_idx')
  @Column({ name: 'incident_id', type: 'uuid' }) incidentId: string;
  @ManyToOne(() => IncidentEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'incident_id' }) incident?: IncidentEntity;
  @Index('incident_victims_person_idx')
  @Column({ name: 'person_id', type: 'uuid', nullable: true }) personId: string | null;
  @ManyToOne(() => PersonEntity) @JoinColumn({ name: 'person_id' }) person?: PersonEntity | null;
  @Column({ name: 'group_count', type: 'integer', nullable: true }) groupCount: number | null;
  @Column({ name: 'group_description', type: 'text', nullable: true }) groupDescription: string | null;
  @Column({ type: 'integer' }) position: number;
}

/** A perpetrator's involvement in an incident, with the analyst's confidence. */
@Entity('incident_perpetrators')
export class IncidentPerpetratorEntity {
  @PrimaryColumn({ name: 'incident_id', type: 'uuid' }) incidentId: string;
  @ManyToOne(() => IncidentEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'incident_id' }) incident?: IncidentEntity;
  @Index('incident_perpetrators_perpetrator_idx')
  @PrimaryColumn({ name: 'perpetrator_id', type: 'uuid' }) perpetratorId: string;
  @ManyToOne(() => PerpetratorEntity) @JoinColumn({ name: 'perpetrator_id' }) perpetrator?: PerpetratorEntity;
  @PrimaryColumn({ type: 'text' }) involvement: Involvement;
  @Column({ type: 'text' }) confidence: Confidence;
}

/**
 * A source reporting the incident: a testimony, or a passage of one — a character range
 * [start, end) of one transcript version, in UTF-16 code units.
 */
@Entity('incident_sources')
@Check('incident_sources_passage', '("transcript_version_id" IS NULL AND "passage_start" IS NULL AND "passage_end" IS NULL) OR ("transcript_version_id" IS NOT NULL AND "passage_start" >= 0 AND "passage_end" > "passage_start")')
export class IncidentSourceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('incident_sources_incident_idx')
  @Column({ name: 'incident_id', type: 'uuid' }) incidentId: string;
  @ManyToOne(() => IncidentEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'incident_id' }) incident?: IncidentEntity;
  @Index('incident_sources_testimony_idx')
  @Column({ name: 'testimony_id', type: 'uuid' }) testimonyId: string;
  @ManyToOne(() => TestimonyEntity) @JoinColumn({ name: 'testimony_id' }) testimony?: TestimonyEntity;
  @Column({ name: 'transcript_version_id', type: 'uuid', nullable: true }) transcriptVersionId: string | null;
  @ManyToOne(() => TranscriptVersionEntity) @JoinColumn({ name: 'transcript_version_id' }) transcriptVersion?: TranscriptVersionEntity | null;
  @Column({ name: 'passage_start', type: 'integer', nullable: true }) passageStart: number | null;
  @Column({ name: 'passage_end', type: 'integer', nullable: true }) passageEnd: number | null;
  /** A new transcript version changed the passage's words: it still points into the superseded version (as evidence items). */
  @Column({ name: 'needs_reanchoring', type: 'boolean', default: false }) needsReanchoring: boolean;
  @Column({ type: 'integer' }) position: number;
}
