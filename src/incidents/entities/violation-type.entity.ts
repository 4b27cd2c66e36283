import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The controlled vocabulary of violation types, seeded by migration (data, not code). Codes are
 * stable identifiers stored on incidents; labels and descriptions are our own wording.
 */
@Entity('violation_types')
export class ViolationTypeEntity {
  @PrimaryColumn({ type: 'text' }) code: string;
  @Column({ type: 'text' }) label: string;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'label_ko', type: 'text' }) labelKo: string;
  @Column({ name: 'description_ko', type: 'text' }) descriptionKo: string;
  /** The UN Commission of Inquiry (2014) chapter it falls under, COI-A … COI-F, where one fits. */
  @Column({ name: 'coi_category', type: 'text', nullable: true }) coiCategory: string | null;
  @Column({ name: 'sort_order', type: 'integer' }) sortOrder: number;
}
