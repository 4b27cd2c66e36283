/**
 * Case statistics: incidents, victims and acts counted by violation type × year × province ×
 * sex × age group, with small cells suppressed so that no published number singles out a
 * witness. Pure: the service loads one row per act; this groups, counts and suppresses.
 *
 * Counting: an act is one row of incident_acts (one victim, one violation type). A cell counts
 * its acts, the distinct victims (persons) among them and the distinct incidents they belong to.
 * Year is the year of the act's date when its earliest and latest possible days fall in one year,
 * else `unknown`; province is the province (or special city) containing the act's place; sex and
 * age group come from the victim's attributes (`unknown` when not recorded).
 *
 * Suppression (k = STATISTICS_MIN_CELL_SIZE, default 5):
 * 1. Primary: a cell with fewer than k distinct victims is withheld whole (incidents, victims and
 *    acts all null), so a count can never point at one to k-1 people.
 * 2. Secondary (differencing): the table also publishes a total, so total minus the published cells
 *    gives the withheld ones together. While the withheld cells are exactly one, or together hold
 *    fewer than k distinct victims, the published cell with the fewest victims is withheld too.
 *    Whatever can be subtracted out is then a group of at least k people (or nothing at all).
 * 3. The total is itself withheld when it counts fewer than k victims.
 * Zero cells are not listed (a missing cell is 0); they do not describe anyone.
 */
import { csvField } from 'src/common/csv/csv-field';

export const STATISTICS_DIMENSIONS = ['violationType', 'year', 'province', 'sex', 'ageGroup'] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

export interface ActRow {
  actId: string;
  incidentId: string;
  /** A victim, unique across the cases counted (case-scoped person id). */
  victimId: string;
  violationType: string;
  year: string;
  province: string;
  sex: string;
  ageGroup: string;
}

export interface Counts { incidents: number | null; victims: number | null; acts: number | null }
export interface StatisticsCell extends Counts {
  key: Partial<Record<StatisticsDimension, string>>;
  suppressed: false | 'small_cell' | 'complementary';
}
export interface StatisticsTable {
  dimensions: StatisticsDimension[];
  minCellSize: number;
  cells: StatisticsCell[];
  total: Counts & { suppressed: boolean };
}

interface Group { key: Partial<Record<StatisticsDimension, string>>; acts: number; incidents: Set<string>; victims: Set<string> }

export function statisticsTable(rows: readonly ActRow[], dimensions: readonly StatisticsDimension[], k: number): StatisticsTable {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const key = Object.fromEntries(dimensions.map((d) => [d, r[d]])) as Partial<Record<StatisticsDimension, string>>;
    const id = JSON.stringify(dimensions.map((d) => r[d]));
    const g = groups.get(id) ?? { key, acts: 0, incidents: new Set<string>(), victims: new Set<string>() };
    g.acts += 1;
    g.incidents.add(r.incidentId);
    g.victims.add(r.victimId);
    groups.set(id, g);
  }
  const list = [...groups.values()].sort((a, b) => compareKeys(a.key, b.key, dimensions));
  const withheld = new Map<Group, 'small_cell' | 'complementary'>();
  for (const g of list) if (g.victims.size < k) withheld.set(g, 'small_cell');
  const withheldVictims = () => new Set([...withheld.keys()].flatMap((g) => [...g.victims])).size;
  while (withheld.size > 0 && withheld.size < list.length && (withheld.size === 1 || withheldVictims() < k)) {
    const next = list.filter((g) => !withheld.has(g)).sort((a, b) => a.victims.size - b.victims.size || a.acts - b.acts)[0];
    withheld.set(next, 'complementary');
  }
  const allVictims = new Set(rows.map((r) => r.victimId));
  const totalShown = allVictims.size >= k;
  return {
    dimensions: [...dimensions],
    minCellSize: k,
    cells: list.map((g) => {
      const why = withheld.get(g);
      return why
        ? { key: g.key, incidents: null, victims: null, acts: null, suppressed: why }
        : { key: g.key, incidents: g.incidents.size, victims: g.victims.size, acts: g.acts, suppressed: false };
    }),
    total: totalShown
      ? { incidents: new Set(rows.map((r) => r.incidentId)).size, victims: allVictims.size, acts: rows.length, suppressed: false }
      : { incidents: null, victims: null, acts: null, suppressed: true },
  };
}

function compareKeys(a: Group['key'], b: Group['key'], dimensions: readonly StatisticsDimension[]): number {
  for (const d of dimensions) {
    const c = (a[d] ?? '').localeCompare(b[d] ?? '');
    if (c) return c;
  }
  return 0;
}

/** The act's year when its earliest and latest possible days fall in the same year. */
export function actYear(start: string | null, end: string | null): string {
  if (!start || !end) return 'unknown';
  return start.slice(0, 4) === end.slice(0, 4) ? start.slice(0, 4) : 'unknown';
}

/** CSV of a table: one line per cell, then the total; withheld counts are empty, with the reason. */
export function statisticsCsv(table: StatisticsTable): string {
  const head = [...table.dimensions, 'incidents', 'victims', 'acts', 'suppressed'];
  const lines = table.cells.map((c) => [...table.dimensions.map((d) => c.key[d] ?? ''), c.incidents, c.victims, c.acts, c.suppressed || ''].map(csvField).join(','));
  const t = table.total;
  lines.push([...table.dimensions.map((_, i) => (i === 0 ? 'TOTAL' : '')), t.incidents, t.victims, t.acts, t.suppressed ? 'small_cell' : ''].map(csvField).join(','));
  return `\uFEFF${[head.join(','), ...lines].join('\r\n')}\r\n`;
}
