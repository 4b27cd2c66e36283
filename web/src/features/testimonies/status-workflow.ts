import { TESTIMONY_STATUSES, type TestimonyStatus } from './queries';

export type CaseRole = 'lead' | 'investigator' | 'analyst' | 'reviewer' | 'observer';

export interface StatusAction {
  to: TestimonyStatus;
  direction: 'advance' | 'reopen';
  /** i18n key saying why the button is disabled, or null when it may be pressed. */
  blockedBy: string | null;
}

const RECORDERS: readonly CaseRole[] = ['lead', 'investigator'];
const REVIEWERS: readonly CaseRole[] = ['lead', 'reviewer'];

/**
 * The buttons of the workflow draft → transcribed → redacted → reviewed: the next step, and going
 * back one step; each says what stops it (the API enforces the same rules).
 */
export function statusActions(status: TestimonyStatus, role: CaseRole, transcripts: number): StatusAction[] {
  const i = TESTIMONY_STATUSES.indexOf(status);
  const actions: StatusAction[] = [];
  const next = TESTIMONY_STATUSES[i + 1];
  if (next) {
    let blockedBy: string | null = null;
    if (next === 'reviewed') blockedBy = REVIEWERS.includes(role) ? null : 'testimonies.workflow.blocked.reviewPermission';
    else if (!RECORDERS.includes(role)) blockedBy = 'testimonies.workflow.blocked.recordPermission';
    else if (next === 'transcribed' && transcripts === 0) blockedBy = 'testimonies.workflow.blocked.needsTranscript';
    actions.push({ to: next, direction: 'advance', blockedBy });
  }
  const previous = TESTIMONY_STATUSES[i - 1];
  if (previous) {
    let blockedBy: string | null = null;
    if (status === 'reviewed') blockedBy = role === 'lead' ? null : 'testimonies.workflow.blocked.leadReopens';
    else if (!RECORDERS.includes(role)) blockedBy = 'testimonies.workflow.blocked.recordPermission';
    actions.push({ to: previous, direction: 'reopen', blockedBy });
  }
  return actions;
}
