import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const SEARCH_KINDS = ['testimony', 'incident', 'perpetrator', 'place'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * One searchable thing: a testimony (its de-identified, internal-profile redacted text only —
 * never a sealed field), an incident, a perpetrator or a gazetteer place (global: no case).
 *
 * Rows are written only by database triggers on the source tables (migration
 * 1795378900000-Search), in the same transaction as the change: the application never writes
 * here. `tsv` holds English-stemmed words (title A, body B), Hangul bigrams with positions (C)
 * for Korean substring matching, and romanisation keys of capitalised Latin words (D, `~yotok`).
 */
@Entity('search_documents')
@Index('search_documents_kind_ref_unique', ['kind', 'refId'], { unique: true })
@Index('search_documents_case_idx', ['caseId'])
export class SearchDocumentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: SearchKind;
  @Column({ name: 'ref_id', type: 'uuid' }) refId: string;
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId: string | null;
  /** Pseudonym code of the interviewee, incident / unit code, place code. */
  @Column({ type: 'text', nullable: true }) code: string | null;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ name: 'date_start', type: 'date', nullable: true }) dateStart: string | null;
  @Column({ name: 'date_end', type: 'date', nullable: true }) dateEnd: string | null;
  @Column({ name: 'place_id', type: 'uuid', nullable: true }) placeId: string | null;
  @Column({ name: 'violation_types', type: 'text', array: true, default: () => "'{}'" }) violationTypes: string[];
  /** Made by the triggers; a GIN index made in the migration serves @@. */
  @Index('search_documents_tsv_gin_idx', { synchronize: false })
  @Column({ type: 'tsvector', select: false }) tsv: string;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
