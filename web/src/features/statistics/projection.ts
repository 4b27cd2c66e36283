/**
 * The map's projection: equirectangular, with longitudes shrunk by the cosine of the view's middle
 * latitude so the peninsula keeps its shape (at 33°–44° N the error against Mercator is small).
 * Pure, so the outline and the points are placed by the same function and it is unit-tested.
 */
export interface View { west: number; east: number; south: number; north: number }

/** viewBox units per degree of latitude. */
export const UNITS_PER_DEGREE = 60;

export function projection(view: View) {
  const k = Math.cos((((view.south + view.north) / 2) * Math.PI) / 180);
  return {
    width: (view.east - view.west) * k * UNITS_PER_DEGREE,
    height: (view.north - view.south) * UNITS_PER_DEGREE,
    project: (lon: number, lat: number): [number, number] => [(lon - view.west) * k * UNITS_PER_DEGREE, (view.north - lat) * UNITS_PER_DEGREE],
    contains: (lon: number, lat: number) => lon >= view.west && lon <= view.east && lat >= view.south && lat <= view.north,
  };
}

/** An SVG path for rings given as flat [lon, lat, lon, lat, …] arrays. */
export function ringsPath(rings: readonly (readonly number[])[], project: (lon: number, lat: number) => [number, number]): string {
  return rings
    .map((ring) => {
      const parts: string[] = [];
      for (let i = 0; i + 1 < ring.length; i += 2) {
        const [x, y] = project(ring[i] ?? 0, ring[i + 1] ?? 0);
        parts.push(`${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`);
      }
      return `${parts.join('')}Z`;
    })
    .join('');
}

/** A point's radius in viewBox units: its area is proportional to the count (the largest gets `max`), never below `min`. */
export function pointRadius(count: number, largest: number): number {
  const min = 6;
  const max = 18;
  return Math.max(min, max * Math.sqrt(count / Math.max(1, largest)));
}
