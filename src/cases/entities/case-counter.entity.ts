import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per-case sequences, e.g. the next pseudonym number for witnesses (W-0001, W-0002, …). */
@Entity('case_counters')
export class CaseCounterEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @PrimaryColumn({ type: 'text' }) name: string;
  @Column({ type: 'integer' }) value: number;
}
