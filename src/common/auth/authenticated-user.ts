import type { UserRole } from 'src/users/entities/user.entity';

/** Who is calling: set on the request by the auth guard, passed to services as the actor. */
export interface AuthenticatedUser {
  id: string;
  role: UserRole;
  sessionId: string;
  /**
   * The two-factor policy applies to the user and this session has not proved a second factor:
   * only routes marked @AllowDuringEnrolment() answer.
   */
  secondFactorEnrolmentRequired?: boolean;
}
