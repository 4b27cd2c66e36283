import type { JsonObject } from 'src/common/json';
import { isCategory } from 'src/redaction/engine/types';

/**
 * What a member without identity clearance may see of a span log: where each replacement sits in
 * the redacted text (which they read anyway) and its category. Nothing that tells which
 * registered person a span belongs to or how it relates to them (`ref: W-0001.C1`, `personRef`,
 * `candidateRefs`, rule names), and no original offsets, whose differences give each hidden
 * name's length. A span the engine marked `ambiguous` keeps that flag (so every reviewer sees
 * which spans to check).
 */
export function genericSpanLog(spans: readonly JsonObject[]): JsonObject[] {
  return spans.map((s) => ({
    outputStart: Number(s.outputStart),
    outputEnd: Number(s.outputEnd),
    category: isCategory(s.category) ? s.category : 'custom',
    // Whether the engine was unsure (a reviewer should look twice): a flag, nothing about whom.
    ...(s.ambiguous === true ? { ambiguous: true } : {}),
  }));
}

/** A reviewer's changes without their original offsets: how many spans were removed and added. */
export function genericReviewChanges(changes: JsonObject): JsonObject {
  const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  return { removedCount: count(changes.removed), addedCount: count(changes.added) };
}
