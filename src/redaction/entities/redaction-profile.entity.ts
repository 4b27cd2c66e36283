import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from 'src/common/json';

/** A custom recipient profile of a case: per category, keep / pseudonym / label / remove. */
@Entity('redaction_profiles')
@Index('redaction_profiles_case_name_unique', ['caseId', 'name'], { unique: true })
export class RedactionProfileEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'text' }) name: string;
  /** The engine's ProfileSpec (base, actions, labels, neutraliseParticles). */
  @Column({ type: 'jsonb' }) spec: JsonObject;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
