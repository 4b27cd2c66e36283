/**
 * The case matrix: for one case and one framework version, every crime and element with the
 * evidence for and against, independent sources, the strongest item and the gaps; and the
 * perpetrator × mode-of-liability view. Pure: fed by a few aggregate queries, no I/O here.
 */
import { WEAKNESS_RULE } from 'src/evidence/matrix/assessment';
import { elementStatus, ELEMENT_STATUSES, type ElementStatus, type StandardOfProof, type StandardRule } from 'src/evidence/matrix/standards';

export type Relation = 'supports' | 'undermines' | 'context';
export type Gap = 'no_evidence' | 'only_unreviewed' | 'only_weak';
export const GAPS: readonly Gap[] = ['no_evidence', 'only_unreviewed', 'only_weak'];

// ----- inputs -------------------------------------------------------------------------------

export interface MatrixElementInput {
  id: string;
  code: string;
  number: number;
  kind: string;
  text: string;
  textKo: string | null;
  sharedRef: string | null;
  alternatives: ReadonlyArray<{ letter: string; code: string }>;
}

export interface MatrixCrimeInput {
  id: string;
  code: string;
  referenceId: string | null;
  groupKey: string;
  titleEn: string;
  titleKo: string | null;
  sortOrder: number;
  elements: readonly MatrixElementInput[];
}

export interface MatrixModeInput {
  id: string;
  code: string;
  titleEn: string;
  sortOrder: number;
}

export interface MatrixFrameworkInput {
  id: string;
  code: string;
  version: string;
  titleEn: string;
  status: string;
  groups: ReadonlyArray<{ key: string; sortOrder: number }>;
  crimes: readonly MatrixCrimeInput[];
  modes: readonly MatrixModeInput[];
}

/** Counts over a set of links (one relation). */
export interface LinkCounts {
  links: number;
  reviewed: number;
  /** Links that are not weak (see assessment.ts). */
  strong: number;
  reviewedStrong: number;
  /** Distinct independent sources among the links: witnesses + documents + physical items. */
  sources: number;
  /** Distinct people whose testimonies (passages or files) the links cite. */
  witnesses: number;
  /** Distinct document contents (SHA-256) the links cite; working copies count as their original. */
  documents: number;
  physicalItems: number;
  /** Distinct independent sources among the reviewed, not weak links. */
  reviewedStrongSources: number;
  reviewedStrongWitnesses: number;
}

/** Distinct sources among the links that qualify under a standard of proof (q1 … q3, see standards.ts). */
export type QualifyingCounts = Record<StandardRule['column'], { witnesses: number; others: number }>;

/**
 * One aggregate row: the links of one relation grouped by element, by element alternative
 * (`key` = `<elementId>:<letter>`) or by shared requirement (`key` = its code).
 */
export interface LinkAggregate extends LinkCounts {
  scope: 'element' | 'alternative' | 'shared';
  key: string;
  relation: Relation;
  qualifying: QualifyingCounts;
}

/** Which links the matrix counts; none: every link of the case for the framework version. */
export interface MatrixFilters {
  /** Links naming this perpetrator (one suspect). */
  perpetratorId?: string;
  /** Links tied to this incident. */
  incidentId?: string;
  /** Links tied to an incident that may have happened in the period (YYYY[-MM[-DD]]; dates with their precision). */
  from?: string;
  to?: string;
  /** Links tied to an incident at this place or any place inside it. */
  placeId?: string;
}

/** The strongest supporting link of an element (chosen by the query; see compareStrength). */
export interface StrongestInput {
  elementId: string;
  linkId: string;
  itemId: string;
  itemCode: string;
  itemKind: string;
  probativeValue: number;
  sourceReliability: string;
  informationCredibility: number;
  reviewed: boolean;
  weak: boolean;
}

export interface PerpetratorModeAggregate {
  perpetratorId: string;
  /** null: links to the perpetrator that name no mode of liability. */
  modeId: string | null;
  supporting: number;
  undermining: number;
  context: number;
  reviewedSupporting: number;
  crimeIds: readonly string[];
}

export interface MatrixInput {
  caseId: string;
  framework: MatrixFrameworkInput;
  aggregates: readonly LinkAggregate[];
  strongest: readonly StrongestInput[];
  perpetratorModes: readonly PerpetratorModeAggregate[];
  /** Display labels (institution name or pseudonym code); a missing one shows the id. */
  perpetratorLabels: ReadonlyMap<string, { label: string; kind: string | null }>;
  totals: { items: number; links: number; reviewedLinks: number; sources: number; witnesses: number; documents: number; physicalItems: number };
  generatedAt: Date;
  standard: StandardRule;
  /** Where the standard came from: the case's setting, or the request's what-if. */
  standardSource: 'case' | 'request' | 'default';
  filters: MatrixFilters;
  computedFrom: 'aggregates' | 'link_scan';
}

// ----- output -------------------------------------------------------------------------------

export interface StrongestItem {
  itemId: string;
  itemCode: string;
  itemKind: string;
  linkId: string;
  probativeValue: number;
  sourceReliability: string;
  informationCredibility: number;
  reviewed: boolean;
  weak: boolean;
}

export interface ElementRow {
  id: string;
  code: string;
  number: number;
  kind: string;
  /** The element's wording in English (our paraphrase). */
  text: string;
  textEn: string;
  /** Korean wording where translated; null otherwise (the seeded Rome Statute has none yet). */
  textKo: string | null;
  sharedRef: string | null;
  supporting: LinkCounts;
  undermining: LinkCounts;
  context: LinkCounts;
  /** Distinct independent sources among the supporting links. */
  independentSources: number;
  strongestItem: StrongestItem | null;
  /** For elements with lettered alternatives: the support of each (any one suffices). */
  alternatives: Array<{ letter: string; code: string; supporting: number; reviewedStrong: number }>;
  /**
   * For contextual elements with a shared requirement: the support linked to that requirement
   * through any crime of this framework version, which also counts for this element.
   */
  sharedSupport: { sharedRef: string; links: number; reviewedStrong: number; independentSources: number } | null;
  gap: Gap | null;
  /** A reviewed, not weak link undermines this element. */
  contested: boolean;
  /** Under the case's standard of proof: no_evidence, only_unreviewed, weak or supported. */
  status: ElementStatus;
  /** Distinct sources of the links that qualify under the standard (for contextual elements, through the shared requirement). */
  qualifyingWitnesses: number;
  qualifyingOtherSources: number;
}

export interface CrimeRow {
  id: string;
  code: string;
  referenceId: string | null;
  group: string;
  titleEn: string;
  titleKo: string | null;
  elements: ElementRow[];
  elementsWithGaps: number;
  /** Every element has reviewed, not weak support. */
  complete: boolean;
}

export interface PerpetratorCell {
  modeId: string | null;
  modeCode: string | null;
  supporting: number;
  undermining: number;
  context: number;
  reviewedSupporting: number;
  crimeCodes: string[];
}

export interface PerpetratorRow {
  perpetratorId: string;
  label: string;
  kind: string | null;
  cells: PerpetratorCell[];
}

export interface CaseMatrix {
  caseId: string;
  framework: { id: string; code: string; version: string; titleEn: string; status: string };
  generatedAt: string;
  rules: { weak: string; gap: string; independentSource: string };
  standardOfProof: { code: StandardOfProof; source: 'case' | 'request' | 'default'; rule: string; ruleKo: string; minProbativeValue: number; sourceReliability: string[]; maxInformationCredibility: number; minIndependentSources: number; minWitnesses: number; uncontested: boolean };
  filters: MatrixFilters;
  /** aggregates: the per-element counts kept as links change; link_scan: recounted from the filtered links. */
  computedFrom: 'aggregates' | 'link_scan';
  totals: {
    crimes: number;
    elements: number;
    elementsWithGaps: number;
    gaps: Record<Gap, number>;
    statuses: Record<ElementStatus, number>;
    items: number;
    links: number;
    reviewedLinks: number;
    independentSources: number;
    witnesses: number;
    documents: number;
    physicalItems: number;
  };
  crimes: CrimeRow[];
  perpetratorModes: {
    modes: Array<{ id: string | null; code: string | null; titleEn: string }>;
    rows: PerpetratorRow[];
  };
}

export const GAP_RULE =
  'no_evidence: no supporting link; only_unreviewed: supporting links but none reviewed; only_weak: reviewed supporting links but all weak. A contextual element also counts the support linked to its shared requirement through any crime.';
export const SOURCE_RULE =
  'one independent source per witness (the person interviewed: all passages and files of all their testimonies), per distinct document content (SHA-256) otherwise, per physical item; a working copy counts as its original';

const EMPTY: LinkCounts = Object.freeze({ links: 0, reviewed: 0, strong: 0, reviewedStrong: 0, sources: 0, witnesses: 0, documents: 0, physicalItems: 0, reviewedStrongSources: 0, reviewedStrongWitnesses: 0 });

/** Which gap, if any, a body of supporting links leaves. */
export function gapOf(support: Pick<LinkCounts, 'links' | 'reviewed' | 'reviewedStrong'>): Gap | null {
  if (support.links === 0) return 'no_evidence';
  if (support.reviewed === 0) return 'only_unreviewed';
  if (support.reviewedStrong === 0) return 'only_weak';
  return null;
}

function counts(row: LinkAggregate | undefined): LinkCounts {
  if (!row) return { ...EMPTY };
  return {
    links: row.links, reviewed: row.reviewed, strong: row.strong, reviewedStrong: row.reviewedStrong,
    sources: row.sources, witnesses: row.witnesses, documents: row.documents, physicalItems: row.physicalItems,
    reviewedStrongSources: row.reviewedStrongSources, reviewedStrongWitnesses: row.reviewedStrongWitnesses,
  };
}

export function computeMatrix(input: MatrixInput): CaseMatrix {
  const byKey = new Map<string, LinkAggregate>();
  for (const a of input.aggregates) byKey.set(`${a.scope}|${a.key}|${a.relation}`, a);
  const get = (scope: LinkAggregate['scope'], key: string, relation: Relation) => byKey.get(`${scope}|${key}|${relation}`);
  const strongest = new Map(input.strongest.map((s) => [s.elementId, s]));

  const groupOrder = new Map(input.framework.groups.map((g) => [g.key, g.sortOrder]));
  const crimesSorted = [...input.framework.crimes].sort(
    (a, b) => (groupOrder.get(a.groupKey) ?? Number.MAX_SAFE_INTEGER) - (groupOrder.get(b.groupKey) ?? Number.MAX_SAFE_INTEGER) || a.groupKey.localeCompare(b.groupKey) || a.sortOrder - b.sortOrder || a.code.localeCompare(b.code),
  );

  const gapTotals: Record<Gap, number> = { no_evidence: 0, only_unreviewed: 0, only_weak: 0 };
  const statusTotals = Object.fromEntries(ELEMENT_STATUSES.map((s) => [s, 0])) as Record<ElementStatus, number>;
  const rule = input.standard;
  let elementCount = 0;
  let elementsWithGaps = 0;
  const crimeCodeById = new Map(input.framework.crimes.map((c) => [c.id, c.code]));

  const crimes: CrimeRow[] = crimesSorted.map((crime) => {
    const elements = [...crime.elements].sort((a, b) => a.number - b.number).map((e): ElementRow => {
      const supporting = counts(get('element', e.id, 'supports'));
      const undermining = counts(get('element', e.id, 'undermines'));
      const context = counts(get('element', e.id, 'context'));
      const shared = e.kind === 'contextual' && e.sharedRef ? get('shared', e.sharedRef, 'supports') : undefined;
      const sharedSupport = e.kind === 'contextual' && e.sharedRef
        ? { sharedRef: e.sharedRef, links: shared?.links ?? 0, reviewedStrong: shared?.reviewedStrong ?? 0, independentSources: shared?.sources ?? 0 }
        : null;
      // The shared pool includes this element's own links, so it is the effective support.
      const effective = sharedSupport && shared ? counts(shared) : supporting;
      const gap = gapOf(effective);
      const pool = sharedSupport && shared ? shared : get('element', e.id, 'supports');
      const q = pool?.qualifying[rule.column] ?? { witnesses: 0, others: 0 };
      const contested = undermining.reviewedStrong > 0;
      const status = elementStatus(rule, { links: effective.links, reviewed: effective.reviewed, qualifyingWitnesses: q.witnesses, qualifyingOthers: q.others, contested });
      statusTotals[status]++;
      const s = strongest.get(e.id);
      elementCount++;
      if (gap) {
        elementsWithGaps++;
        gapTotals[gap]++;
      }
      return {
        id: e.id,
        code: e.code,
        number: e.number,
        kind: e.kind,
        text: e.text,
        textEn: e.text,
        textKo: e.textKo,
        sharedRef: e.sharedRef,
        supporting,
        undermining,
        context,
        independentSources: supporting.sources,
        strongestItem: s
          ? { itemId: s.itemId, itemCode: s.itemCode, itemKind: s.itemKind, linkId: s.linkId, probativeValue: s.probativeValue, sourceReliability: s.sourceReliability, informationCredibility: s.informationCredibility, reviewed: s.reviewed, weak: s.weak }
          : null,
        alternatives: e.alternatives.map((alt) => {
          const row = get('alternative', `${e.id}:${alt.letter}`, 'supports');
          return { letter: alt.letter, code: alt.code, supporting: row?.links ?? 0, reviewedStrong: row?.reviewedStrong ?? 0 };
        }),
        sharedSupport,
        gap,
        contested,
        status,
        qualifyingWitnesses: q.witnesses,
        qualifyingOtherSources: q.others,
      };
    });
    const withGaps = elements.filter((e) => e.gap !== null).length;
    return { id: crime.id, code: crime.code, referenceId: crime.referenceId, group: crime.groupKey, titleEn: crime.titleEn, titleKo: crime.titleKo, elements, elementsWithGaps: withGaps, complete: withGaps === 0 };
  });

  // Perpetrator × mode of liability: columns are the framework's modes, plus "no mode" when used.
  const modes = [...input.framework.modes].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const modeById = new Map(modes.map((m) => [m.id, m]));
  const columns: Array<{ id: string | null; code: string | null; titleEn: string }> = modes.map((m) => ({ id: m.id, code: m.code, titleEn: m.titleEn }));
  if (input.perpetratorModes.some((p) => p.modeId === null)) columns.push({ id: null, code: null, titleEn: 'No mode of liability stated' });
  const rowsById = new Map<string, PerpetratorRow>();
  for (const agg of input.perpetratorModes) {
    let row = rowsById.get(agg.perpetratorId);
    if (!row) {
      const label = input.perpetratorLabels.get(agg.perpetratorId);
      row = { perpetratorId: agg.perpetratorId, label: label?.label ?? agg.perpetratorId, kind: label?.kind ?? null, cells: [] };
      rowsById.set(agg.perpetratorId, row);
    }
    const crimeCodes = [...new Set(agg.crimeIds.map((id) => crimeCodeById.get(id)).filter((c): c is string => c !== undefined))].sort();
    row.cells.push({
      modeId: agg.modeId,
      modeCode: agg.modeId ? (modeById.get(agg.modeId)?.code ?? null) : null,
      supporting: agg.supporting,
      undermining: agg.undermining,
      context: agg.context,
      reviewedSupporting: agg.reviewedSupporting,
      crimeCodes,
    });
  }
  const columnIndex = new Map(columns.map((c, i) => [c.id, i]));
  const rows = [...rowsById.values()].sort((a, b) => a.label.localeCompare(b.label) || a.perpetratorId.localeCompare(b.perpetratorId));
  for (const row of rows) row.cells.sort((a, b) => (columnIndex.get(a.modeId) ?? 0) - (columnIndex.get(b.modeId) ?? 0));

  return {
    caseId: input.caseId,
    framework: { id: input.framework.id, code: input.framework.code, version: input.framework.version, titleEn: input.framework.titleEn, status: input.framework.status },
    generatedAt: input.generatedAt.toISOString(),
    rules: { weak: WEAKNESS_RULE, gap: GAP_RULE, independentSource: SOURCE_RULE },
    standardOfProof: {
      code: rule.code, source: input.standardSource, rule: rule.description, ruleKo: rule.descriptionKo, minProbativeValue: rule.minProbative, sourceReliability: [...rule.reliability],
      maxInformationCredibility: rule.maxCredibility, minIndependentSources: rule.minSources, minWitnesses: rule.minWitnesses, uncontested: rule.uncontested,
    },
    filters: input.filters,
    computedFrom: input.computedFrom,
    totals: {
      crimes: crimes.length,
      elements: elementCount,
      elementsWithGaps,
      gaps: gapTotals,
      statuses: statusTotals,
      items: input.totals.items,
      links: input.totals.links,
      reviewedLinks: input.totals.reviewedLinks,
      independentSources: input.totals.sources,
      witnesses: input.totals.witnesses,
      documents: input.totals.documents,
      physicalItems: input.totals.physicalItems,
    },
    crimes,
    perpetratorModes: { modes: columns, rows },
  };
}
