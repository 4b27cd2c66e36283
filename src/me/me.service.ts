import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { memberMay } from 'src/cases/case-permissions';
import { CASE_ROLES, type CaseRole } from 'src/cases/entities/case-member.entity';
import type { CaseStatus } from 'src/cases/entities/case.entity';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import type { ActivityEntryDto, ActivityPageDto, ActivityQueryDto, CaseWorkSummaryDto, ReviewItemDto, ReviewPageDto, ReviewsQueryDto, WorkSummaryDto } from 'src/me/dto/me.dto';

/** Case roles that may review (links, redactions); derived so it follows the permission table. */
const REVIEW_ROLES = CASE_ROLES.filter((role) => memberMay({ role, identityClearance: false }, 'review'));
const MANAGE_ROLES = CASE_ROLES.filter((role) => memberMay({ role, identityClearance: false }, 'manage'));
const FAILED_JOBS_WINDOW_DAYS = 14;

interface SummaryRow {
  case_id: string;
  title: string;
  status: CaseStatus;
  role: CaseRole;
  identity_clearance: boolean;
  links_to_review: string;
  redactions_to_review: string;
  stale_redactions: string;
  failed_jobs: string;
  active_jobs: string;
}

/**
 * "What waits for me": read-only counts over the caller's own memberships, one statement. It
 * never touches sealed data, so it needs no clearance and writes no audit entry.
 */
@Injectable()
export class MeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async summary(actor: AuthenticatedUser): Promise<WorkSummaryDto> {
    const rows: SummaryRow[] = await this.dataSource.query(
      `SELECT m.case_id, c.title, c.status, m.role, m.identity_clearance,
         CASE WHEN m.role = ANY($2) THEN (SELECT count(*) FROM evidence_links l
           WHERE l.case_id = m.case_id AND l.status = 'proposed' AND l.created_by <> $1 AND l.assessed_by <> $1) ELSE 0 END AS links_to_review,
         CASE WHEN m.role = ANY($2) THEN (SELECT count(*) FROM redactions r LEFT JOIN jobs j ON j.id = r.job_id
           WHERE r.case_id = m.case_id AND r.status = 'proposed' AND j.created_by IS DISTINCT FROM $1) ELSE 0 END AS redactions_to_review,
         (SELECT count(*) FROM redactions r WHERE r.case_id = m.case_id AND r.status = 'stale') AS stale_redactions,
         (SELECT count(*) FROM jobs j WHERE j.case_id = m.case_id AND j.status = 'failed'
           AND j.finished_at > now() - make_interval(days => $4) AND (m.role = ANY($3) OR j.created_by = $1)) AS failed_jobs,
         (SELECT count(*) FROM jobs j WHERE j.case_id = m.case_id AND j.status IN ('queued', 'active')
           AND (m.role = ANY($3) OR j.created_by = $1)) AS active_jobs
       FROM case_members m JOIN cases c ON c.id = m.case_id
       WHERE m.user_id = $1
       ORDER BY c.status, c.updated_at DESC`,
      [actor.id, REVIEW_ROLES, MANAGE_ROLES, FAILED_JOBS_WINDOW_DAYS],
    );
    const cases: CaseWorkSummaryDto[] = rows.map((r) => ({
      caseId: r.case_id,
      title: r.title,
      status: r.status,
      role: r.role,
      identityClearance: r.identity_clearance,
      linksToReview: Number(r.links_to_review),
      redactionsToReview: Number(r.redactions_to_review),
      staleRedactions: Number(r.stale_redactions),
      failedJobs: Number(r.failed_jobs),
      activeJobs: Number(r.active_jobs),
    }));
    const total = (key: 'linksToReview' | 'redactionsToReview' | 'staleRedactions' | 'failedJobs') => cases.reduce((n, c) => n + c[key], 0);
    return { cases, linksToReview: total('linksToReview'), redactionsToReview: total('redactionsToReview'), staleRedactions: total('staleRedactions'), failedJobs: total('failedJobs') };
  }

  /**
   * The review inbox: evidence links and redactions proposed by someone else in the caller's
   * cases where the caller may review, oldest first. The same rules as the summary's counts and
   * as the review endpoints (not your own assessment; not a redaction you requested).
   */
  async reviews(query: ReviewsQueryDto, actor: AuthenticatedUser): Promise<ReviewPageDto> {
    const links = `SELECT 'evidence_link' AS kind, l.id, l.case_id, c.title AS case_title, l.updated_at AS waiting_since, l.version,
        i.id AS item_id, i.code AS item_code, i.title AS item_title, i.redacted_quote AS quote, e.code AS element_code, cr.code AS crime_code,
        cr.title_en AS crime_title, cr.title_ko->>'text' AS crime_title_ko, l.relation,
        NULL::uuid AS testimony_id, NULL::text AS interviewee_code, NULL::text AS profile, NULL::int AS span_count
      FROM evidence_links l
      JOIN case_members m ON m.case_id = l.case_id AND m.user_id = $1 AND m.role = ANY($2)
      JOIN cases c ON c.id = l.case_id
      JOIN evidence_items i ON i.id = l.item_id
      JOIN legal_elements e ON e.id = l.element_id
      JOIN legal_crimes cr ON cr.id = e.crime_id
      WHERE l.status = 'proposed' AND l.created_by <> $1 AND l.assessed_by <> $1`;
    const redactions = `SELECT 'redaction' AS kind, r.id, r.case_id, c.title AS case_title, r.updated_at AS waiting_since, r.version,
        NULL::uuid, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text,
        r.testimony_id, p.code, r.profile, jsonb_array_length(r.spans)
      FROM redactions r
      JOIN case_members m ON m.case_id = r.case_id AND m.user_id = $1 AND m.role = ANY($2)
      JOIN cases c ON c.id = r.case_id
      LEFT JOIN jobs j ON j.id = r.job_id
      LEFT JOIN testimonies t ON t.id = r.testimony_id
      LEFT JOIN people p ON p.id = t.interviewee_id
      WHERE r.status = 'proposed' AND j.created_by IS DISTINCT FROM $1`;
    const union = query.kind === 'evidence_link' ? links : query.kind === 'redaction' ? redactions : `${links} UNION ALL ${redactions}`;
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT *, count(*) OVER () AS total FROM (${union}) x ORDER BY waiting_since ASC, id ASC LIMIT $3 OFFSET $4`,
      [actor.id, REVIEW_ROLES, query.limit, query.offset],
    );
    const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
    const items: ReviewItemDto[] = rows.map((r) => ({
      kind: r.kind as ReviewItemDto['kind'],
      id: String(r.id),
      caseId: String(r.case_id),
      caseTitle: String(r.case_title),
      waitingSince: new Date(r.waiting_since as string).toISOString(),
      version: Number(r.version),
      itemId: str(r.item_id),
      itemCode: str(r.item_code),
      itemTitle: str(r.item_title),
      quote: str(r.quote),
      elementCode: str(r.element_code),
      crimeCode: str(r.crime_code),
      crimeTitle: str(r.crime_title),
      crimeTitleKo: str(r.crime_title_ko),
      relation: str(r.relation),
      testimonyId: str(r.testimony_id),
      intervieweeCode: str(r.interviewee_code),
      profile: str(r.profile),
      spanCount: r.span_count === null || r.span_count === undefined ? null : Number(r.span_count),
    }));
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && query.offset > 0) {
      const [{ n }] = (await this.dataSource.query(`SELECT count(*) AS n FROM (${union}) x`, [actor.id, REVIEW_ROLES])) as Array<{ n: string }>;
      total = Number(n);
    }
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** The caller's own audit entries, newest first; case titles only where still a member. */
  async activity(query: ActivityQueryDto, actor: AuthenticatedUser): Promise<ActivityPageDto> {
    // Linked entries only, after linking everything committed before this read.
    await this.audit.settle();
    const rows: Array<{ seq: string; occurred_at: Date; action: string; subject_type: string; subject_id: string | null; case_id: string | null; case_title: string | null }> =
      await this.dataSource.query(
        `SELECT a.seq, a.occurred_at, a.action, a.subject_type, a.subject_id, a.case_id, c.title AS case_title
         FROM audit_log a
         LEFT JOIN case_members m ON m.case_id = a.case_id AND m.user_id = $1
         LEFT JOIN cases c ON c.id = m.case_id
         WHERE a.actor_id = $1 AND a.seq IS NOT NULL AND ($2::bigint IS NULL OR a.seq < $2)
         ORDER BY a.seq DESC
         LIMIT $3`,
        [actor.id, query.before ?? null, query.limit + 1],
      );
    const items: ActivityEntryDto[] = rows.slice(0, query.limit).map((r) => ({
      seq: String(r.seq),
      occurredAt: new Date(r.occurred_at).toISOString(),
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      caseId: r.case_id,
      caseTitle: r.case_title,
    }));
    const more = rows.length > query.limit;
    return { items, nextBefore: more ? Number(items[items.length - 1].seq) : null };
  }
}
