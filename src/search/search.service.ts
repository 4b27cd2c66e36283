import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseAccessService } from 'src/cases/case-access.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ValidationDomainException } from 'src/common/errors/domain.exception';
import { periodEnd, periodStart } from 'src/incidents/incident-dates';
import { unitSubtreeSql } from 'src/perpetrators/perpetrator-queries';
import { placeSubtreeSql } from 'src/places/place-queries';
import { placeNameKey } from 'src/places/place-names';
import type { SearchHit, SearchQueryDto } from 'src/search/dto/search.dto';
import type { SearchKind } from 'src/search/entities/search-document.entity';
import { buildSnippet, type Clause, decodeCursor, encodeCursor, expansionSpellings, hangulTsquery, hasHangul, type Highlighter, parseSearchQuery, romanKey, romanKeyTsquery } from 'src/search/search-query';

export interface SearchPage {
  items: SearchHit[];
  limit: number;
  nextCursor: string | null;
}

/** One way a clause can match. */
type Alternative =
  | { kind: 'words'; text: string; phrase: boolean }
  | { kind: 'hangul'; text: string }
  | { kind: 'key'; key: string };

const MAX_ALTERNATIVES = 24;
// ts_rank_cd normalisation 1: divide by 1 + log(length), so a short title that matches is not
// buried under long transcripts that mention the word once.
const RANK_NORMALISATION = 1;

/** Positional parameters for one query. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * Full-text search over search_documents (kept current by triggers; see migration
 * 1795378900000-Search). Always scoped to the cases the caller is a member of, plus the public
 * gazetteer. Nothing here reads a sealed column: raw transcripts and identities are not
 * searchable (the index holds de-identified text only). Never logs the query.
 */
@Injectable()
export class SearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
  ) {}

  async search(query: SearchQueryDto, actor: AuthenticatedUser): Promise<SearchPage> {
    const clauses = parseSearchQuery(query.q);
    if (!clauses.length) throw new ValidationDomainException('q', 'must contain at least one word');
    const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !cursor) throw new ValidationDomainException('cursor', 'is not a cursor of this search');
    if (query.dateFrom && query.dateTo && periodStart(query.dateFrom) > periodEnd(query.dateTo)) throw new ValidationDomainException('dateTo', 'is before dateFrom');

    let caseIds: string[];
    if (query.caseId) {
      await this.access.require(query.caseId, actor, 'read');
      caseIds = [query.caseId];
    } else {
      const rows = (await this.dataSource.query('SELECT case_id FROM case_members WHERE user_id = $1', [actor.id])) as Array<{ case_id: string }>;
      caseIds = rows.map((r) => r.case_id);
    }

    const placeIds = query.placeId ? await this.subtree(placeSubtreeSql('$1'), query.placeId, 'placeId', 'is not a place of the gazetteer') : null;
    const unitIds = query.perpetratorId ? await this.perpetratorIds(query.perpetratorId, query.includeSubUnits, caseIds) : null;
    if (query.elementId && !(await this.exists('SELECT 1 FROM legal_elements WHERE id = $1', [query.elementId]))) {
      throw new ValidationDomainException('elementId', 'is not an element of a legal framework');
    }

    const alternatives = await this.alternatives(clauses, caseIds);
    const p = new Params();
    const altSql = (a: Alternative): string => {
      if (a.kind === 'words') return `${a.phrase ? 'phraseto_tsquery' : 'plainto_tsquery'}('english', ${p.add(a.text)})`;
      if (a.kind === 'key') return `${p.add(romanKeyTsquery(a.key))}::tsquery`;
      return `${p.add(hangulTsquery(a.text))}::tsquery`;
    };
    const clauseQueries = alternatives.map((alts) => `(${alts.map(altSql).join(' || ')})`);
    const fullQuery = `(${clauseQueries.join(' && ')})`;
    // Bigrams need not be adjacent: a clause that can match through Hangul of three or more
    // syllables is rechecked as a substring. One bigram (or one syllable's prefix) is exact already.
    const rechecks = alternatives.flatMap((alts) => {
      const hangul = alts.filter((a): a is Extract<Alternative, { kind: 'hangul' }> => a.kind === 'hangul' && !/^[가-힣]{1,2}$/u.test(a.text));
      if (!hangul.length) return [];
      const others = alts.filter((a) => a.kind !== 'hangul');
      const parts = hangul.map((a) => (/^[가-힣]+$/u.test(a.text) ? `strpos(d.title || E'\\n' || d.body, ${p.add(a.text)}) > 0` : `strpos(lower(d.title || E'\\n' || d.body), lower(${p.add(a.text)})) > 0`));
      if (others.length) parts.unshift(`d.tsv @@ (${others.map(altSql).join(' || ')})`);
      return [`(${parts.join(' OR ')})`];
    });

    const where = [`d.tsv @@ ${fullQuery}`, ...rechecks, `(d.case_id = ANY(${p.add(caseIds)}::uuid[]) OR (d.case_id IS NULL AND d.kind = 'place'))`];
    if (query.caseId) where.push(`(d.case_id = ${p.add(query.caseId)}::uuid OR d.case_id IS NULL)`);
    if (query.kind?.length) where.push(`d.kind = ANY(${p.add(query.kind)}::text[])`);
    // Dates: overlap of [dateFrom, dateTo] with the document's bounds; unknown dates never match.
    if (query.dateFrom) where.push(`d.date_end >= ${p.add(periodStart(query.dateFrom))}::date`);
    if (query.dateTo) where.push(`d.date_start <= ${p.add(periodEnd(query.dateTo))}::date`);
    // Testimonies have no place, type or perpetrator of their own: they match through the incidents they are a source of.
    const sourced = (condition: string) => `(d.kind = 'testimony' AND EXISTS (SELECT 1 FROM incident_sources s JOIN incidents i ON i.id = s.incident_id WHERE s.testimony_id = d.ref_id AND ${condition}))`;
    if (placeIds) {
      const ids = p.add(placeIds);
      where.push(`((d.kind IN ('incident', 'place') AND d.place_id = ANY(${ids}::uuid[])) OR ${sourced(`i.place_id = ANY(${ids}::uuid[])`)})`);
    }
    if (query.violationType) {
      const code = p.add([query.violationType]);
      where.push(`((d.kind = 'incident' AND d.violation_types @> ${code}::text[]) OR ${sourced(`i.violation_types @> ${code}::text[]`)})`);
    }
    if (unitIds) {
      const ids = p.add(unitIds);
      const involved = `EXISTS (SELECT 1 FROM incident_perpetrators ip WHERE ip.incident_id = %s AND ip.perpetrator_id = ANY(${ids}::uuid[]))`;
      where.push(`((d.kind = 'perpetrator' AND d.ref_id = ANY(${ids}::uuid[])) OR (d.kind = 'incident' AND ${involved.replace('%s', 'd.ref_id')}) OR ${sourced(involved.replace('%s', 'i.id'))})`);
    }
    if (query.elementId) {
      const el = p.add(query.elementId);
      where.push(`((d.kind = 'testimony' AND EXISTS (SELECT 1 FROM evidence_links l JOIN evidence_items e ON e.id = l.item_id WHERE l.case_id = d.case_id AND l.element_id = ${el} AND e.testimony_id = d.ref_id))
        OR (d.kind = 'incident' AND EXISTS (SELECT 1 FROM evidence_links l WHERE l.case_id = d.case_id AND l.element_id = ${el} AND l.incident_id = d.ref_id))
        OR (d.kind = 'perpetrator' AND EXISTS (SELECT 1 FROM evidence_links l WHERE l.case_id = d.case_id AND l.element_id = ${el} AND l.perpetrator_id = d.ref_id)))`);
    }

    const rank = `ts_rank_cd(d.tsv, ${fullQuery}, ${RANK_NORMALISATION})::float8`;
    const after = cursor ? `WHERE (m.rank < ${p.add(cursor.rank)}::float8 OR (m.rank = ${p.add(cursor.rank)}::float8 AND m.id > ${p.add(cursor.id)}::uuid))` : '';
    const limit = p.add(query.limit + 1);
    // Rank every match once (OFFSET 0 keeps the planner from computing the rank twice), keep the
    // page, and only then read the page's bodies for the snippets.
    const sql = `SELECT h.id, h.rank, d.kind, d.ref_id, d.case_id, d.code, d.title, d.body, d.date_start::text AS date_start, d.date_end::text AS date_end, d.place_id, d.violation_types
      FROM (SELECT m.id, m.rank FROM (SELECT d.id, ${rank} AS rank FROM search_documents d WHERE ${where.join('\n AND ')} OFFSET 0) m
            ${after}
            ORDER BY m.rank DESC, m.id ASC
            LIMIT ${limit}) h
      JOIN search_documents d ON d.id = h.id
      ORDER BY h.rank DESC, h.id ASC`;
    // The planner does not count the cost of reading each row's (toasted) tsvector for @@ and
    // falls back to a sequential scan of every document when a word is common: keep it on the
    // GIN index, for this query only.
    const rows = await this.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      return (await manager.query(sql, p.values)) as Row[];
    });
    const more = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    const highlighter = await this.highlighter(alternatives);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        kind: r.kind,
        refId: r.ref_id,
        caseId: r.case_id,
        code: r.code,
        title: r.title,
        snippet: buildSnippet(r.body || r.title, highlighter),
        rank: r.rank,
        dateStart: r.date_start,
        dateEnd: r.date_end,
        placeId: r.place_id,
        violationTypes: r.violation_types,
      })),
      limit: query.limit,
      nextCursor: more && last ? encodeCursor({ rank: last.rank, id: last.id }) : null,
    };
  }

  /**
   * Each clause's ways to match: its own words (stemmed English, or Hangul substring), the
   * romanisation key of a Latin word, and the other spellings the gazetteer (or a unit of the
   * caller's cases) knows for it: Yodok → Yodeok, Yodŏk, 요덕; 요덕 → ~yotok.
   */
  private async alternatives(clauses: Clause[], caseIds: string[]): Promise<Alternative[][]> {
    const keys = clauses.map((c) => placeNameKey(c.text));
    const rows = (await this.dataSource.query(
      `SELECT k.key, n.name, false AS unit FROM unnest($1::text[]) k(key)
         JOIN place_names m ON m.key = k.key JOIN place_names n ON n.place_id = m.place_id
       UNION ALL
       SELECT k.key, x.name, true FROM unnest($1::text[]) k(key)
         JOIN perpetrators u ON u.kind = 'unit' AND u.case_id = ANY($2::uuid[]) AND u.search_keys @> ARRAY[k.key]
         CROSS JOIN LATERAL unnest(array_remove(ARRAY[u.name, u.name_hangul], NULL) || u.aliases) x(name)`,
      [[...new Set(keys.filter(Boolean))], caseIds],
    )) as Array<{ key: string; name: string; unit: boolean }>;
    return clauses.map((clause, i) => {
      const alts: Alternative[] = [];
      const seen = new Set<string>();
      const push = (a: Alternative) => {
        const id = JSON.stringify(a);
        if (!seen.has(id) && alts.length < MAX_ALTERNATIVES) { seen.add(id); alts.push(a); }
      };
      if (hasHangul(clause.text)) push({ kind: 'hangul', text: clause.text });
      else {
        push({ kind: 'words', text: clause.text, phrase: clause.phrase });
        const key = clause.phrase ? null : romanKey(clause.text);
        if (key) push({ kind: 'key', key });
      }
      const names = rows.filter((r) => r.key === keys[i]);
      for (const unit of [false, true]) {
        const spellings = expansionSpellings(names.filter((r) => r.unit === unit).map((r) => r.name), unit);
        for (const h of spellings.hangul) push({ kind: 'hangul', text: h });
        for (const w of spellings.latinWords) {
          push({ kind: 'words', text: w, phrase: false });
          const key = romanKey(w);
          if (key) push({ kind: 'key', key });
        }
        for (const phrase of spellings.latinPhrases) push({ kind: 'words', text: phrase, phrase: true });
      }
      return alts;
    });
  }

  /** What the snippets highlight: Hangul and phrase substrings, English stems, romanisation keys. */
  private async highlighter(alternatives: Alternative[][]): Promise<Highlighter> {
    const all = alternatives.flat();
    const words = all.filter((a): a is Extract<Alternative, { kind: 'words' }> => a.kind === 'words');
    const stems = words.length
      ? ((await this.dataSource.query(`SELECT DISTINCT lexeme FROM unnest(to_tsvector('english', $1))`, [words.map((w) => w.text).join(' ')])) as Array<{ lexeme: string }>).map((r) => r.lexeme)
      : [];
    // The typed words too: the parser splits some (W-0001 → w, -0001) that should be marked whole.
    const typed = words.filter((w) => !w.phrase).map((w) => w.text.toLowerCase());
    return {
      substrings: [...all.filter((a) => a.kind === 'hangul').map((a) => a.text), ...words.filter((w) => w.phrase).map((w) => w.text)],
      stems: [...new Set([...stems, ...typed])],
      keys: all.filter((a): a is Extract<Alternative, { kind: 'key' }> => a.kind === 'key').map((a) => a.key),
    };
  }

  private async subtree(sql: string, id: string, field: string, problem: string): Promise<string[]> {
    const ids = ((await this.dataSource.query(sql, [id])) as Array<{ id: string }>).map((r) => r.id);
    if (!ids.length) throw new ValidationDomainException(field, problem);
    return ids;
  }

  /** The perpetrator (with its sub-units when asked), which must belong to one of the searched cases. */
  private async perpetratorIds(id: string, includeSubUnits: boolean, caseIds: string[]): Promise<string[]> {
    if (!(await this.exists('SELECT 1 FROM perpetrators WHERE id = $1 AND case_id = ANY($2::uuid[])', [id, caseIds]))) {
      throw new ValidationDomainException('perpetratorId', 'is not a perpetrator of the cases searched');
    }
    return includeSubUnits ? this.subtree(unitSubtreeSql('$1'), id, 'perpetratorId', 'is not a perpetrator of the cases searched') : [id];
  }

  private async exists(sql: string, params: unknown[]): Promise<boolean> {
    return ((await this.dataSource.query(sql, params)) as unknown[]).length > 0;
  }
}

interface Row {
  id: string;
  rank: number;
  kind: SearchKind;
  ref_id: string;
  case_id: string | null;
  code: string | null;
  title: string;
  body: string;
  date_start: string | null;
  date_end: string | null;
  place_id: string | null;
  violation_types: string[];
}
