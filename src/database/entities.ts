import { AuditEntryEntity } from 'src/audit/entities/audit-entry.entity';
import { LoginThrottleEntity } from 'src/auth/entities/login-throttle.entity';
import { SessionEntity } from 'src/auth/entities/session.entity';
import { CaseCounterEntity } from 'src/cases/entities/case-counter.entity';
import { CaseMemberEntity } from 'src/cases/entities/case-member.entity';
import { CaseEntity } from 'src/cases/entities/case.entity';
import { FileEntity } from 'src/files/entities/file.entity';
import { JobEntity } from 'src/jobs/entities/job.entity';
import { PersonEntity } from 'src/people/entities/person.entity';
import { ConsentVersionEntity } from 'src/testimonies/entities/consent-version.entity';
import { TestimonyEntity } from 'src/testimonies/entities/testimony.entity';
import { TranscriptEntity, TranscriptVersionEntity } from 'src/testimonies/entities/transcript.entity';
import { UserEntity } from 'src/users/entities/user.entity';

/** Every entity, listed once: the app, the worker, the CLI and migration generation use this. */
export const ALL_ENTITIES = [
  UserEntity,
  SessionEntity,
  LoginThrottleEntity,
  AuditEntryEntity,
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
];
