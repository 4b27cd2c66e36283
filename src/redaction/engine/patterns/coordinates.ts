/**
 * Geographic coordinates.
 * - Decimal degrees pairs: `39.6, 126.9`, `39.0392°N 125.7625°E`, `N39.03 E125.76`, `-33.86, 151.2`.
 *   A pair with a comma (or hemisphere letters / degree signs) is accepted when latitude ≤ 90 and
 *   longitude ≤ 180 and at least one of: hemisphere letters or degree signs; 3+ decimals on both;
 *   a coordinates label (GPS, coordinates, lat/long, 좌표, 위도, 경도, 坐标 …) earlier on the same
 *   line; or the point lies in the region of interest (default: Korean peninsula and north-east
 *   China, lat 33–44, lon 124–131) with at least one decimal each — so `39.6, 126.9` is caught but
 *   `2.5, 3.75` is not.
 * - Degrees–minutes(–seconds): `39°36'00"N 126°54'00"E`, `39° 36′ N, 126° 54′ E`.
 * - Korean: `북위 39.6도 동경 126.9도`, `북위 39도 36분 동경 126도 54분`.
 */
import { labelBefore, PatternDetector } from 'src/redaction/engine/patterns/shared';
import { DetectedSpan, makeSpan } from 'src/redaction/engine/types';

export interface RegionOfInterest {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

export const DEFAULT_REGION: RegionOfInterest = { minLat: 33, maxLat: 44, minLon: 124, maxLon: 131 };

/** Starts at the latitude's digits (a hemisphere letter written before it is picked up afterwards). */
const DECIMAL_PAIR =
  /(?<![\d._])(?<![A-Za-z][NSns])(?<![A-MO-RT-Za-mo-rt-z])([-+]?\d{1,2}\.\d+)\s?(°)?\s?([NSns](?![A-Za-z]))?\s*(,|;|\s)\s*([EWew]\s?)?([-+]?\d{1,3}\.\d+)\s?(°)?\s?([EWew](?![A-Za-z]))?(?![\d.]*\d)/g;
const HEMISPHERE_BEFORE = /[NSns] ?$/;
const DMS =
  /(?<!\d)(\d{1,2})\s?°\s?(\d{1,2})\s?['′’]\s?(?:(\d{1,2}(?:\.\d+)?)\s?(?:"|″|''|”)\s?)?([NSns])[\s,;]*(\d{1,3})\s?°\s?(\d{1,2})\s?['′’]\s?(?:(\d{1,2}(?:\.\d+)?)\s?(?:"|″|''|”)\s?)?([EWew])(?![A-Za-z])/g;
const KOREAN =
  /(?:북위|남위)\s*\d{1,2}(?:\.\d+)?\s*도(?:\s*\d{1,2}(?:\.\d+)?\s*분(?:\s*\d{1,2}(?:\.\d+)?\s*초)?)?[\s,]*(?:동경|서경)\s*\d{1,3}(?:\.\d+)?\s*도(?:\s*\d{1,2}(?:\.\d+)?\s*분(?:\s*\d{1,2}(?:\.\d+)?\s*초)?)?/g;
/**
 * After an explicit coordinates label and a colon (`Safe house coordinates: 41°72'N 129°65'E`,
 * `좌표: …`), the value is redacted even when it fails a validity check (minutes ≥ 60, latitude > 90):
 * validity checks gate detection without a label, never with one.
 */
const LABELLED_VALUE =
  /(?:coordinates?|coords?|GPS|lat(?:itude)?\s*\/\s*lon(?:g(?:itude)?)?|좌표|위치\s*좌표|坐标|经纬度)\s*[:：=]\s*((?:[NSEWnsew북남동서위경도분초]\s?)*[-+]?\d[\d\s°º'′’"″.,;:\-+NSEWnsew북남동서위경도분초]*[\d°º'′’"″NSEWnsew도분초])/gi;
const LABEL = /coordinates?|coords?|GPS|lat(?:itude)?\b|long(?:itude)?\b|lon\b|location|position|좌표|위도|경도|위치|坐标|经纬度|緯度/i;

function decimals(s: string): number {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

export function makeCoordinatesDetector(region: RegionOfInterest = DEFAULT_REGION): PatternDetector {
  return {
    category: 'coordinates',
    rules: ['coordinates.decimal', 'coordinates.dms', 'coordinates.korean', 'coordinates.labelled'],
    detect(text: string, out: DetectedSpan[]): void {
      let m: RegExpExecArray | null;
      DECIMAL_PAIR.lastIndex = 0;
      while ((m = DECIMAL_PAIR.exec(text)) !== null) {
        const [, latS, latDeg, latHemi2, sep, lonHemi, lonS, lonDeg, lonHemi2] = m;
        const before = HEMISPHERE_BEFORE.exec(text.slice(Math.max(0, m.index - 2), m.index));
        const latHemi = before && !/[A-Za-z]/.test(text[m.index - before[0].length - 1] ?? '') ? before[0] : '';
        const start = m.index - latHemi.length;
        const lat = Number(latS);
        const lon = Number(lonS);
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180) continue;
        const hemispheres = (latHemi || latHemi2) && (lonHemi || lonHemi2);
        const marked = Boolean(hemispheres) || Boolean(latDeg && lonDeg);
        if (!marked && sep.trim() === '') continue;
        const precise = decimals(latS) >= 3 && decimals(lonS) >= 3;
        const inRegion = lat >= region.minLat && lat <= region.maxLat && lon >= region.minLon && lon <= region.maxLon;
        if (!(marked || precise || inRegion || labelBefore(text, start, 40, LABEL))) continue;
        out.push(makeSpan(start, m.index + m[0].trimEnd().length, 'coordinates', 'coordinates.decimal'));
      }
      DMS.lastIndex = 0;
      while ((m = DMS.exec(text)) !== null) {
        if (Number(m[1]) > 90 || Number(m[5]) > 180 || Number(m[2]) >= 60 || Number(m[6]) >= 60) continue;
        out.push(makeSpan(m.index, m.index + m[0].length, 'coordinates', 'coordinates.dms'));
      }
      KOREAN.lastIndex = 0;
      while ((m = KOREAN.exec(text)) !== null) out.push(makeSpan(m.index, m.index + m[0].length, 'coordinates', 'coordinates.korean'));
      LABELLED_VALUE.lastIndex = 0;
      while ((m = LABELLED_VALUE.exec(text)) !== null) {
        const value = m[1].replace(/[\s,;:]+$/, '');
        if (value.replace(/\D/g, '').length < 2) continue;
        const start = m.index + m[0].length - m[1].length;
        out.push(makeSpan(start, start + value.length, 'coordinates', 'coordinates.labelled'));
      }
    },
  };
}
