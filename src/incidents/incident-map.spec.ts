import { incidentMap, type MapIncidentRow } from 'src/incidents/incident-map';

const place = (id: string, latitude: number, longitude: number, depth = 0) => ({ id, code: id, name: id, kind: 'facility', latitude, longitude, depth });
const row = (id: string, over: Partial<MapIncidentRow<string>> = {}): MapIncidentRow<string> => ({ id, code: id, title: id, date: '1997', latitude: null, longitude: null, place: null, located: null, ...over });

describe('incidentMap', () => {
  it('groups incidents at one place into one point, biggest first', () => {
    const m = incidentMap([row('a', { located: place('p', 39, 126) }), row('b', { located: place('q', 41, 129) }), row('c', { located: place('q', 41, 129) })]);
    expect(m.points.map((p) => [p.place?.id, p.incidents.map((i) => i.id)])).toEqual([['q', ['b', 'c']], ['p', ['a']]]);
    expect(m).toMatchObject({ unplaced: 0, total: 3 });
  });

  it('draws at an enclosing place as approximate; own coordinates win; none at all counts as unplaced', () => {
    const m = incidentMap([
      row('a', { located: place('county', 40, 127, 1) }),
      row('b', { latitude: 42.1, longitude: 128.3, located: place('county', 40, 127, 1) }),
      row('c', { latitude: 40, longitude: 127, located: place('county', 40, 127, 0) }),
      row('d'),
    ]);
    const county = m.points.find((p) => p.place?.id === 'county');
    expect(county).toMatchObject({ approximate: true, latitude: 40, longitude: 127 });
    expect(county?.incidents.map((i) => i.id)).toEqual(['a', 'c']);
    expect(m.points.find((p) => p.incidents[0].id === 'b')).toMatchObject({ latitude: 42.1, longitude: 128.3, approximate: false });
    expect(m.unplaced).toBe(1);
  });
});
