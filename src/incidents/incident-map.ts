/**
 * Incidents as points on a map. Pure: the service loads one row per incident with where it can
 * be drawn; this groups the rows into points and counts what cannot be drawn.
 *
 * Where an incident is drawn: its own coordinates when recorded; else its gazetteer place's;
 * else the nearest enclosing place that has coordinates (`approximate`: the point is the
 * enclosing place, e.g. a county for a village without coordinates). An incident with none of
 * these is counted in `unplaced`. Incidents drawn at the same place (or, without a place, at the
 * same coordinates to 4 decimals, about 10 m) share one point.
 */
export interface MapPlace { id: string; code: string | null; name: string; kind: string }

export interface MapIncidentRow<D> {
  id: string;
  code: string;
  title: string;
  date: D;
  /** The incident's own coordinates. */
  latitude: number | null;
  longitude: number | null;
  /** The incident's place. */
  place: MapPlace | null;
  /** The incident's place or its nearest ancestor with coordinates, and how far up it is (0 = the place itself). */
  located: (MapPlace & { latitude: number; longitude: number; depth: number }) | null;
}

export interface MapPoint<D> {
  latitude: number;
  longitude: number;
  /** The place the point stands for (null for coordinates recorded on incidents without a place). */
  place: MapPlace | null;
  /** Some incident of this point is drawn at an enclosing place, not at its own. */
  approximate: boolean;
  incidents: Array<{ id: string; code: string; title: string; date: D }>;
}

export interface IncidentMap<D> { points: Array<MapPoint<D>>; unplaced: number; total: number }

export function incidentMap<D>(rows: ReadonlyArray<MapIncidentRow<D>>): IncidentMap<D> {
  const points = new Map<string, MapPoint<D>>();
  let unplaced = 0;
  for (const r of rows) {
    const where = whereToDraw(r);
    if (!where) {
      unplaced += 1;
      continue;
    }
    const point = points.get(where.key) ?? { latitude: where.latitude, longitude: where.longitude, place: where.place, approximate: false, incidents: [] };
    point.approximate ||= where.approximate;
    point.incidents.push({ id: r.id, code: r.code, title: r.title, date: r.date });
    points.set(where.key, point);
  }
  // Biggest first, so a small point is drawn over a big one and stays clickable.
  const list = [...points.values()].sort((a, b) => b.incidents.length - a.incidents.length || a.latitude - b.latitude || a.longitude - b.longitude);
  return { points: list, unplaced, total: rows.length };
}

function whereToDraw<D>(r: MapIncidentRow<D>): { key: string; latitude: number; longitude: number; place: MapPlace | null; approximate: boolean } | null {
  if (r.latitude !== null && r.longitude !== null) {
    // Own coordinates at its place's own coordinates join the place's point; elsewhere they are their own point.
    const atPlace = r.located && r.located.depth === 0 && sameSpot(r.located, r);
    if (atPlace && r.located) return { key: `place:${r.located.id}`, latitude: r.located.latitude, longitude: r.located.longitude, place: strip(r.located), approximate: false };
    return { key: `at:${r.latitude.toFixed(4)},${r.longitude.toFixed(4)}`, latitude: r.latitude, longitude: r.longitude, place: r.place, approximate: false };
  }
  if (r.located) return { key: `place:${r.located.id}`, latitude: r.located.latitude, longitude: r.located.longitude, place: strip(r.located), approximate: r.located.depth > 0 };
  return null;
}

const sameSpot = (a: { latitude: number; longitude: number }, b: { latitude: number | null; longitude: number | null }) =>
  a.latitude.toFixed(4) === b.latitude?.toFixed(4) && a.longitude.toFixed(4) === b.longitude?.toFixed(4);

const strip = (p: MapPlace): MapPlace => ({ id: p.id, code: p.code, name: p.name, kind: p.kind });
