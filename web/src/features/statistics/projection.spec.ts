import { pointRadius, projection, ringsPath } from './projection';

describe('map projection', () => {
  const view = { west: 120, east: 132, south: 33, north: 43 };
  const p = projection(view);

  it('puts the view’s corners at the corners of the drawing, north up', () => {
    expect(p.project(120, 43)).toEqual([0, 0]);
    const [x, y] = p.project(132, 33);
    expect(x).toBeCloseTo(p.width);
    expect(y).toBeCloseTo(p.height);
    // A degree of longitude is shorter than one of latitude at 38° N.
    expect(p.width / 12).toBeLessThan(p.height / 10);
    expect(p.contains(126, 39)).toBe(true);
    expect(p.contains(118, 39)).toBe(false);
  });

  it('draws flat rings as closed SVG paths', () => {
    expect(ringsPath([[120, 43, 121, 43, 120, 42]], (lon, lat) => [lon - 120, 43 - lat])).toBe('M0.0 0.0L1.0 0.0L0.0 1.0Z');
  });

  it('sizes points by count: bigger for more, the same for equal counts', () => {
    expect(pointRadius(1, 10)).toBeLessThan(pointRadius(2, 10));
    expect(pointRadius(10, 10)).toBeGreaterThan(pointRadius(5, 10));
    expect(pointRadius(3, 3)).toBe(pointRadius(3, 3));
    // Area proportional to the count: twice the incidents, √2 times the radius.
    expect(pointRadius(8, 8) / pointRadius(4, 8)).toBeCloseTo(Math.SQRT2);
    expect(pointRadius(1, 1000)).toBe(6);
  });
});
