/**
 * Deterministic overlap resolution.
 *
 * 1. Candidates with the same start, end and category are merged. The rule kept is the first in
 *    code-unit order; their refs are pooled: one distinct ref → `ref`; several (homonyms, e.g. two
 *    registered people whose names share a variant) → no `ref` but `candidateRefs`, sorted.
 * 2. The merged candidates are taken in this fixed order: longer first; then by category priority
 *    (person, national-id, phone, email, handle, date-of-birth, coordinates, place, custom — see
 *    CATEGORY_PRIORITY); then earlier start; then rule, then ref, in code-unit order.
 * 3. A candidate that overlaps nothing taken so far is taken. One that lies entirely within taken
 *    spans is dropped. One that overlaps partially is cut to its uncovered pieces, which go back
 *    into the queue (marked `partial`): nothing a detector found is ever left in clear because a
 *    longer neighbour won.
 * The result is sorted by start and contains no overlapping spans.
 */
import * as types from 'src/redaction/engine/types';
import type { DetectedSpan } from 'src/redaction/engine/types';

// Local bindings: imports compiled to CommonJS are property reads on every use.
const { CATEGORY_PRIORITY, makeSpan } = types;

function cmpStr(x: string | undefined, y: string | undefined): number {
  const a = x ?? '';
  const b = y ?? '';
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The fixed precedence order of step 2: negative when `a` wins over `b`. */
export function comparePrecedence(a: DetectedSpan, b: DetectedSpan): number {
  return (
    b.end - b.start - (a.end - a.start) ||
    CATEGORY_PRIORITY[a.category] - CATEGORY_PRIORITY[b.category] ||
    a.start - b.start ||
    cmpStr(a.rule, b.rule) ||
    cmpStr(a.ref, b.ref) ||
    (a.partial ? 1 : 0) - (b.partial ? 1 : 0)
  );
}

const CATEGORY_INDEX = new Map(Object.keys(CATEGORY_PRIORITY).map((c, i) => [c, i]));

/** Step 1: merges candidates with identical start, end and category. */
export function mergeIdentical(candidates: readonly DetectedSpan[]): DetectedSpan[] {
  // Numeric keys: start, length and category packed into one double (exact below 2^53).
  const groups = new Map<number, { span: DetectedSpan; refs: string[] }>();
  for (const c of candidates) {
    if (!(c.end > c.start)) continue;
    const key = (c.start * 0x100000 + (c.end - c.start)) * 16 + (CATEGORY_INDEX.get(c.category) ?? 15);
    const g = groups.get(key);
    if (!g) {
      const refs = c.candidateRefs ? [...c.candidateRefs] : [];
      if (c.ref !== undefined) refs.push(c.ref);
      groups.set(key, { span: makeSpan(c.start, c.end, c.category, c.rule), refs });
      continue;
    }
    if (cmpStr(c.rule, g.span.rule) < 0) g.span.rule = c.rule;
    if (c.ref !== undefined) g.refs.push(c.ref);
    for (const r of c.candidateRefs ?? []) g.refs.push(r);
  }
  const out: DetectedSpan[] = [];
  for (const { span, refs } of groups.values()) {
    if (refs.length > 0) {
      const sorted = [...new Set(refs)].sort(cmpStr);
      if (sorted.length === 1) span.ref = sorted[0];
      else span.candidateRefs = sorted;
    }
    out.push(span);
  }
  return out;
}

/** Minimal binary heap ordered by comparePrecedence. */
class SpanHeap {
  private readonly items: DetectedSpan[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): DetectedSpan | undefined {
    return this.items[0];
  }
  push(x: DetectedSpan): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (comparePrecedence(a[i], a[parent]) >= 0) break;
      [a[i], a[parent]] = [a[parent], a[i]];
      i = parent;
    }
  }
  pop(): DetectedSpan | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop() as DetectedSpan;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && comparePrecedence(a[l], a[m]) < 0) m = l;
        if (r < a.length && comparePrecedence(a[r], a[m]) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

/** Merges valid[i..j) (identical start, end, category) into one span. */
function mergeRun(valid: DetectedSpan[], i: number, j: number): DetectedSpan {
  return mergeIdentical(valid.slice(i, j))[0];
}

/** Resolves overlapping candidates over a text of `textLength` code units (see the module comment). */
export function resolveOverlaps(candidates: readonly DetectedSpan[], textLength: number): DetectedSpan[] {
  const valid: DetectedSpan[] = [];
  for (const c of candidates) if (c.start >= 0 && c.end <= textLength && c.end > c.start) valid.push(c);
  valid.sort((a, b) => a.start - b.start || a.end - b.end || CATEGORY_PRIORITY[a.category] - CATEGORY_PRIORITY[b.category]);
  // Step 1 on neighbours (identical spans are adjacent after the sort).
  const merged: DetectedSpan[] = [];
  for (let i = 0; i < valid.length; ) {
    let j = i + 1;
    const a = valid[i];
    while (j < valid.length && valid[j].start === a.start && valid[j].end === a.end && valid[j].category === a.category) j++;
    merged.push(j === i + 1 ? a : mergeRun(valid, i, j));
    i = j;
  }
  const taken: DetectedSpan[] = [];
  // Sweep clusters of transitively overlapping spans; a span alone in its cluster is taken as is.
  let i = 0;
  while (i < merged.length) {
    let j = i + 1;
    let clusterEnd = merged[i].end;
    while (j < merged.length && merged[j].start < clusterEnd) {
      if (merged[j].end > clusterEnd) clusterEnd = merged[j].end;
      j++;
    }
    if (j === i + 1) taken.push(merged[i]);
    else for (const s of resolveCluster(merged.slice(i, j), merged[i].start, clusterEnd)) taken.push(s);
    i = j;
  }
  return taken;
}

/** Steps 2–3 for one cluster of overlapping candidates covering [from, to); the result sorted by start. */
function resolveCluster(cluster: DetectedSpan[], from: number, to: number): DetectedSpan[] {
  const taken: DetectedSpan[] = [];
  const sorted = cluster.sort(comparePrecedence);
  const heap = new SpanHeap();
  const covered = new Uint8Array(to - from);
  let next = 0;
  for (;;) {
    let c: DetectedSpan | undefined;
    const top = heap.peek();
    if (top && (next >= sorted.length || comparePrecedence(top, sorted[next]) < 0)) c = heap.pop();
    else if (next < sorted.length) c = sorted[next++];
    if (!c) break;
    let free = 0;
    for (let k = c.start; k < c.end; k++) if (covered[k - from] === 0) free++;
    if (free === 0) continue;
    if (free === c.end - c.start) {
      covered.fill(1, c.start - from, c.end - from);
      taken.push(c);
      continue;
    }
    let k = c.start;
    while (k < c.end) {
      while (k < c.end && covered[k - from] === 1) k++;
      const s = k;
      while (k < c.end && covered[k - from] === 0) k++;
      if (k > s) heap.push({ ...c, start: s, end: k, partial: true });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}
