import { AuditChainHeadEntity } from 'src/audit/entities/audit-chain-head.entity';
import { AuditEntryEntity } from 'src/audit/entities/audit-entry.entity';
import { LoginThrottleEntity } from 'src/auth/entities/login-throttle.entity';
import { RecoveryCodeEntity, TotpSecretEntity } from 'src/auth/entities/second-factor.entity';
import { SessionEntity } from 'src/auth/entities/session.entity';
import { TwoFactorPolicyEntity } from 'src/auth/entities/two-factor-policy.entity';
import { CaseCounterEntity } from 'src/cases/entities/case-counter.entity';
import { CaseMemberEntity } from 'src/cases/entities/case-member.entity';
import { CaseEntity } from 'src/cases/entities/case.entity';
import { CaseMatrixSettingsEntity } from 'src/evidence/entities/case-matrix-settings.entity';
import { EvidenceItemEntity } from 'src/evidence/entities/evidence-item.entity';
import { EvidenceLinkCommentEntity } from 'src/evidence/entities/evidence-link-comment.entity';
import { EvidenceLinkEntity } from 'src/evidence/entities/evidence-link.entity';
import { DisclosureEntity } from 'src/exports/entities/disclosure.entity';
import { ExportEntity } from 'src/exports/entities/export.entity';
import { SigningKeyEntity } from 'src/exports/entities/signing-key.entity';
import { FileEntity } from 'src/files/entities/file.entity';
import { ExternalRefEntity, ImportEntity, ImportRowErrorEntity } from 'src/imports/entities/import.entity';
import { IncidentEntity, IncidentPerpetratorEntity, IncidentSourceEntity, IncidentVictimEntity } from 'src/incidents/entities/incident.entity';
import { ViolationTypeEntity } from 'src/incidents/entities/violation-type.entity';
import { JobEntity } from 'src/jobs/entities/job.entity';
import { LegalCrimeEntity, LegalElementEntity } from 'src/legal/entities/legal-crime.entity';
import { LegalFrameworkEntity, LegalSharedRequirementEntity } from 'src/legal/entities/legal-framework.entity';
import { LegalModeEntity, LegalModeRequirementEntity } from 'src/legal/entities/legal-mode.entity';
import { LiabilityLinkEntity } from 'src/liability/entities/liability-link.entity';
import { PersonEntity } from 'src/people/entities/person.entity';
import { PerpetratorEntity, PerpetratorPositionEntity } from 'src/perpetrators/entities/perpetrator.entity';
import { PlaceEntity, PlaceNameEntity } from 'src/places/entities/place.entity';
import { RedactionCommentEntity } from 'src/redaction/entities/redaction-comment.entity';
import { RedactionProfileEntity } from 'src/redaction/entities/redaction-profile.entity';
import { RedactionTermEntity } from 'src/redaction/entities/redaction-term.entity';
import { RedactionEntity } from 'src/redaction/entities/redaction.entity';
import { SearchDocumentEntity } from 'src/search/entities/search-document.entity';
import { ConsentVersionEntity } from 'src/testimonies/entities/consent-version.entity';
import { TestimonyEntity } from 'src/testimonies/entities/testimony.entity';
import { TranscriptEntity, TranscriptVersionEntity } from 'src/testimonies/entities/transcript.entity';
import { UserEntity } from 'src/users/entities/user.entity';
import { IncidentActEntity, VictimAttributesEntity } from 'src/victims/entities/victim.entity';

/** Every entity, listed once: the app, the worker, the CLI and migration generation use this. */
export const ALL_ENTITIES = [
  UserEntity,
  SessionEntity,
  LoginThrottleEntity,
  TotpSecretEntity,
  RecoveryCodeEntity,
  TwoFactorPolicyEntity,
  AuditEntryEntity,
  AuditChainHeadEntity,
  JobEntity,
  CaseEntity,
  CaseMemberEntity,
  CaseCounterEntity,
  PersonEntity,
  TestimonyEntity,
  TranscriptEntity,
  TranscriptVersionEntity,
  ConsentVersionEntity,
  FileEntity,
  RedactionEntity,
  RedactionTermEntity,
  RedactionProfileEntity,
  RedactionCommentEntity,
  EvidenceLinkCommentEntity,
  LegalFrameworkEntity,
  LegalSharedRequirementEntity,
  LegalCrimeEntity,
  LegalElementEntity,
  LegalModeEntity,
  LegalModeRequirementEntity,
  EvidenceItemEntity,
  EvidenceLinkEntity,
  CaseMatrixSettingsEntity,
  LiabilityLinkEntity,
  VictimAttributesEntity,
  IncidentActEntity,
  PlaceEntity,
  PlaceNameEntity,
  ViolationTypeEntity,
  PerpetratorEntity,
  PerpetratorPositionEntity,
  IncidentEntity,
  IncidentVictimEntity,
  IncidentPerpetratorEntity,
  IncidentSourceEntity,
  ImportEntity,
  ImportRowErrorEntity,
  ExternalRefEntity,
  ExportEntity,
  DisclosureEntity,
  SigningKeyEntity,
  SearchDocumentEntity,
];
