import type { EvidenceKind } from 'src/evidence/entities/evidence-item.entity';

/**
 * Where in a file an evidence item points: a page range of a document, a time range of a
 * recording, or a region of an image. Pure: the service asks what is wrong with one.
 *
 * Regions are **relative** (x, y, width, height as fractions 0..1 of the image, origin top left):
 * they stay right on a resized or transcoded working copy and need no pixel size at intake.
 * Times are seconds (up to millisecond precision) from the start of the recording. Pages are
 * 1-based and inclusive. What the file holds (page count, duration) is checked when known — given
 * at intake as `mediaExtent` — and otherwise only the shape is.
 */
export const LOCATOR_KINDS = ['pages', 'time', 'region'] as const;
export type LocatorKind = (typeof LOCATOR_KINDS)[number];

export interface PageLocator { kind: 'pages'; from: number; to: number }
export interface TimeLocator { kind: 'time'; startSeconds: number; endSeconds: number }
export interface RegionLocator { kind: 'region'; x: number; y: number; width: number; height: number; page: number | null }
export type Locator = PageLocator | TimeLocator | RegionLocator;

export interface MediaExtent { pages: number | null; durationSeconds: number | null }

/** Which locator kinds fit which evidence kinds. */
export const LOCATORS_BY_EVIDENCE_KIND: Readonly<Partial<Record<EvidenceKind, readonly LocatorKind[]>>> = {
  document: ['pages', 'region'],
  expert_report: ['pages', 'region'],
  open_source_capture: ['pages', 'time', 'region'],
  image: ['region'],
  audio: ['time'],
  video: ['time', 'region'],
};

export interface LocatorInput {
  kind?: string;
  from?: number; to?: number;
  startSeconds?: number; endSeconds?: number;
  x?: number; y?: number; width?: number; height?: number; page?: number;
}

export interface FieldProblem { field: string; problems: string[] }

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);
const isNum = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
const ms = (n: number) => Math.round(n * 1000) / 1000;

/** What is wrong with a locator for an item of this kind (empty: nothing), and the locator it stores. */
export function checkLocator(evidenceKind: EvidenceKind, input: LocatorInput, extent: MediaExtent | null): { problems: FieldProblem[]; locator: Locator | null } {
  const problems: FieldProblem[] = [];
  const add = (field: string, problem: string) => problems.push({ field: `locator.${field}`, problems: [problem] });
  const allowed = LOCATORS_BY_EVIDENCE_KIND[evidenceKind] ?? [];
  if (!allowed.length) return { problems: [{ field: 'locator', problems: [`must be absent for a ${evidenceKind}: only items from files have locators`] }], locator: null };
  if (!input.kind || !(LOCATOR_KINDS as readonly string[]).includes(input.kind)) {
    add('kind', `must be one of: ${LOCATOR_KINDS.join(', ')}`);
    return { problems, locator: null };
  }
  if (!allowed.includes(input.kind as LocatorKind)) {
    add('kind', `must be one of ${allowed.join(', ')} for a ${evidenceKind}`);
    return { problems, locator: null };
  }
  const stray = (fields: ReadonlyArray<keyof LocatorInput>) => {
    for (const f of fields) if (input[f] !== undefined) add(String(f), `must be absent for a ${input.kind} locator`);
  };
  if (input.kind === 'pages') {
    stray(['startSeconds', 'endSeconds', 'x', 'y', 'width', 'height', 'page']);
    if (!isInt(input.from) || input.from < 1) add('from', 'must be a page number, 1 or more');
    if (!isInt(input.to) || input.to < 1) add('to', 'must be a page number, 1 or more');
    else if (isInt(input.from) && input.to < input.from) add('to', `must be at least from (${input.from})`);
    else if (extent?.pages && input.to > extent.pages) add('to', `must be at most the document's page count (${extent.pages})`);
    return problems.length ? { problems, locator: null } : { problems, locator: { kind: 'pages', from: input.from as number, to: input.to as number } };
  }
  if (input.kind === 'time') {
    stray(['from', 'to', 'x', 'y', 'width', 'height', 'page']);
    if (!isNum(input.startSeconds) || input.startSeconds < 0) add('startSeconds', 'must be a number of seconds, 0 or more');
    if (!isNum(input.endSeconds) || input.endSeconds <= 0) add('endSeconds', 'must be a number of seconds, more than 0');
    else if (isNum(input.startSeconds) && ms(input.endSeconds) <= ms(input.startSeconds)) add('endSeconds', `must be after startSeconds (${input.startSeconds})`);
    else if (extent?.durationSeconds && input.endSeconds > extent.durationSeconds) add('endSeconds', `must be within the recording's duration (${extent.durationSeconds} s)`);
    return problems.length ? { problems, locator: null } : { problems, locator: { kind: 'time', startSeconds: ms(input.startSeconds as number), endSeconds: ms(input.endSeconds as number) } };
  }
  stray(['from', 'to', 'startSeconds', 'endSeconds']);
  for (const f of ['x', 'y'] as const) if (!isNum(input[f]) || input[f] < 0 || input[f] >= 1) add(f, 'must be a fraction of the image, from 0 up to (not including) 1');
  for (const f of ['width', 'height'] as const) if (!isNum(input[f]) || input[f] <= 0 || input[f] > 1) add(f, 'must be a fraction of the image, more than 0 and at most 1');
  if (!problems.length) {
    if ((input.x as number) + (input.width as number) > 1 + 1e-9) add('width', 'must keep the region inside the image (x + width at most 1)');
    if ((input.y as number) + (input.height as number) > 1 + 1e-9) add('height', 'must keep the region inside the image (y + height at most 1)');
  }
  if (input.page !== undefined) {
    if (evidenceKind !== 'document' && evidenceKind !== 'expert_report' && evidenceKind !== 'open_source_capture') add('page', `must be absent for a ${evidenceKind}`);
    else if (!isInt(input.page) || input.page < 1) add('page', 'must be a page number, 1 or more');
    else if (extent?.pages && input.page > extent.pages) add('page', `must be at most the document's page count (${extent.pages})`);
  }
  if (problems.length) return { problems, locator: null };
  return { problems, locator: { kind: 'region', x: input.x as number, y: input.y as number, width: input.width as number, height: input.height as number, page: input.page ?? null } };
}
