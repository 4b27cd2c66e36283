import { StreamableFile } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Readable } from 'node:stream';
import type { AuditService } from 'src/audit/audit.service';
import type { CaseAccessService } from 'src/cases/case-access.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { CSV_BOM, csvLine, type CsvCell } from 'src/common/csv/csv-field';

export const DOWNLOAD_FORMATS = ['csv', 'json'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

/** Rows fetched per query while a download streams: memory stays flat however large the case. */
export const DOWNLOAD_BATCH = 500;

/** The audit action of every list download (incidents, people, evidence). */
export const LIST_DOWNLOAD_ACTION = 'list.download';

export class DownloadFormatDto {
  @ApiPropertyOptional({ enum: DOWNLOAD_FORMATS, default: 'csv', description: 'csv: UTF-8 with a byte-order mark, CRLF lines, formula-safe cells; json: an array of the list items' })
  @IsOptional()
  @IsIn(DOWNLOAD_FORMATS as unknown as string[], { message: `format must be one of: ${DOWNLOAD_FORMATS.join(', ')}` })
  format: DownloadFormat = 'csv';
}

/** How one list becomes a file: CSV columns (flat, one line per row) and the JSON item. */
export interface ListDownloadShape<T> {
  columns: ReadonlyArray<readonly [header: string, value: (row: T) => CsvCell]>;
  json: (row: T) => unknown;
}

/**
 * Every row of a list, fetched page by page with the list's own query (so its filters and order
 * apply) until a short page. The first page is fetched before anything is sent, so a bad filter
 * is still a 4xx and not a broken download.
 */
export async function pagedRows<T>(fetchPage: (offset: number, limit: number) => Promise<T[]>, batch = DOWNLOAD_BATCH): Promise<AsyncIterable<T[]>> {
  const first = await fetchPage(0, batch);
  async function* rest(): AsyncGenerator<T[]> {
    let page = first;
    let offset = 0;
    yield page;
    while (page.length === batch) {
      offset += batch;
      page = await fetchPage(offset, batch);
      if (page.length) yield page;
    }
  }
  return rest();
}

/** Pages of views mapped to their response DTOs, as the list endpoint answers them. */
export async function* mapPages<V, T>(pages: AsyncIterable<V[]>, map: (view: V) => T): AsyncGenerator<T[]> {
  for await (const views of pages) yield views.map(map);
}

/**
 * The start of a list download, the same for every list: data leaving the system in bulk needs
 * identity clearance on the case (a non-member gets 404, an uncleared member 403), its first page
 * must load (bad filters are a 4xx), and the download is audited (which list, the format and
 * the names of the filters used; never their values, which may be typed words).
 */
export async function startListDownload<T>(
  deps: { access: CaseAccessService; audit: AuditService },
  request: { caseId: string; actor: AuthenticatedUser; list: string; format: DownloadFormat; filters: object },
  fetchPage: (offset: number, limit: number) => Promise<T[]>,
): Promise<AsyncIterable<T[]>> {
  const { caseId, actor, list, format } = request;
  await deps.access.require(caseId, actor, 'identity', undefined, `Downloading the ${list} list (data leaving the system)`);
  const pages = await pagedRows(fetchPage);
  const filters = Object.entries(request.filters).filter(([key, value]) => value !== undefined && !['format', 'sort', 'limit', 'offset'].includes(key)).map(([key]) => key);
  await deps.audit.recordStandalone({ actorId: actor.id, action: LIST_DOWNLOAD_ACTION, subjectType: 'case', subjectId: caseId, caseId, details: { list, format, filters } });
  return pages;
}

/** The text of a download, chunk by chunk: one chunk per page of rows. */
export async function* renderDownload<T>(format: DownloadFormat, shape: ListDownloadShape<T>, pages: AsyncIterable<T[]>): AsyncGenerator<string> {
  if (format === 'csv') {
    yield CSV_BOM + csvLine(shape.columns.map(([header]) => header));
    for await (const rows of pages) yield rows.map((row) => csvLine(shape.columns.map(([, value]) => value(row)))).join('');
    return;
  }
  let first = true;
  yield '[';
  for await (const rows of pages) {
    if (!rows.length) continue;
    yield (first ? '\n' : ',\n') + rows.map((row) => JSON.stringify(shape.json(row))).join(',\n');
    first = false;
  }
  yield '\n]\n';
}

/** The HTTP answer: streamed, as an attachment named after the list and the case, never cached. */
export function listDownloadFile<T>(name: string, format: DownloadFormat, shape: ListDownloadShape<T>, pages: AsyncIterable<T[]>): StreamableFile {
  const stream = Readable.from(renderDownload(format, shape, pages), { objectMode: false, encoding: 'utf8' });
  return new StreamableFile(stream, {
    type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    disposition: `attachment; filename="${name}.${format}"`,
  });
}
