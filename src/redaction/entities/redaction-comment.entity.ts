import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A reviewer's comment when sending a redaction back. Free text: shown to the case's members on
 * the redaction, never logged, never indexed or exported, and only counted in the audit log.
 */
@Entity('redaction_comments')
@Index('redaction_comments_redaction_idx', ['redactionId', 'createdAt'])
export class RedactionCommentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'redaction_id', type: 'uuid' }) redactionId: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ type: 'text' }) body: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
