import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createPrivateKey, randomUUID, type KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { open, seal } from 'src/common/crypto/envelope';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { generateSigningKeyPair } from 'src/exports/bagit/bag-signature';
import { SigningKeyEntity } from 'src/exports/entities/signing-key.entity';

// Serialises the creation of the deployment's first signing key across api and worker replicas.
const SIGNING_KEY_LOCK = 74_110_070;
const keyAad = (id: string) => `signing-key:${id}:private`;

export interface PublicSigningKey {
  id: string;
  algorithm: string;
  publicKeyPem: string;
  fingerprint: string;
  createdAt: Date;
}

/** The deployment's Ed25519 export-signing key: made on first use, private half sealed with the master key. */
@Injectable()
export class SigningKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** The active key's public half, creating the key pair if there is none yet. */
  async current(): Promise<PublicSigningKey> {
    const row = await this.ensure();
    return { id: row.id, algorithm: row.algorithm, publicKeyPem: row.publicKeyPem, fingerprint: row.fingerprint, createdAt: row.createdAt };
  }

  /** For the worker only: the private key, opened in memory. */
  async privateKey(): Promise<{ key: KeyObject; fingerprint: string }> {
    const row = await this.ensure();
    const sealed = await this.dataSource.getRepository(SigningKeyEntity).findOneOrFail({ where: { id: row.id }, select: { id: true, privateKeySealed: true } });
    const pem = open(this.config.masterKey, sealed.privateKeySealed, keyAad(row.id));
    return { key: createPrivateKey(pem), fingerprint: row.fingerprint };
  }

  private async ensure(): Promise<SigningKeyEntity> {
    const repo = this.dataSource.getRepository(SigningKeyEntity);
    const found = await repo.findOne({ where: { active: true } });
    if (found) return found;
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SIGNING_KEY_LOCK]);
      const again = await manager.findOne(SigningKeyEntity, { where: { active: true } });
      if (again) return again;
      const pair = generateSigningKeyPair();
      const id = randomUUID();
      const row = manager.create(SigningKeyEntity, {
        id,
        algorithm: 'Ed25519',
        publicKeyPem: pair.publicKeyPem,
        fingerprint: pair.fingerprint,
        privateKeySealed: seal(this.config.masterKey, Buffer.from(pair.privateKeyPem, 'utf8'), keyAad(id)),
        active: true,
      });
      await manager.save(row);
      await this.audit.record(manager, { actorId: null, action: 'signing_key.create', subjectType: 'signing_key', subjectId: id, details: { algorithm: 'Ed25519', fingerprint: pair.fingerprint } });
      return manager.findOneOrFail(SigningKeyEntity, { where: { id } });
    });
  }
}
