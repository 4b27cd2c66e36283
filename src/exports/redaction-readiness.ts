/**
 * Is every transcript that would go in an export redacted and approved at its latest version?
 * Pure: the builder gathers the states, this decides.
 *
 * A transcript that was approved for the profile at some time but whose latest version has no
 * approved redaction now (a new version was written, or the registry changed, and the re-run
 * awaits review) would otherwise be left out silently: the export is NOT ready, and the build
 * fails naming what waits for whom, so nobody is told "ready" for a package that quietly lost a
 * translation. A transcript never approved for the profile is left out with the reason
 * `no_approved_redaction`, as before (nothing that went before goes missing).
 */
export interface TranscriptRedactionState {
  transcriptId: string;
  testimonyId: string;
  kind: string;
  language: string;
  version: number;
  /** An approved redaction of the latest version under the profile. */
  approvedNow: boolean;
  /** Any redaction of any version of this transcript under the profile was approved at some time. */
  approvedBefore: boolean;
  /** Status of the newest redaction of the latest version under the profile; null: none yet. */
  latestStatus: string | null;
}

export function pendingRedactions(states: readonly TranscriptRedactionState[], consentAllows: (testimonyId: string) => boolean): TranscriptRedactionState[] {
  return states.filter((s) => !s.approvedNow && s.approvedBefore && consentAllows(s.testimonyId));
}

const WAITING: Record<string, string> = {
  proposed: 'proposed, awaiting review',
  returned: 'sent back by a reviewer',
  stale: 'stale, to be run again',
};

/** The export's error: short (it is stored and shown), naming each transcript by code, never by content. */
export function notReadyMessage(pending: readonly TranscriptRedactionState[], codeOf: (testimonyId: string) => string, profile: string, shown = 4): string {
  const list = pending.slice(0, shown).map((p) => `${codeOf(p.testimonyId)} ${p.kind} (${p.language}) v${p.version}: ${p.latestStatus ? (WAITING[p.latestStatus] ?? p.latestStatus) : 'redaction not run yet'}`);
  const more = pending.length > shown ? `; and ${pending.length - shown} more` : '';
  return `Not ready: ${pending.length} transcript(s) changed since their redaction under profile ${profile} was approved and would be left out: ${list.join('; ')}${more}. Approve the new redaction (or run it), then export again.`;
}
