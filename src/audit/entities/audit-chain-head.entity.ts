import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A signed head of the audit chain, written by the sequencer with each batch it links (like a
 * transparency log's signed tree head): the last position and its hash, signed with the
 * deployment's audit-head key (Ed25519, derived from SILLOK_MASTER_KEY). Someone who can write
 * to the database but does not hold the master key cannot rewrite the chain and re-sign it.
 * Append-only like the log.
 */
@Entity('audit_chain_heads')
export class AuditChainHeadEntity {
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'PK_audit_chain_heads' }) seq: string;
  @Column({ type: 'text' }) hash: string;
  @Column({ name: 'signed_at', type: 'timestamptz' }) signedAt: Date;
  /** Hex SHA-256 of the signing public key (SPKI DER). */
  @Column({ name: 'key_fingerprint', type: 'text' }) keyFingerprint: string;
  /** Base64 Ed25519 signature over headSigningPayload(). */
  @Column({ type: 'text' }) signature: string;
}
