import type { DisclosureDecision, DisclosureForm } from 'src/consent/policy/consent.types';
import type { ExcludedItem } from 'src/exports/entities/export.entity';
import type { RedactionProfile } from 'src/redaction/engine';

// Pure decisions of what goes into an export package. Kept free of I/O so they are unit-tested
// on their own; the builder only gathers inputs and applies them.

export type ExclusionReason =
  | DisclosureDecisionReason
  | 'no_approved_redaction'
  | 'source_testimony_excluded'
  | 'recording_identifies_witness'
  | 'source_item_excluded'
  | 'passage_transcript_not_exported'
  | 'all_sources_excluded';
type DisclosureDecisionReason = Extract<DisclosureDecision, { allowed: false }>['reason'];

export type TestimonyOutcome =
  | { include: true; form: DisclosureForm; consentVersion: number }
  | { include: false; reason: ExclusionReason };

/** 8 hex digits of a uuid: enough to quote back, never content. */
export const shortRef = (id: string): string => id.replace(/-/g, '').slice(0, 8);

export function parseDeathPenalty(value: string): boolean | 'unknown' {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return 'unknown';
}

/**
 * A testimony goes out only where its consent allows (the policy's answer for this recipient and
 * purpose) and only as an approved redaction of its original's latest version for the profile.
 */
export function decideTestimony(decision: DisclosureDecision, originalApproved: boolean): TestimonyOutcome {
  if (!decision.allowed) return { include: false, reason: decision.reason };
  if (!originalApproved) return { include: false, reason: 'no_approved_redaction' };
  return { include: true, form: decision.form, consentVersion: decision.consentVersion };
}

/** Profiles that take names out (label or remove) are de-identifying: a recording would undo them. */
export const profileDeidentifies = (profile: RedactionProfile): boolean => profile.actions.person === 'label' || profile.actions.person === 'remove';

export interface ItemFacts {
  id: string;
  code: string;
  kind: string;
  /** The testimony the item comes from: its own testimony_id, the source key `testimony:<id>` (working copies inherit it), or its file's testimony. */
  testimonyId: string | null;
  fileId: string | null;
  derivedFromId: string | null;
}

export type ItemOutcome = { include: true } | { include: false; reason: ExclusionReason };

/** The testimony an item comes from, by any of the three ways an item can name it. */
export function itemTestimony(item: { testimonyId: string | null; sourceKey: string; fileTestimonyId: string | null }): string | null {
  if (item.testimonyId) return item.testimonyId;
  if (item.sourceKey.startsWith('testimony:')) return item.sourceKey.slice('testimony:'.length);
  return item.fileTestimonyId;
}

/**
 * Evidence from an excluded testimony stays out. A testimony's own files (recordings, interview
 * documents) go out only when the consent allows the identified form and the profile does not
 * de-identify: a voice or a face identifies whatever the transcript hides.
 */
export function decideItem(item: ItemFacts, testimonies: ReadonlyMap<string, TestimonyOutcome>, deidentifying: boolean, excludedItems: ReadonlySet<string>): ItemOutcome {
  if (item.derivedFromId && excludedItems.has(item.derivedFromId)) return { include: false, reason: 'source_item_excluded' };
  if (item.testimonyId) {
    const t = testimonies.get(item.testimonyId);
    if (!t || !t.include) return { include: false, reason: 'source_testimony_excluded' };
    // A file that comes from a testimony (a recording, a scan of the interview notes).
    if (item.fileId && (t.form !== 'identified' || deidentifying)) return { include: false, reason: 'recording_identifies_witness' };
  }
  return { include: true };
}

export function excludedEntry(code: string, kind: string, id: string, reason: ExclusionReason): ExcludedItem {
  return { code, kind, ref: shortRef(id), reason };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

export interface ReportInput {
  exportId: string;
  caseRef: string;
  caseTitle: string;
  recipient: { kind: string; name: string; deathPenaltyJurisdiction: string };
  purpose: string;
  profile: string;
  framework: string | null;
  generatedAt: Date;
  keyFingerprint: string;
  counts: Record<string, number>;
  excluded: readonly ExcludedItem[];
  testimonies: ReadonlyArray<{ ref: string; code: string; form: string; transcripts: number }>;
  items: ReadonlyArray<{ code: string; kind: string; sha256: string | null }>;
  files: ReadonlyArray<{ path: string; sha256: string; size: number }>;
}

/** The human-readable summary that travels with the data; every value is escaped. */
export function renderReport(r: ReportInput): string {
  const rows = (cells: unknown[][]) => cells.map((c) => `<tr>${c.map((v) => `<td>${escapeHtml(v)}</td>`).join('')}</tr>`).join('\n');
  const table = (head: string[], body: unknown[][]) =>
    body.length ? `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>\n${rows(body)}\n</tbody></table>` : '<p>None.</p>';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Case-file export ${escapeHtml(r.exportId)}</title>
<style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:.2em .5em;text-align:left;font-size:90%}</style></head>
<body>
<h1>Case-file export</h1>
<table><tbody>
${rows([
  ['Export', r.exportId],
  ['Case', `${r.caseTitle} (${r.caseRef})`],
  ['Recipient', `${r.recipient.name} (${r.recipient.kind})`],
  ['Death-penalty jurisdiction', r.recipient.deathPenaltyJurisdiction],
  ['Purpose', r.purpose],
  ['Redaction profile', r.profile],
  ['Legal framework', r.framework ?? 'none (no matrix)'],
  ['Generated', r.generatedAt.toISOString()],
  ['Signing key fingerprint (SHA-256)', r.keyFingerprint],
])}
</tbody></table>
<p>Every testimony here was checked against the witness's consent for this recipient and purpose and is included only as its approved redaction for the profile above. Witness identities are never included: people appear by pseudonym code only. Items left out are listed by code and reason only.</p>
<h2>Summary</h2>
${table(['What', 'Count'], Object.entries(r.counts).map(([k, v]) => [k, v]))}
<h2>Left out</h2>
${table(['Code', 'Kind', 'Reference', 'Reason'], r.excluded.map((x) => [x.code, x.kind, x.ref, x.reason]))}
<h2>Testimonies included</h2>
${table(['Reference', 'Interviewee', 'Form', 'Transcripts'], r.testimonies.map((t) => [t.ref, t.code, t.form, t.transcripts]))}
<h2>Evidence items included</h2>
${table(['Code', 'Kind', 'SHA-256 at intake'], r.items.map((i) => [i.code, i.kind, i.sha256 ?? '']))}
<h2>Files included</h2>
${table(['Path', 'SHA-256', 'Bytes'], r.files.map((f) => [f.path, f.sha256, f.size]))}
<p>Check the package offline: <code>npm run verify -- &lt;package.zip&gt; --key &lt;sender public key&gt;</code>. The manifests list the SHA-256 and SHA-512 of every file; the signature over tagmanifest-sha256.txt covers them all.</p>
</body></html>
`;
}
