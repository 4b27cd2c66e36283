import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { CaseEntity } from 'src/cases/entities/case.entity';
import { PersonEntity } from 'src/people/entities/person.entity';

export const PERPETRATOR_KINDS = ['individual', 'unit'] as const;
export type PerpetratorKind = (typeof PERPETRATOR_KINDS)[number];
export const UNIT_TYPES = ['ministry', 'security_agency', 'police', 'military', 'party_department', 'camp_administration', 'guard_unit', 'judiciary', 'other'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/**
 * A perpetrator: an individual (a person of the case — their names stay sealed in the person's
 * identity; here they are only a pseudonym code) or an institution/unit (public names, a parent
 * unit, aliases and romanisation variants).
 */
@Entity('perpetrators')
@Index('perpetrators_case_code_unique', ['caseId', 'code'], { unique: true })
@Index('perpetrators_case_person_unique', ['caseId', 'personId'], { unique: true })
@Index('perpetrators_case_kind_idx', ['caseId', 'kind'])
@Check('perpetrators_kind_shape', `("kind" = 'individual' AND "person_id" IS NOT NULL AND "name" IS NULL AND "parent_id" IS NULL) OR ("kind" = 'unit' AND "person_id" IS NULL AND "name" IS NOT NULL)`)
export class PerpetratorEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity) @JoinColumn({ name: 'case_id' }) case?: CaseEntity;
  @Column({ type: 'text' }) kind: PerpetratorKind;
  /** Units: U-0001 per case. Individuals: null (they are shown by their person's code). */
  @Column({ type: 'text', nullable: true }) code: string | null;
  @Column({ name: 'unit_type', type: 'text', nullable: true }) unitType: UnitType | null;
  @Column({ type: 'text', nullable: true }) name: string | null;
  @Column({ name: 'name_hangul', type: 'text', nullable: true }) nameHangul: string | null;
  /** Other names, former names and romanisation variants (units only). */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) aliases: string[];
  /** placeNameKey of every name and alias, for spelling-tolerant search. */
  @Column({ name: 'search_keys', type: 'text', array: true, default: () => "'{}'" }) searchKeys: string[];
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Index('perpetrators_parent_idx')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @ManyToOne(() => PerpetratorEntity) @JoinColumn({ name: 'parent_id' }) parent?: PerpetratorEntity | null;
  @Column({ name: 'person_id', type: 'uuid', nullable: true }) personId: string | null;
  @ManyToOne(() => PersonEntity) @JoinColumn({ name: 'person_id' }) person?: PersonEntity | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}

/** A position an individual held: title, rank, unit, from–to (partial dates). */
@Entity('perpetrator_positions')
export class PerpetratorPositionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('perpetrator_positions_perpetrator_idx')
  @Column({ name: 'perpetrator_id', type: 'uuid' }) perpetratorId: string;
  @ManyToOne(() => PerpetratorEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'perpetrator_id' }) perpetrator?: PerpetratorEntity;
  @Index('perpetrator_positions_unit_idx')
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId: string | null;
  @ManyToOne(() => PerpetratorEntity) @JoinColumn({ name: 'unit_id' }) unit?: PerpetratorEntity | null;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) rank: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  @Column({ name: 'from_date', type: 'text', nullable: true }) fromDate: string | null;
  @Column({ name: 'to_date', type: 'text', nullable: true }) toDate: string | null;
  @Column({ type: 'integer' }) position: number;
}
