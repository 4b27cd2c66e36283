import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseAccessService } from 'src/cases/case-access.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import type { IncidentDateResponseDto } from 'src/incidents/dto/incident.dto';
import type { IncidentDatePrecision } from 'src/incidents/incident-dates';
import { incidentMap, type IncidentMap, type MapIncidentRow } from 'src/incidents/incident-map';
import { MAX_PLACE_DEPTH } from 'src/places/place-queries';

interface Row {
  id: string; code: string; title: string;
  date_precision: IncidentDatePrecision; date_from: string | null; date_to: string | null; date_start: string | null; date_end: string | null;
  latitude: number | null; longitude: number | null;
  place_id: string | null; place_code: string | null; place_name: string | null; place_kind: string | null;
  loc_id: string | null; loc_code: string | null; loc_name: string | null; loc_kind: string | null; loc_latitude: number | null; loc_longitude: number | null; loc_depth: number | null;
}

/** The incidents of a case as points for a map (src/incidents/incident-map.ts says where each is drawn). */
@Injectable()
export class IncidentMapService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
  ) {}

  async forCase(caseId: string, actor: AuthenticatedUser): Promise<IncidentMap<IncidentDateResponseDto>> {
    await this.access.require(caseId, actor, 'read');
    const rows = (await this.dataSource.query(
      `SELECT i.id, i.code, i.title, i.date_precision, i.date_from, i.date_to, i.date_start::text AS date_start, i.date_end::text AS date_end,
              i.latitude, i.longitude, p.id AS place_id, p.code AS place_code, p.name AS place_name, p.kind AS place_kind,
              loc.id AS loc_id, loc.code AS loc_code, loc.name AS loc_name, loc.kind AS loc_kind, loc.latitude AS loc_latitude, loc.longitude AS loc_longitude, loc.depth AS loc_depth
       FROM incidents i
       LEFT JOIN places p ON p.id = i.place_id
       LEFT JOIN LATERAL (
         WITH RECURSIVE up(id, parent_id, depth) AS (
           SELECT x.id, x.parent_id, 0 FROM places x WHERE x.id = i.place_id
           UNION ALL
           SELECT x.id, x.parent_id, up.depth + 1 FROM places x JOIN up ON x.id = up.parent_id WHERE up.depth < ${MAX_PLACE_DEPTH})
         SELECT q.id, q.code, q.name, q.kind, q.latitude, q.longitude, up.depth FROM up JOIN places q ON q.id = up.id
         WHERE q.latitude IS NOT NULL AND q.longitude IS NOT NULL ORDER BY up.depth LIMIT 1) loc ON true
       WHERE i.case_id = $1
       ORDER BY i.date_start NULLS LAST, i.code`,
      [caseId],
    )) as Row[];
    return incidentMap(rows.map(toMapRow));
  }
}

function toMapRow(r: Row): MapIncidentRow<IncidentDateResponseDto> {
  const range = r.date_precision === 'range';
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    date: { precision: r.date_precision, date: range ? null : r.date_from, from: range ? r.date_from : null, to: range ? r.date_to : null, earliest: r.date_start, latest: r.date_end },
    latitude: r.latitude,
    longitude: r.longitude,
    place: r.place_id ? { id: r.place_id, code: r.place_code, name: r.place_name ?? '', kind: r.place_kind ?? 'other' } : null,
    located: r.loc_id && r.loc_latitude !== null && r.loc_longitude !== null
      ? { id: r.loc_id, code: r.loc_code, name: r.loc_name ?? '', kind: r.loc_kind ?? 'other', latitude: r.loc_latitude, longitude: r.loc_longitude, depth: Number(r.loc_depth) }
      : null,
  };
}
