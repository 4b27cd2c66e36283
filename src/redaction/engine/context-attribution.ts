/**
 * Attribution of ambiguous spans from the rest of the same text.
 *
 * When several registered people share a variant (two witnesses called 영철 mentioned by given name
 * alone), the span carries all their refs in `candidateRefs` and no `ref`. If exactly one of those
 * refs is also named unambiguously somewhere in the same text (`김영철은 … 영철씨가 …`), the span is
 * attributed to it (`ref` set, `refFromContext` true, `candidateRefs` kept). Otherwise it stays
 * unattributed, and a pseudonym profile shows the category label rather than guess a code.
 */
import { SURNAME_RULE } from 'src/redaction/engine/name-variants';
import { DetectedSpan, makeSpan } from 'src/redaction/engine/types';

export function attributeByContext(spans: DetectedSpan[]): DetectedSpan[] {
  let ambiguous = false;
  for (const s of spans) {
    if (s.candidateRefs !== undefined && s.ref === undefined) {
      ambiguous = true;
      break;
    }
  }
  if (!ambiguous) return spans;
  const named = new Map<string, Set<string>>();
  for (const s of spans) {
    if (s.ref === undefined || s.refFromContext) continue;
    const set = named.get(s.category) ?? new Set<string>();
    set.add(s.ref);
    named.set(s.category, set);
  }
  return spans.map((s) => {
    // A surname shared by several registered people (`김 씨`) is not guessed from a full name elsewhere.
    if (s.ref !== undefined || !s.candidateRefs || s.rule === SURNAME_RULE) return s;
    const known = named.get(s.category);
    if (!known) return s;
    let found: string | undefined;
    let count = 0;
    for (const r of s.candidateRefs) {
      if (known.has(r)) {
        found = r;
        count++;
      }
    }
    if (count !== 1) return s;
    const attributed = makeSpan(s.start, s.end, s.category, s.rule, found);
    attributed.candidateRefs = s.candidateRefs;
    attributed.refFromContext = true;
    attributed.partial = s.partial;
    return attributed;
  });
}
