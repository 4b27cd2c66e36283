/** CSV renderings of the case matrix (RFC 4180, CRLF line ends, UTF-8 with a BOM for spreadsheets). */
import { csvField, type CsvCell } from 'src/common/csv/csv-field';
import type { CaseMatrix } from 'src/evidence/matrix/matrix';

export { csvField };

export const MATRIX_CSV_VIEWS = ['elements', 'perpetrators'] as const;
export type MatrixCsvView = (typeof MATRIX_CSV_VIEWS)[number];

type Cell = CsvCell;

function render(rows: Cell[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** One line per element of every crime. */
export function elementsCsv(m: CaseMatrix): string {
  const header = [
    'framework', 'framework_version', 'crime_code', 'crime_reference', 'crime_group', 'crime_title_en', 'crime_title_ko',
    'element_code', 'element_number', 'element_kind', 'element_text_en', 'element_text_ko', 'shared_ref',
    'supporting_links', 'supporting_reviewed', 'supporting_reviewed_strong', 'undermining_links', 'undermining_reviewed', 'context_links',
    'independent_sources', 'supporting_witnesses', 'supporting_documents', 'supporting_physical_items', 'shared_supporting_links', 'strongest_item', 'strongest_item_kind', 'strongest_probative_value',
    'strongest_source_reliability', 'strongest_information_credibility', 'strongest_reviewed', 'gap', 'contested',
    'standard_of_proof', 'qualifying_witnesses', 'qualifying_other_sources', 'status',
  ];
  const rows: Cell[][] = [header];
  for (const c of m.crimes) {
    for (const e of c.elements) {
      const s = e.strongestItem;
      rows.push([
        m.framework.code, m.framework.version, c.code, c.referenceId, c.group, c.titleEn, c.titleKo,
        e.code, e.number, e.kind, e.textEn, e.textKo, e.sharedRef,
        e.supporting.links, e.supporting.reviewed, e.supporting.reviewedStrong, e.undermining.links, e.undermining.reviewed, e.context.links,
        e.independentSources, e.supporting.witnesses, e.supporting.documents, e.supporting.physicalItems, e.sharedSupport?.links ?? null, s?.itemCode ?? null, s?.itemKind ?? null, s?.probativeValue ?? null,
        s?.sourceReliability ?? null, s?.informationCredibility ?? null, s ? s.reviewed : null, e.gap ?? '', e.contested,
        m.standardOfProof.code, e.qualifyingWitnesses, e.qualifyingOtherSources, e.status,
      ]);
    }
  }
  return render(rows);
}

/** One line per perpetrator and mode of liability that evidence links name. */
export function perpetratorsCsv(m: CaseMatrix): string {
  const rows: Cell[][] = [['framework', 'framework_version', 'perpetrator_id', 'perpetrator', 'perpetrator_kind', 'mode_code', 'supporting_links', 'supporting_reviewed', 'undermining_links', 'context_links', 'crimes']];
  for (const p of m.perpetratorModes.rows) {
    for (const cell of p.cells) {
      rows.push([m.framework.code, m.framework.version, p.perpetratorId, p.label, p.kind, cell.modeCode, cell.supporting, cell.reviewedSupporting, cell.undermining, cell.context, cell.crimeCodes.join(' ')]);
    }
  }
  return render(rows);
}

export function matrixCsv(m: CaseMatrix, view: MatrixCsvView): string {
  return view === 'perpetrators' ? perpetratorsCsv(m) : elementsCsv(m);
}
