import type { CaseRole } from 'src/cases/entities/case-member.entity';
import type { JsonObject } from 'src/common/json';
import type { UserRole } from 'src/users/entities/user.entity';

/**
 * Case membership history, read from the audit log: every membership change is already written
 * there in the same transaction as the change, hash-chained and append-only, so the history a
 * lead reads is the tamper-evident record itself (no second copy that could disagree with it)
 * and reaches back to the case's creation. This file says what those entries hold and how to
 * read them back, including entries written before these details existed.
 */

export const MEMBERSHIP_ACTIONS = {
  caseCreated: 'case.create',
  added: 'case.member_add',
  changed: 'case.member_update',
  removed: 'case.member_remove',
  /** Any add or change that gives identity clearance to someone who did not have it. */
  clearanceGranted: 'case.member.clearance_granted',
} as const;

/** Every audit action that belongs in the membership history (the partial index lists the same). */
export const MEMBERSHIP_HISTORY_ACTIONS: readonly string[] = Object.values(MEMBERSHIP_ACTIONS);

export interface MembershipState {
  role: CaseRole;
  /** null only in entries written before the clearance of a removed member was recorded. */
  identityClearance: boolean | null;
}

export type MembershipChange = 'added' | 'changed' | 'removed';

export interface MembershipChangeActor {
  /** The actor's global role. */
  role: UserRole;
  /** Whether the actor was a member of the case when making the change. */
  wasMember: boolean;
}

export function grantsClearance(before: MembershipState | null, after: MembershipState | null): boolean {
  return after?.identityClearance === true && before?.identityClearance !== true;
}

/**
 * The audit entry for a membership change. A change that grants identity clearance gets its own
 * action, so it can be found (and alerted on) by action alone; the details say whether a global
 * admin made it from outside the case (an admin adding themselves is exactly that).
 */
export function membershipAuditEntry(before: MembershipState | null, after: MembershipState | null, actor: MembershipChangeActor): { action: string; details: JsonObject } {
  const change: MembershipChange = !before ? 'added' : after ? 'changed' : 'removed';
  const action = grantsClearance(before, after) ? MEMBERSHIP_ACTIONS.clearanceGranted : MEMBERSHIP_ACTIONS[change];
  const details: JsonObject = {
    change,
    before: before ? { ...before } : null,
    after: after ? { ...after } : null,
    actorGlobalRole: actor.role,
    actorWasMember: actor.wasMember,
    adminOutsideCase: actor.role === 'admin' && !actor.wasMember,
  };
  return { action, details };
}

export interface MembershipAuditRow {
  seq: string;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  subjectId: string | null;
  details: JsonObject;
}

export interface MembershipEvent {
  seq: string;
  occurredAt: Date;
  /** Whose membership changed. */
  userId: string;
  change: MembershipChange;
  before: MembershipState | null;
  after: MembershipState | null;
  clearanceGranted: boolean;
  actorId: string | null;
  /** null in entries written before these were recorded. */
  actorGlobalRole: UserRole | null;
  adminOutsideCase: boolean | null;
}

export type MembershipEventWithNames = MembershipEvent & { userDisplayName: string | null; actorDisplayName: string | null };

/**
 * The SQL condition selecting membership entries; the same text is the predicate of the partial
 * index audit_log_membership_idx, so the planner uses it. Our own constants, not input.
 */
export const MEMBERSHIP_ACTIONS_SQL = `action IN (${MEMBERSHIP_HISTORY_ACTIONS.map((a) => `'${a}'`).join(', ')})`;

/** Whose membership an entry is about: the creator for case.create, else the subject user. */
export function membershipSubject(row: Pick<MembershipAuditRow, 'action' | 'actorId' | 'subjectId'>): string | null {
  return row.action === MEMBERSHIP_ACTIONS.caseCreated ? row.actorId : row.subjectId;
}

const state = (value: unknown): MembershipState | null => {
  if (!value || typeof value !== 'object') return null;
  const v = value as { role?: unknown; identityClearance?: unknown };
  return typeof v.role === 'string' ? { role: v.role as CaseRole, identityClearance: typeof v.identityClearance === 'boolean' ? v.identityClearance : null } : null;
};

/** Reads one audit entry back as a membership event (null when it is not one). */
export function membershipEventFromAudit(row: MembershipAuditRow): MembershipEvent | null {
  const userId = membershipSubject(row);
  if (!userId || !MEMBERSHIP_HISTORY_ACTIONS.includes(row.action)) return null;
  const common = { seq: row.seq, occurredAt: row.occurredAt, userId, actorId: row.actorId };
  const d = row.details ?? {};
  if (row.action === MEMBERSHIP_ACTIONS.caseCreated) {
    // The creator becomes the case's lead with identity clearance.
    const after: MembershipState = { role: 'lead', identityClearance: true };
    return { ...common, change: 'added', before: null, after, clearanceGranted: true, actorGlobalRole: null, adminOutsideCase: false };
  }
  if (typeof d.change === 'string') {
    const before = state(d.before);
    const after = state(d.after);
    return {
      ...common,
      change: d.change as MembershipChange,
      before,
      after,
      clearanceGranted: grantsClearance(before, after),
      actorGlobalRole: typeof d.actorGlobalRole === 'string' ? (d.actorGlobalRole as UserRole) : null,
      adminOutsideCase: typeof d.adminOutsideCase === 'boolean' ? d.adminOutsideCase : null,
    };
  }
  // Earlier entries: add/update held { role, identityClearance, before? }; remove held { role }.
  const legacy = { actorGlobalRole: null, adminOutsideCase: null };
  if (row.action === MEMBERSHIP_ACTIONS.removed) {
    return { ...common, ...legacy, change: 'removed', before: state(d), after: null, clearanceGranted: false };
  }
  const before = state(d.before);
  const after = state(d);
  return { ...common, ...legacy, change: row.action === MEMBERSHIP_ACTIONS.added ? 'added' : 'changed', before, after, clearanceGranted: grantsClearance(before, after) };
}
