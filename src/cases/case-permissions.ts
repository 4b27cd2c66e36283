import type { CaseRole } from 'src/cases/entities/case-member.entity';

/** What a caller wants to do in a case. `identity` comes from the clearance flag, not the role. */
export type CasePermission = 'read' | 'record' | 'analyse' | 'review' | 'manage' | 'identity';

const ROLE_PERMISSIONS: Record<CaseRole, readonly CasePermission[]> = {
  lead: ['read', 'record', 'analyse', 'review', 'manage'],
  investigator: ['read', 'record', 'analyse'],
  analyst: ['read', 'analyse'],
  reviewer: ['read', 'review'],
  observer: ['read'],
};

export function memberMay(member: { role: CaseRole; identityClearance: boolean }, permission: CasePermission): boolean {
  if (permission === 'identity') return member.identityClearance;
  return ROLE_PERMISSIONS[member.role].includes(permission);
}
