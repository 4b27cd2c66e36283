import { makeCoordinatesDetector } from 'src/redaction/engine/patterns/coordinates';
import { DetectedSpan } from 'src/redaction/engine/types';

const detector = makeCoordinatesDetector();
function coords(text: string): Array<[string, string]> {
  const out: DetectedSpan[] = [];
  detector.detect(text, out);
  return out.map((s) => [text.slice(s.start, s.end), s.rule]);
}

describe('coordinates', () => {
  it.each([
    ['The pit is at 39.6, 126.9.', '39.6, 126.9'],
    ['39.0392°N 125.7625°E', '39.0392°N 125.7625°E'],
    ['N39.03 E125.76', 'N39.03 E125.76'],
    ['41.834384, 129.725280', '41.834384, 129.725280'],
    ['GPS -33.86, 151.2', '-33.86, 151.2'],
    ['(48.8566, 2.3522)', '48.8566, 2.3522'],
  ])('finds decimal pairs: %s', (text, found) => {
    expect(coords(text)).toEqual([[found, 'coordinates.decimal']]);
  });

  it('finds degrees–minutes–seconds and Korean notation', () => {
    expect(coords(`39°36'00"N 126°54'00"E`)).toEqual([[`39°36'00"N 126°54'00"E`, 'coordinates.dms']]);
    expect(coords('39° 36′ N, 126° 54′ E')).toEqual([['39° 36′ N, 126° 54′ E', 'coordinates.dms']]);
    expect(coords('북위 39.6도 동경 126.9도')).toEqual([['북위 39.6도 동경 126.9도', 'coordinates.korean']]);
    expect(coords('북위 39도 36분 동경 126도 54분')).toEqual([['북위 39도 36분 동경 126도 54분', 'coordinates.korean']]);
  });

  it('leaves other decimal numbers alone', () => {
    for (const text of ['The cell was 2.5, 3.75 metres', 'prices 12.5, 13.0', 'weight 39.6 kg, height 126.9 cm', 'version 1.2.3', '39.6 126.9', '95.1, 200.5']) {
      expect(coords(text)).toEqual([]);
    }
  });

  it('uses a configurable region of interest for short bare pairs', () => {
    const europe = makeCoordinatesDetector({ minLat: 35, maxLat: 60, minLon: -10, maxLon: 30 });
    const out: DetectedSpan[] = [];
    europe.detect('48.8, 2.3', out);
    expect(out).toHaveLength(1);
    expect(coords('48.8, 2.3')).toEqual([]);
  });
});
