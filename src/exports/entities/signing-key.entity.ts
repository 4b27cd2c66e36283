import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The deployment's Ed25519 key for signing export packages. The private key is sealed with
 * SILLOK_MASTER_KEY (never stored in the clear); the public key and its fingerprint are public.
 * One active key; retired keys stay so old packages can still be checked against them.
 */
@Entity('signing_keys')
@Index('signing_keys_one_active', ['active'], { unique: true, where: 'active' })
export class SigningKeyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) algorithm: string;
  @Column({ name: 'public_key_pem', type: 'text' }) publicKeyPem: string;
  /** Hex SHA-256 of the SPKI DER. */
  @Index('signing_keys_fingerprint_unique', { unique: true })
  @Column({ type: 'text' }) fingerprint: string;
  @Column({ name: 'private_key_sealed', type: 'bytea', select: false }) privateKeySealed: Buffer;
  @Column({ type: 'boolean' }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
