import { isWeak } from 'src/evidence/matrix/assessment';

/**
 * The perpetrator × mode of liability × requirement view. Pure: the service loads the rows, this
 * decides which cells exist and what a gap is.
 *
 * - A row per accused individual with any evidence on a mode (a requirement link, or an evidence
 *   link to a crime element that names the individual and the mode).
 * - Under it every mode alleged for the individual, with **all** its requirements, linked or not,
 *   so a requirement nobody has evidence for shows as a gap.
 * - Per requirement: supporting / undermining / context links, reviewed and reviewed-strong
 *   supporting links, independent sources (distinct source keys among supporting links), and
 *   `gap`: `no_evidence` (nothing supports it), `not_reviewed` (support only proposed), or null.
 * - A requirement with alternatives is met by any one: its alternatives are counted separately.
 */
export type RequirementGap = 'no_evidence' | 'not_reviewed';

export interface ViewRequirement {
  id: string;
  modeId: string;
  code: string;
  number: number;
  alternatives: ReadonlyArray<{ letter: string }>;
}

export interface ViewLink {
  perpetratorId: string;
  modeId: string;
  requirementId: string;
  alternative: string | null;
  relation: 'supports' | 'undermines' | 'context';
  reviewed: boolean;
  probativeValue: number;
  sourceReliability: string;
  informationCredibility: number;
  sourceKey: string;
}

export interface RequirementCell {
  requirementId: string;
  code: string;
  supporting: { links: number; reviewed: number; reviewedStrong: number };
  undermining: number;
  context: number;
  independentSources: number;
  alternatives: Array<{ letter: string; supporting: number }>;
  gap: RequirementGap | null;
  contested: boolean;
}

export interface ModeCell {
  modeId: string;
  /** Requirements with a gap. */
  gaps: number;
  /** Evidence links to crime elements naming this individual and mode. */
  elementLinks: number;
  requirements: RequirementCell[];
}

export interface PerpetratorRow {
  perpetratorId: string;
  modes: ModeCell[];
}

export function liabilityRows(
  requirements: readonly ViewRequirement[],
  links: readonly ViewLink[],
  elementLinks: ReadonlyArray<{ perpetratorId: string; modeId: string; links: number }>,
  modeOrder: readonly string[],
): PerpetratorRow[] {
  const byMode = new Map<string, ViewRequirement[]>();
  for (const r of requirements) byMode.set(r.modeId, [...(byMode.get(r.modeId) ?? []), r]);
  const alleged = new Map<string, Set<string>>();
  const allege = (p: string, m: string) => alleged.set(p, (alleged.get(p) ?? new Set()).add(m));
  for (const l of links) allege(l.perpetratorId, l.modeId);
  for (const e of elementLinks) allege(e.perpetratorId, e.modeId);
  const rank = new Map(modeOrder.map((id, i) => [id, i]));

  return [...alleged.entries()].map(([perpetratorId, modes]) => ({
    perpetratorId,
    modes: [...modes].sort((a, b) => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9)).map((modeId) => {
      const cells = [...(byMode.get(modeId) ?? [])].sort((a, b) => a.number - b.number).map((req) => {
        const mine = links.filter((l) => l.perpetratorId === perpetratorId && l.requirementId === req.id);
        const supporting = mine.filter((l) => l.relation === 'supports');
        const reviewed = supporting.filter((l) => l.reviewed);
        const undermining = mine.filter((l) => l.relation === 'undermines').length;
        const cell: RequirementCell = {
          requirementId: req.id,
          code: req.code,
          supporting: { links: supporting.length, reviewed: reviewed.length, reviewedStrong: reviewed.filter((l) => !isWeak(l)).length },
          undermining,
          context: mine.filter((l) => l.relation === 'context').length,
          independentSources: new Set(supporting.map((l) => l.sourceKey)).size,
          alternatives: req.alternatives.map((a) => ({ letter: a.letter, supporting: supporting.filter((l) => l.alternative === a.letter).length })),
          gap: supporting.length === 0 ? 'no_evidence' : reviewed.length === 0 ? 'not_reviewed' : null,
          contested: undermining > 0,
        };
        return cell;
      });
      return {
        modeId,
        gaps: cells.filter((c) => c.gap !== null).length,
        elementLinks: elementLinks.filter((e) => e.perpetratorId === perpetratorId && e.modeId === modeId).reduce((n, e) => n + e.links, 0),
        requirements: cells,
      };
    }),
  }));
}

/**
 * The chain of command above an individual: for each position, its unit and the unit's parents,
 * nearest first. A cycle in the parent links (bad data) stops the walk.
 */
export function chainOfCommand(unitId: string, parents: ReadonlyMap<string, string | null>): string[] {
  const chain: string[] = [];
  let current: string | null | undefined = unitId;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = parents.get(current);
  }
  return chain;
}
