import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { SessionsService } from 'src/auth/sessions.service';
import { ACCESS_POLICY, AccessPolicy, ALLOW_DURING_ENROLMENT, CASE_ADMINISTRATION } from 'src/common/auth/access.decorators';
import { CaseAccessService } from 'src/cases/case-access.service';
import { csrfSatisfied, sessionCookieToken } from 'src/common/auth/session-cookie';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, NotFoundDomainException } from 'src/common/errors/domain.exception';
import { ROOT_LOGGER } from 'src/common/logging/logger';

/**
 * Global guard: resolves the session (a bearer token, or else the browser's session cookie) and
 * enforces the route's declared access policy.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly caseAccess: CaseAccessService,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    if (!policy) {
      this.logger.error({ handler: `${context.getClass().name}.${context.getHandler().name}` }, 'route declares no access policy; refused');
      throw new DomainException('FORBIDDEN', 'This route declares no access policy and is refused');
    }
    if (policy.kind === 'public') return true;

    const req = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    // An Authorization header always wins; the cookie is used only when there is none.
    const fromCookie = req.headers.authorization === undefined ? sessionCookieToken(req) : null;
    const token = fromCookie ?? bearerToken(req.headers.authorization);
    if (!token) throw new DomainException('UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <token>');
    if (fromCookie && !csrfSatisfied(req)) {
      throw new DomainException('CSRF_HEADER_MISSING', 'A change made with the session cookie needs the header X-Sillok-CSRF: 1');
    }
    const user = await this.sessions.authenticate(token);
    if (!user) throw new DomainException('UNAUTHENTICATED', 'The token is invalid, expired or revoked; sign in again');
    req.user = user;
    if (user.secondFactorEnrolmentRequired && !this.reflector.getAllAndOverride<boolean>(ALLOW_DURING_ENROLMENT, [context.getHandler(), context.getClass()])) {
      throw new DomainException('SECOND_FACTOR_ENROLMENT_REQUIRED', 'Two-factor sign-in is required for your account: enrol (POST /auth/2fa/enrol, then POST /auth/2fa/confirm), or if it is already on, sign in again with your code');
    }

    if (policy.kind === 'roles' && !policy.roles.includes(user.role)) {
      throw new DomainException('FORBIDDEN', `This action needs one of the roles: ${policy.roles.join(', ')}`);
    }
    // Every route under /cases/:caseId is for members only, checked before the body is even
    // validated, so a non-member learns nothing: the same 404 as for a case that does not exist.
    const caseId = (req.params as Record<string, string | undefined>).caseId;
    if (caseId !== undefined) {
      const adminBypass = user.role === 'admin' && this.reflector.getAllAndOverride<boolean>(CASE_ADMINISTRATION, [context.getHandler(), context.getClass()]);
      if (!adminBypass && !(await this.caseAccess.membership(caseId, user))) throw new NotFoundDomainException('Case');
    }
    return true;
  }
}

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}
