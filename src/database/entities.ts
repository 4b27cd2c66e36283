import { AuditEntryEntity } from 'src/audit/entities/audit-entry.entity';
import { LoginThrottleEntity } from 'src/auth/entities/login-throttle.entity';
import { SessionEntity } from 'src/auth/entities/session.entity';
import { JobEntity } from 'src/jobs/entities/job.entity';
import { UserEntity } from 'src/users/entities/user.entity';

/** Every entity, listed once: the app, the worker, the CLI and migration generation use this. */
export const ALL_ENTITIES = [UserEntity, SessionEntity, LoginThrottleEntity, AuditEntryEntity, JobEntity];
