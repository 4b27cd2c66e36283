import type { TestimonyOutcome } from 'src/exports/export-policy';

// Consent reaches what analysts derived from testimonies: incidents, people codes and free text.
// Pure functions: the selection gathers facts from the database and applies these.

/**
 * An incident rests on its sources (testimonies). With no source it is the analysts' own record
 * (documents, open sources) and goes out. When every source is left out it is left out too; when
 * some are, it goes out with its structured facts but without its narrative, which may retell
 * what the excluded witness said.
 */
export type IncidentOutcome = { include: true; narrative: boolean } | { include: false; reason: 'all_sources_excluded' };

export function decideIncident(sourceTestimonyIds: readonly string[], testimonies: ReadonlyMap<string, TestimonyOutcome>): IncidentOutcome {
  if (!sourceTestimonyIds.length) return { include: true, narrative: true };
  const kept = sourceTestimonyIds.filter((id) => testimonies.get(id)?.include === true);
  if (!kept.length) return { include: false, reason: 'all_sources_excluded' };
  return { include: true, narrative: kept.length === sourceTestimonyIds.length };
}

/**
 * People whose consent keeps them out of this package: the interviewee of testimonies that are all
 * left out, at least one of them because of the consent (refused purpose, withdrawal, death-penalty
 * condition, no consent). A testimony left out only for lack of an approved redaction is not the
 * witness's choice, so it does not withhold the person. Returns code → the consent reason.
 */
export function withheldPeople(testimonies: ReadonlyArray<{ id: string; code: string }>, outcomes: ReadonlyMap<string, TestimonyOutcome>): Map<string, string> {
  const byCode = new Map<string, TestimonyOutcome[]>();
  for (const t of testimonies) {
    const outcome = outcomes.get(t.id);
    if (outcome) byCode.set(t.code, [...(byCode.get(t.code) ?? []), outcome]);
  }
  const withheld = new Map<string, string>();
  for (const [code, list] of byCode) {
    if (list.some((o) => o.include)) continue;
    const consent = list.find((o) => !o.include && o.reason !== 'no_approved_redaction');
    if (consent && !consent.include) withheld.set(code, consent.reason);
  }
  return withheld;
}

/** What a withheld person's code becomes in free text. */
export const WITHHELD_TOKEN = '[withheld]';

/**
 * Replaces every mention of the given people codes (`W-0001`, `[W-0001]`) in free text by
 * `[withheld]`. `W-00012` or `XW-0001` are other tokens and stay.
 */
export function codeScrubber(codes: Iterable<string>): (text: string | null) => string | null {
  const list = [...codes].sort((a, b) => b.length - a.length).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!list.length) return (text) => text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_-])\\[?(?:${list.join('|')})(?![\\p{N}])\\]?`, 'gu');
  return (text) => (text === null || text === undefined ? text : text.replace(pattern, WITHHELD_TOKEN));
}

/** People codes as the redaction engine and analysts write them (S-0001, W-0012, …). */
export const PEOPLE_CODE_PATTERN = '[SWVPO]-[0-9]{4,}';

export interface PersonRow { code: string; kind: string }

export type PersonOutcome = { include: true } | { include: false; reason: string };

/**
 * `people.json` lists only people the included material refers to, and never a withheld person.
 * `referred` holds the codes of interviewees of included testimonies, victims of included
 * incidents, individual perpetrators, and codes mentioned in included texts.
 */
export function decidePerson(code: string, referred: ReadonlySet<string>, withheld: ReadonlyMap<string, string>): PersonOutcome {
  const reason = withheld.get(code);
  if (reason) return { include: false, reason };
  if (!referred.has(code)) return { include: false, reason: 'not_referred' };
  return { include: true };
}
