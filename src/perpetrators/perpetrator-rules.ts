import { datedValueProblem } from 'src/common/dates/dated-value';
import { periodEnd, periodStart } from 'src/incidents/incident-dates';
import { placeNameKeys } from 'src/places/place-names';

/** Pure rules for perpetrators, shared by the API and imports. */

/** Unit search keys: every name, alias and romanisation variant, spelling-tolerant like places. */
export function unitSearchKeys(name: string | null, nameHangul: string | null, aliases: readonly string[]): string[] {
  return placeNameKeys([name ?? '', nameHangul ?? '', ...aliases]);
}

/** Partial-date checks for a position's from–to. */
export function positionDatesProblem(from: string | undefined | null, to: string | undefined | null): { field: 'from' | 'to'; problem: string } | null {
  if (from) {
    const p = datedValueProblem(from, 'approximate');
    if (p) return { field: 'from', problem: p };
  }
  if (to) {
    const p = datedValueProblem(to, 'approximate');
    if (p) return { field: 'to', problem: p };
  }
  if (from && to && periodStart(from) > periodEnd(to)) return { field: 'to', problem: 'must not be before from' };
  return null;
}
