import { DPRK_GAZETTEER } from '../../migrations/seed/dprk-gazetteer';
import { VIOLATION_TYPES } from '../../migrations/seed/violation-types';
import { FACILITY_TYPES, NAME_SYSTEMS, PLACE_KINDS } from 'src/places/entities/place.entity';
import { placeNameKey } from 'src/places/place-names';

/** Places whose search keys contain the key of the query, as the gazetteer search does. */
const find = (query: string) => DPRK_GAZETTEER.filter((p) => p.names.some((n) => n.key.includes(placeNameKey(query)))).map((p) => p.code);

describe('built-in gazetteer seed', () => {
  it('every stored key is what placeNameKey gives today (else: a migration must re-key the names)', () => {
    for (const place of DPRK_GAZETTEER) for (const n of place.names) expect(n.key, `${place.code}: ${n.name}`).toBe(placeNameKey(n.name));
  });

  it('codes are unique, parents come first, kinds and systems are known', () => {
    const seen = new Set<string>();
    for (const p of DPRK_GAZETTEER) {
      expect(seen.has(p.code), p.code).toBe(false);
      if (p.parent) expect(seen.has(p.parent), `${p.code} → ${p.parent}`).toBe(true);
      seen.add(p.code);
      expect(PLACE_KINDS).toContain(p.kind);
      if (p.facilityType) expect(FACILITY_TYPES).toContain(p.facilityType);
      for (const n of p.names) expect(NAME_SYSTEMS).toContain(n.system);
    }
  });

  it('has the nine provinces, the special cities and the four large political prison camps', () => {
    const codes = DPRK_GAZETTEER.map((p) => p.code);
    for (const c of ['KP-01', 'KP-02', 'KP-03', 'KP-04', 'KP-05', 'KP-06', 'KP-07', 'KP-08', 'KP-09', 'KP-10', 'KP-13', 'KP-14', 'kwanliso-14', 'kwanliso-15', 'kwanliso-16', 'kwanliso-25']) expect(codes).toContain(c);
    for (const type of ['kwanliso', 'kyohwaso', 'jipkyulso', 'rodong_danryeondae']) expect(DPRK_GAZETTEER.some((p) => p.facilityType === type), type).toBe(true);
  });

  it.each(['Yodok', 'Yoduk', 'Yodeok', 'Yodŏk', '요덕'])('%s finds Camp 15', (query) => {
    expect(find(query)).toContain('kwanliso-15');
  });

  it.each([
    ["Ch'ŏngjin", 'kwanliso-25'],
    ['Cheongjin', 'city-chongjin'],
    ['Hwaseong', 'kwanliso-16'],
    ['명간', 'county-myonggan'],
    ['Gaecheon', 'kwanliso-14'],
    ['노동단련대', 'rodong-danryeondae-onsong'],
    ['양강도', 'KP-10'],
    ['Phyeongyang', 'KP-01'],
    ['Hamgyong', 'KP-09'],
  ])('%s finds %s', (query, code) => {
    expect(find(query)).toContain(code);
  });

  it('violation type codes are unique vocabulary codes', () => {
    const codes = VIOLATION_TYPES.map((v) => v.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[a-z][a-z0-9_]{0,63}$/);
    for (const c of ['arbitrary_detention', 'torture', 'execution', 'forced_labour', 'sexual_violence', 'enforced_disappearance', 'forced_repatriation', 'religious_persecution', 'starvation']) expect(codes).toContain(c);
  });
});
