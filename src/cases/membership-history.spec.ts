import { grantsClearance, MEMBERSHIP_ACTIONS, MEMBERSHIP_ACTIONS_SQL, membershipAuditEntry, membershipEventFromAudit } from 'src/cases/membership-history';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const at = new Date('2026-01-02T03:04:05.000Z');
const row = (action: string, details: Record<string, unknown>, subjectId: string | null = 'user-1', actorId: string | null = 'actor-1') => ({ seq: '7', occurredAt: at, actorId, action, subjectId, details: details as never });

describe('membership audit entries', () => {
  it('gives a grant of identity clearance its own action, whether by adding or changing', () => {
    const admin = { role: 'admin' as const, wasMember: false };
    const added = membershipAuditEntry(null, { role: 'observer', identityClearance: true }, admin);
    expect(added.action).toBe(MEMBERSHIP_ACTIONS.clearanceGranted);
    expect(added.details).toEqual({ change: 'added', before: null, after: { role: 'observer', identityClearance: true }, actorGlobalRole: 'admin', actorWasMember: false, adminOutsideCase: true });
    const changed = membershipAuditEntry({ role: 'analyst', identityClearance: false }, { role: 'analyst', identityClearance: true }, { role: 'investigator', wasMember: true });
    expect(changed.action).toBe(MEMBERSHIP_ACTIONS.clearanceGranted);
    expect(changed.details).toMatchObject({ change: 'changed', adminOutsideCase: false });
  });

  it('keeps the plain actions for everything else', () => {
    const lead = { role: 'investigator' as const, wasMember: true };
    expect(membershipAuditEntry(null, { role: 'observer', identityClearance: false }, lead).action).toBe('case.member_add');
    expect(membershipAuditEntry({ role: 'observer', identityClearance: true }, { role: 'lead', identityClearance: true }, lead).action).toBe('case.member_update');
    expect(membershipAuditEntry({ role: 'observer', identityClearance: true }, { role: 'observer', identityClearance: false }, lead).action).toBe('case.member_update');
    expect(membershipAuditEntry({ role: 'observer', identityClearance: true }, null, lead)).toMatchObject({ action: 'case.member_remove', details: { change: 'removed', after: null } });
    // An admin who is a member acts from inside the case.
    expect(membershipAuditEntry(null, { role: 'observer', identityClearance: false }, { role: 'admin', wasMember: true }).details.adminOutsideCase).toBe(false);
  });

  it('grantsClearance only when clearance goes from absent or false to true', () => {
    expect(grantsClearance(null, { role: 'lead', identityClearance: true })).toBe(true);
    expect(grantsClearance({ role: 'lead', identityClearance: true }, { role: 'lead', identityClearance: true })).toBe(false);
    expect(grantsClearance({ role: 'lead', identityClearance: true }, null)).toBe(false);
  });
});

describe('reading membership events back from the audit log', () => {
  it('reads the entries written now', () => {
    const { action, details } = membershipAuditEntry({ role: 'analyst', identityClearance: false }, { role: 'analyst', identityClearance: true }, { role: 'admin', wasMember: false });
    expect(membershipEventFromAudit(row(action, details))).toEqual({
      seq: '7', occurredAt: at, userId: 'user-1', actorId: 'actor-1', change: 'changed',
      before: { role: 'analyst', identityClearance: false }, after: { role: 'analyst', identityClearance: true },
      clearanceGranted: true, actorGlobalRole: 'admin', adminOutsideCase: true,
    });
  });

  it('reads case.create as the creator added as lead with clearance', () => {
    expect(membershipEventFromAudit(row('case.create', {}, 'case-1', 'creator-1'))).toMatchObject({ userId: 'creator-1', change: 'added', before: null, after: { role: 'lead', identityClearance: true }, clearanceGranted: true });
  });

  it('reads entries written before these details existed', () => {
    expect(membershipEventFromAudit(row('case.member_add', { role: 'reviewer', identityClearance: true }))).toMatchObject({ change: 'added', before: null, after: { role: 'reviewer', identityClearance: true }, clearanceGranted: true, actorGlobalRole: null, adminOutsideCase: null });
    expect(membershipEventFromAudit(row('case.member_update', { role: 'lead', identityClearance: true, before: { role: 'lead', identityClearance: false } }))).toMatchObject({ change: 'changed', clearanceGranted: true });
    expect(membershipEventFromAudit(row('case.member_remove', { role: 'observer' }))).toMatchObject({ change: 'removed', before: { role: 'observer', identityClearance: null }, after: null, clearanceGranted: false });
  });

  it('ignores other entries', () => {
    expect(membershipEventFromAudit(row('person.identity_read', { code: 'W-0001' }))).toBeNull();
    expect(membershipEventFromAudit(row('case.member_add', {}, null))).toBeNull();
  });

  it('selects exactly the actions the partial index was built for', () => {
    const migration = readFileSync(join(__dirname, '..', '..', 'migrations', '1795379000001-MembershipHistoryIndex.ts'), 'utf8');
    expect(migration).toContain(`WHERE ${MEMBERSHIP_ACTIONS_SQL}`);
  });
});
