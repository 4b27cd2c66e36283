#!/usr/bin/env node
// Writes the outline the statistics map draws (web/src/features/statistics/map-outline.json):
// the land of North Korea, South Korea and the neighbouring parts of China, Russia and Japan,
// clipped to a box around the peninsula, simplified (Douglas–Peucker) and rounded to 0.01°.
//
//   npm install --no-save world-atlas@2.0.2 topojson-client@3.1.0 && node scripts/map-outline.js
//
// Source: Natural Earth 1:50m Admin 0 – Countries (version 4.1.0), as TopoJSON in the npm package
// `world-atlas`. Natural Earth is in the public domain ("No permission is needed to use Natural
// Earth. Crediting the authors is unnecessary." — naturalearthdata.com/about/terms-of-use); the
// app credits it anyway. The app ships this file so the map needs no tile server or network.
// Boundaries are Natural Earth's de facto ones; they are drawn only as background.
const fs = require('node:fs');
const path = require('node:path');
const { feature } = require('topojson-client');
const world = require('world-atlas/countries-50m.json');

/** The box drawn by the app (degrees); clipping uses a margin so cut edges fall outside the view. */
const VIEW = { west: 119.5, east: 133.5, south: 32.5, north: 44 };
const MARGIN = 0.5;
const CLIP = { west: VIEW.west - MARGIN, east: VIEW.east + MARGIN, south: VIEW.south - MARGIN, north: VIEW.north + MARGIN };
/** ISO 3166-1 numeric → alpha-2, the countries drawn. */
const COUNTRIES = { 408: 'KP', 410: 'KR', 156: 'CN', 643: 'RU', 392: 'JP' };
const TOLERANCE = 0.015; // degrees, about 1.5 km
const MIN_AREA = 0.002; // square degrees: smaller islands are left out

/** Sutherland–Hodgman against one edge of the clip box. */
function clipEdge(ring, inside, cross) {
  const out = [];
  for (let i = 0; i < ring.length; i++) {
    const cur = ring[i];
    const prev = ring[(i + ring.length - 1) % ring.length];
    if (inside(cur)) {
      if (!inside(prev)) out.push(cross(prev, cur));
      out.push(cur);
    } else if (inside(prev)) out.push(cross(prev, cur));
  }
  return out;
}
const atLon = (lon) => (a, b) => [lon, a[1] + ((b[1] - a[1]) * (lon - a[0])) / (b[0] - a[0])];
const atLat = (lat) => (a, b) => [a[0] + ((b[0] - a[0]) * (lat - a[1])) / (b[1] - a[1]), lat];
function clip(ring) {
  let r = ring.slice(0, -1); // GeoJSON rings repeat the first point last
  r = clipEdge(r, (p) => p[0] >= CLIP.west, atLon(CLIP.west));
  r = clipEdge(r, (p) => p[0] <= CLIP.east, atLon(CLIP.east));
  r = clipEdge(r, (p) => p[1] >= CLIP.south, atLat(CLIP.south));
  r = clipEdge(r, (p) => p[1] <= CLIP.north, atLat(CLIP.north));
  return r;
}

function simplify(points) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const d = distance(points[i], points[a], points[b]);
      if (d > worst) [worst, at] = [d, i];
    }
    if (worst > TOLERANCE) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}
function distance(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}
const area = (r) => Math.abs(r.reduce((s, p, i) => { const q = r[(i + 1) % r.length]; return s + p[0] * q[1] - q[0] * p[1]; }, 0)) / 2;

const countries = [];
for (const f of feature(world, world.objects.countries).features) {
  const code = COUNTRIES[f.id];
  if (!code) continue;
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const rings = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const clipped = clip(ring);
      if (clipped.length < 3 || area(clipped) < MIN_AREA) continue;
      // Split the closed ring in two halves so Douglas–Peucker has distinct end points.
      const mid = Math.floor(clipped.length / 2);
      const simplified = [...simplify(clipped.slice(0, mid + 1)).slice(0, -1), ...simplify([...clipped.slice(mid), clipped[0]]).slice(0, -1)];
      const rounded = [];
      for (const [lon, lat] of simplified) {
        const p = [Math.round(lon * 100) / 100, Math.round(lat * 100) / 100];
        const last = rounded[rounded.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) rounded.push(p);
      }
      if (rounded.length >= 3) rings.push(rounded.flat());
    }
  }
  if (rings.length) countries.push({ code, name: f.properties.name, rings });
}
countries.sort((a, b) => a.code.localeCompare(b.code));

const out = {
  source: 'Natural Earth 1:50m Admin 0 – Countries, version 4.1.0 (via the npm package world-atlas 2.0.2); public domain',
  generatedBy: 'scripts/map-outline.js',
  view: VIEW,
  countries,
};
const target = path.join(__dirname, '..', 'web', 'src', 'features', 'statistics', 'map-outline.json');
fs.writeFileSync(target, `${JSON.stringify(out)}\n`);
const points = countries.reduce((n, c) => n + c.rings.reduce((m, r) => m + r.length / 2, 0), 0);
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}: ${countries.map((c) => `${c.code} ${c.rings.length} rings`).join(', ')}; ${points} points, ${fs.statSync(target).size} bytes\n`);
