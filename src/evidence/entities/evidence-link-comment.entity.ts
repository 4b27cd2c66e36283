import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const LINK_COMMENT_KINDS = ['returned', 'comment'] as const;
export type LinkCommentKind = (typeof LINK_COMMENT_KINDS)[number];

/**
 * A reviewer's comment on an evidence link (when sending it back, or on its own). Free text:
 * shown to the case's members on the link, never logged, indexed or exported, and only counted
 * in the audit log — the same pattern as redaction comments.
 */
@Entity('evidence_link_comments')
@Index('evidence_link_comments_link_idx', ['linkId', 'createdAt'])
export class EvidenceLinkCommentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'link_id', type: 'uuid' }) linkId: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ type: 'text' }) kind: LinkCommentKind;
  @Column({ type: 'text' }) body: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
