import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseAccessService } from 'src/cases/case-access.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { APP_CONFIG, type AppConfig } from 'src/config/config';
import type { StatisticsDto } from 'src/victims/dto/statistics.dto';
import { actYear, statisticsTable, type ActRow, type StatisticsDimension } from 'src/victims/statistics';

/**
 * Statistics over acts per victim (src/victims/statistics.ts says how counting and suppression
 * work). Any member of a case reads them: they hold only suppressed aggregates.
 */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forCase(caseId: string, by: StatisticsDimension[], actor: AuthenticatedUser): Promise<StatisticsDto> {
    await this.access.require(caseId, actor, 'read');
    return this.table([caseId], by);
  }

  /** Across every case the caller is a member of. */
  async forMyCases(by: StatisticsDimension[], actor: AuthenticatedUser): Promise<StatisticsDto> {
    const rows = (await this.dataSource.query('SELECT case_id FROM case_members WHERE user_id = $1 ORDER BY case_id', [actor.id])) as Array<{ case_id: string }>;
    return this.table(rows.map((r) => r.case_id), by);
  }

  private async table(caseIds: string[], by: StatisticsDimension[]): Promise<StatisticsDto> {
    const rows = caseIds.length ? (await this.dataSource.query(
      `SELECT a.id, a.incident_id, a.person_id, a.violation_type, a.date_start::text AS date_start, a.date_end::text AS date_end,
              coalesce(va.sex, 'unknown') AS sex, coalesce(va.age_group, 'unknown') AS age_group,
              (WITH RECURSIVE up(id, parent_id, kind, label, depth) AS (
                 SELECT p.id, p.parent_id, p.kind, coalesce(p.code, p.name), 0 FROM places p WHERE p.id = a.place_id
                 UNION ALL
                 SELECT p.id, p.parent_id, p.kind, coalesce(p.code, p.name), up.depth + 1 FROM places p JOIN up ON p.id = up.parent_id WHERE up.depth < 20)
               SELECT label FROM up WHERE kind IN ('province', 'special_city') ORDER BY depth LIMIT 1) AS province
       FROM incident_acts a LEFT JOIN victim_attributes va ON va.person_id = a.person_id
       WHERE a.case_id = ANY($1::uuid[])`, [caseIds])) as Array<Record<string, string | null>> : [];
    const acts: ActRow[] = rows.map((r) => ({
      actId: String(r.id), incidentId: String(r.incident_id), victimId: String(r.person_id), violationType: String(r.violation_type),
      year: actYear(r.date_start, r.date_end), province: r.province ?? 'unknown', sex: String(r.sex), ageGroup: String(r.age_group),
    }));
    return { caseIds, ...statisticsTable(acts, by, this.config.statisticsMinCellSize) };
  }
}
