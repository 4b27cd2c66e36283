import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ApiErrors } from 'src/common/openapi/api-doc';
import type { UserRole } from 'src/users/entities/user.entity';

export const ACCESS_POLICY = 'sillok:access-policy';
export const CASE_ADMINISTRATION = 'sillok:case-administration';
export const ALLOW_DURING_ENROLMENT = 'sillok:allow-during-enrolment';

/**
 * What a route requires. Every route must declare one; the guard refuses routes that do not
 * (deny by default). Case-scoped routes add a membership check in their service, by case id.
 */
export type AccessPolicy = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: UserRole[] };

/** Deliberately open to anonymous callers: health, login, API docs. Keep this list short. */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/** Any signed-in user; finer checks (case membership) happen in the service. */
export const Authenticated = () =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'authenticated' } satisfies AccessPolicy),
    ApiBearerAuth(),
    ApiErrors(401),
  );

/** Only users whose global role is one of these. */
export const Roles = (...roles: UserRole[]) =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'roles', roles } satisfies AccessPolicy),
    ApiBearerAuth(),
    ApiErrors(401, 403),
  );

/**
 * On a route under /cases/:caseId, lets a global admin through the guard's membership check:
 * membership administration only. The service still decides what the admin may do.
 */
export const CaseAdministration = () => SetMetadata(CASE_ADMINISTRATION, true);

/**
 * Also open to a session that the two-factor policy restricts until the user enrols: enrolment,
 * GET /auth/me and signing out. Everything else answers 403 SECOND_FACTOR_ENROLMENT_REQUIRED.
 */
export const AllowDuringEnrolment = () => SetMetadata(ALLOW_DURING_ENROLMENT, true);

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  const user = ctx.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
  if (!user) throw new Error('CurrentUser used on a route without authentication');
  return user;
});
