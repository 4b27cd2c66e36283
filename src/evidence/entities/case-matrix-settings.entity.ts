import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { CaseEntity } from 'src/cases/entities/case.entity';
import type { StandardOfProof } from 'src/evidence/matrix/standards';

/** The standard of proof a case's matrix is judged by; set by a case lead. No row: reasonable grounds. */
@Entity('case_matrix_settings')
@Check('case_matrix_settings_standard', `"standard_of_proof" IN ('reasonable_grounds', 'substantial_grounds', 'beyond_reasonable_doubt')`)
export class CaseMatrixSettingsEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid', primaryKeyConstraintName: 'PK_case_matrix_settings' }) caseId: string;
  @ManyToOne(() => CaseEntity) @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_case_matrix_settings_case' }) case?: CaseEntity;
  @Column({ name: 'standard_of_proof', type: 'text' }) standardOfProof: StandardOfProof;
  @Column({ name: 'updated_by', type: 'uuid' }) updatedBy: string;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
