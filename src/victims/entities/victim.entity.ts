import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { CaseEntity } from 'src/cases/entities/case.entity';
import type { IncidentDatePrecision } from 'src/incidents/incident-dates';
import { IncidentEntity } from 'src/incidents/entities/incident.entity';
import { PersonEntity } from 'src/people/entities/person.entity';
import { PlaceEntity } from 'src/places/entities/place.entity';
import type { AgeGroup, VictimSex, VictimStatus } from 'src/victims/victim-categories';

/**
 * A victim's non-identifying attributes, kept outside the sealed identity for analysis: only
 * categories (enumerations, checked by the database too). One row per person of a case.
 */
@Entity('victim_attributes')
@Index('victim_attributes_case_idx', ['caseId'])
@Check('victim_attributes_statuses', `"statuses" <@ ARRAY['repatriated_detainee', 'border_crosser', 'christian', 'other_religious_believer', 'family_member_of_defector', 'family_member_of_detainee', 'political_prisoner', 'abductee_foreign_national', 'returnee_from_japan', 'low_songbun', 'child_born_in_detention', 'woman_trafficked', 'other']::text[]`)
@Check('victim_attributes_categories', `"sex" IN ('female', 'male', 'other', 'unknown') AND "age_group" IN ('0-11', '12-17', '18-29', '30-44', '45-59', '60+', 'unknown')`)
export class VictimAttributesEntity {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'person_id' }) person?: PersonEntity;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity) @JoinColumn({ name: 'case_id' }) case?: CaseEntity;
  @Column({ type: 'text' }) sex: VictimSex;
  /** Age group at the time of the documented violations. */
  @Column({ name: 'age_group', type: 'text' }) ageGroup: AgeGroup;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) statuses: VictimStatus[];
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}

/**
 * One act against one victim (a person) of an incident: what (violation type), by whom (perpetrators of the
 * case), when (date with precision, as incidents) and where (a place of the gazetteer).
 */
@Entity('incident_acts')
@Index('incident_acts_case_idx', ['caseId', 'violationType'])
export class IncidentActEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity) @JoinColumn({ name: 'case_id' }) case?: CaseEntity;
  @Index('incident_acts_incident_idx')
  @Column({ name: 'incident_id', type: 'uuid' }) incidentId: string;
  @ManyToOne(() => IncidentEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'incident_id' }) incident?: IncidentEntity;
  /**
   * The victim: a person of the case named among the incident's victims when the act was recorded
   * (kept by person, not by victim row, so editing the incident's victim list never drops acts).
   */
  @Index('incident_acts_person_idx')
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @ManyToOne(() => PersonEntity) @JoinColumn({ name: 'person_id' }) person?: PersonEntity;
  /** A code of violation_types. */
  @Column({ name: 'violation_type', type: 'text' }) violationType: string;
  @Column({ name: 'perpetrator_ids', type: 'uuid', array: true, default: () => "'{}'" }) perpetratorIds: string[];
  @Column({ name: 'date_precision', type: 'text' }) datePrecision: IncidentDatePrecision;
  @Column({ name: 'date_from', type: 'text', nullable: true }) dateFrom: string | null;
  @Column({ name: 'date_to', type: 'text', nullable: true }) dateTo: string | null;
  @Column({ name: 'date_start', type: 'date', nullable: true }) dateStart: string | null;
  @Column({ name: 'date_end', type: 'date', nullable: true }) dateEnd: string | null;
  @Column({ name: 'place_id', type: 'uuid', nullable: true }) placeId: string | null;
  @ManyToOne(() => PlaceEntity) @JoinColumn({ name: 'place_id' }) place?: PlaceEntity | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @VersionColumn() version: number;
}
