import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ILike } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { SessionsService } from 'src/auth/sessions.service';
import { isUniqueViolation } from 'src/common/errors/database-errors';
import { DomainException, NotFoundDomainException, VersionConflictException } from 'src/common/errors/domain.exception';
import { passwordProblems } from 'src/common/crypto/password-policy';
import { hashPassword } from 'src/common/crypto/passwords';
import type { Page } from 'src/common/http/pagination';
import type { CreateUserDto, ListUsersQueryDto, SetUserPasswordDto, UpdateUserDto } from 'src/users/dto/user.dto';
import { UserEntity } from 'src/users/entities/user.entity';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The password policy (password-policy.ts), wherever a password is set: 400 naming the field (`password` unless told). */
export function assertPasswordAcceptable(password: string, owner: { email: string; displayName: string }, field = 'password'): void {
  const problems = passwordProblems(password, owner);
  if (problems.length) throw new DomainException('VALIDATION_FAILED', `Validation failed: ${field}: ${problems.join(', ')}`, [{ field, problems }]);
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  async create(input: CreateUserDto, actorId: string | null): Promise<UserEntity> {
    const email = normaliseEmail(input.email);
    assertPasswordAcceptable(input.password, { email, displayName: input.displayName.trim() });
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      const taken = () => new DomainException('CONFLICT', 'A user with this email already exists', [{ field: 'email', problems: ['is already in use'] }]);
      if (await manager.exists(UserEntity, { where: { email } })) throw taken();
      // Two requests for the same e-mail at once: the unique index decides, the loser gets the same 409.
      const user = await manager.save(manager.create(UserEntity, { email, displayName: input.displayName.trim(), role: input.role, passwordHash, disabledAt: null })).catch((error: unknown) => {
        throw isUniqueViolation(error, 'users_email_unique') ? taken() : error;
      });
      await this.audit.record(manager, { actorId, action: 'user.create', subjectType: 'user', subjectId: user.id, details: { role: user.role } });
      return user;
    });
  }

  async list(query: ListUsersQueryDto): Promise<Page<UserEntity>> {
    const role = query.role ? { role: query.role } : {};
    const q = query.q?.trim();
    const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
    const [items, total] = await this.dataSource.getRepository(UserEntity).findAndCount({
      where: pattern ? [{ ...role, email: ILike(pattern) }, { ...role, displayName: ILike(pattern) }] : role,
      order: { createdAt: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id } });
    if (!user) throw new NotFoundDomainException('User');
    return user;
  }

  /**
   * An admin sets a new password for another user (under the policy); every session of the user is
   * revoked, so they sign in again with it. Admins change their own with POST /auth/password.
   */
  async setPassword(id: string, input: SetUserPasswordDto, actorId: string): Promise<UserEntity> {
    if (id === actorId) throw new DomainException('UNPROCESSABLE', 'Change your own password with POST /auth/password, which asks for the current one');
    const owner = await this.get(id);
    assertPasswordAcceptable(input.newPassword, owner, 'newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundDomainException('User');
      if (user.version !== input.version) throw new VersionConflictException('User', input.version, user.version);
      user.passwordHash = passwordHash;
      const saved = await manager.save(user);
      const sessionsRevoked = await this.sessions.revokeAllForUser(manager, id);
      await this.audit.record(manager, { actorId, action: 'user.password_reset', subjectType: 'user', subjectId: id, details: { sessionsRevoked } });
      return saved;
    });
  }

  async update(id: string, input: UpdateUserDto, actorId: string): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundDomainException('User');
      if (user.version !== input.version) throw new VersionConflictException('User', input.version, user.version);
      const changed: string[] = [];
      if (input.displayName !== undefined && input.displayName !== user.displayName) { user.displayName = input.displayName.trim(); changed.push('displayName'); }
      if (input.role !== undefined && input.role !== user.role) { user.role = input.role; changed.push('role'); }
      if (input.disabled !== undefined && input.disabled !== (user.disabledAt !== null)) {
        if (input.disabled && id === actorId) throw new DomainException('UNPROCESSABLE', 'You cannot disable your own account');
        user.disabledAt = input.disabled ? new Date() : null;
        changed.push('disabled');
        if (input.disabled) await this.sessions.revokeAllForUser(manager, id);
      }
      if (changed.length === 0) return user;
      const saved = await manager.save(user);
      await this.audit.record(manager, { actorId, action: 'user.update', subjectType: 'user', subjectId: id, details: { changed, role: saved.role } });
      return saved;
    });
  }
}
