import type { CaseRole } from 'src/cases/entities/case-member.entity';
import { TESTIMONY_STATUSES, type TestimonyStatus } from 'src/testimonies/entities/testimony.entity';

/**
 * draft → transcribed → redacted → reviewed, one step at a time. Going back (re-opening after
 * a new transcript version, say) is allowed to any earlier status, by a lead only once reviewed.
 */
export function statusChangeProblem(from: TestimonyStatus, to: TestimonyStatus, role: CaseRole): string | null {
  const a = TESTIMONY_STATUSES.indexOf(from);
  const b = TESTIMONY_STATUSES.indexOf(to);
  if (a === b) return `the testimony is already ${to}`;
  if (b > a + 1) return `cannot go from ${from} to ${to}: statuses advance one step at a time (${TESTIMONY_STATUSES.join(' → ')})`;
  if (b < a && from === 'reviewed' && role !== 'lead') return 'only a case lead can re-open a reviewed testimony';
  return null;
}
