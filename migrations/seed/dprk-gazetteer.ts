/**
 * The built-in gazetteer: North Korea, its provinces and special cities (ISO 3166-2:KP codes), the
 * cities and counties that hold known detention facilities, and those facilities — political
 * prison camps (kwanliso), long-term prison-labour camps (kyohwaso), holding centres (jipkyulso)
 * and labour-training camps (rodong danryeondae). Sources: legal-reference.md §5.4, §5.5, §7.1,
 * §7.4; notes are in our own words. Hierarchy by parent code: country → province → city/county →
 * facility. Facilities whose location the reference does not give hang under the country.
 *
 * Pure data: imports nothing. Inserted by migration IncidentsPerpetratorsPlaces; never edit it
 * in place once released — add a migration that changes the rows.
 *
 * Name systems: hangul, mr (McCune–Reischauer), rr (Revised Romanization), kps (DPRK style),
 * en, other. Each `key` is placeNameKey(name) of src/places/place-names.ts (PLACE_KEY_VERSION 1);
 * src/places/place-seed.spec.ts checks that they still agree.
 */

export interface SeedPlaceName {
  system: 'hangul' | 'mr' | 'rr' | 'kps' | 'en' | 'other';
  name: string;
  key: string;
}

export interface SeedPlace {
  code: string;
  parent: string | null;
  kind: 'country' | 'province' | 'special_city' | 'city' | 'county' | 'facility';
  facilityType: 'kwanliso' | 'kyohwaso' | 'jipkyulso' | 'rodong_danryeondae' | null;
  name: string;
  latitude?: number;
  longitude?: number;
  note?: string;
  names: SeedPlaceName[];
}

export const DPRK_GAZETTEER: SeedPlace[] = [
  {
    code: 'KP', parent: null, kind: 'country', facilityType: null, name: 'North Korea',
    names: [
      { system: 'en', name: 'North Korea', key: 'nortkorea' },
      { system: 'en', name: 'DPRK', key: 'tprk' },
      { system: 'other', name: 'Democratic People\'s Republic of Korea', key: 'temocraticpopresrepopricofkorea' },
      { system: 'hangul', name: '조선민주주의인민공화국', key: '조선민주주의인민공화국' },
      { system: 'hangul', name: '북한', key: '북한' },
      { system: 'mr', name: 'Chosŏn Minjujuŭi Inmin Konghwaguk', key: 'cosonmincocoiinminkonkhwakok' },
      { system: 'kps', name: 'Joseon Minjujuui Inmin Konghwaguk', key: 'cosonmincocoiinminkonkhwakok' },
    ],
  },
  {
    code: 'KP-01', parent: 'KP', kind: 'special_city', facilityType: null, name: 'Pyongyang',
    names: [
      { system: 'en', name: 'Pyongyang', key: 'pyonkyank' },
      { system: 'hangul', name: '평양', key: '평양' },
      { system: 'hangul', name: '평양시', key: '평양시' },
      { system: 'hangul', name: '평양직할시', key: '평양직할시' },
      { system: 'mr', name: 'P\'yŏngyang', key: 'pyonkyank' },
      { system: 'rr', name: 'Pyeongyang', key: 'pyonkyank' },
      { system: 'kps', name: 'Phyeongyang', key: 'pyonkyank' },
    ],
  },
  {
    code: 'KP-02', parent: 'KP', kind: 'province', facilityType: null, name: 'South Pyongan',
    names: [
      { system: 'en', name: 'South Pyongan', key: 'sotpyonkan' },
      { system: 'hangul', name: '평안남도', key: '평안남도' },
      { system: 'mr', name: 'P\'yŏngan-namdo', key: 'pyonkanamto' },
      { system: 'rr', name: 'Pyeongannam-do', key: 'pyonkanamto' },
      { system: 'kps', name: 'Phyeongannamdo', key: 'pyonkanamto' },
    ],
  },
  {
    code: 'KP-03', parent: 'KP', kind: 'province', facilityType: null, name: 'North Pyongan',
    names: [
      { system: 'en', name: 'North Pyongan', key: 'nortpyonkan' },
      { system: 'hangul', name: '평안북도', key: '평안북도' },
      { system: 'mr', name: 'P\'yŏngan-bukto', key: 'pyonkanpokto' },
      { system: 'rr', name: 'Pyeonganbuk-do', key: 'pyonkanpokto' },
      { system: 'kps', name: 'Phyeonganbukdo', key: 'pyonkanpokto' },
    ],
  },
  {
    code: 'KP-04', parent: 'KP', kind: 'province', facilityType: null, name: 'Chagang',
    names: [
      { system: 'en', name: 'Chagang', key: 'cakank' },
      { system: 'hangul', name: '자강도', key: '자강도' },
      { system: 'mr', name: 'Chagang-do', key: 'cakankto' },
      { system: 'rr', name: 'Jagang-do', key: 'cakankto' },
      { system: 'kps', name: 'Jagangdo', key: 'cakankto' },
    ],
  },
  {
    code: 'KP-05', parent: 'KP', kind: 'province', facilityType: null, name: 'South Hwanghae',
    names: [
      { system: 'en', name: 'South Hwanghae', key: 'sothwankhe' },
      { system: 'hangul', name: '황해남도', key: '황해남도' },
      { system: 'mr', name: 'Hwanghae-namdo', key: 'hwankhenamto' },
      { system: 'rr', name: 'Hwanghaenam-do', key: 'hwankhenamto' },
      { system: 'kps', name: 'Hwanghaenamdo', key: 'hwankhenamto' },
    ],
  },
  {
    code: 'KP-06', parent: 'KP', kind: 'province', facilityType: null, name: 'North Hwanghae',
    names: [
      { system: 'en', name: 'North Hwanghae', key: 'northwankhe' },
      { system: 'hangul', name: '황해북도', key: '황해북도' },
      { system: 'mr', name: 'Hwanghae-bukto', key: 'hwankhepokto' },
      { system: 'rr', name: 'Hwanghaebuk-do', key: 'hwankhepokto' },
      { system: 'kps', name: 'Hwanghaebukdo', key: 'hwankhepokto' },
    ],
  },
  {
    code: 'KP-07', parent: 'KP', kind: 'province', facilityType: null, name: 'Kangwon',
    names: [
      { system: 'en', name: 'Kangwon', key: 'kankwon' },
      { system: 'hangul', name: '강원도', key: '강원도' },
      { system: 'mr', name: 'Kangwŏn-do', key: 'kankwonto' },
      { system: 'rr', name: 'Gangwon-do', key: 'kankwonto' },
      { system: 'kps', name: 'Kangweondo', key: 'kankwonto' },
    ],
  },
  {
    code: 'KP-08', parent: 'KP', kind: 'province', facilityType: null, name: 'South Hamgyong',
    names: [
      { system: 'en', name: 'South Hamgyong', key: 'sothamkyonk' },
      { system: 'hangul', name: '함경남도', key: '함경남도' },
      { system: 'mr', name: 'Hamgyŏng-namdo', key: 'hamkyonknamto' },
      { system: 'rr', name: 'Hamgyeongnam-do', key: 'hamkyonknamto' },
      { system: 'kps', name: 'Hamgyeongnamdo', key: 'hamkyonknamto' },
    ],
  },
  {
    code: 'KP-09', parent: 'KP', kind: 'province', facilityType: null, name: 'North Hamgyong',
    names: [
      { system: 'en', name: 'North Hamgyong', key: 'northamkyonk' },
      { system: 'hangul', name: '함경북도', key: '함경북도' },
      { system: 'mr', name: 'Hamgyŏng-bukto', key: 'hamkyonkpokto' },
      { system: 'rr', name: 'Hamgyeongbuk-do', key: 'hamkyonkpokto' },
      { system: 'kps', name: 'Hamgyeongbukdo', key: 'hamkyonkpokto' },
    ],
  },
  {
    code: 'KP-10', parent: 'KP', kind: 'province', facilityType: null, name: 'Ryanggang',
    names: [
      { system: 'en', name: 'Ryanggang', key: 'ryankank' },
      { system: 'hangul', name: '량강도', key: '양강도' },
      { system: 'hangul', name: '양강도', key: '양강도' },
      { system: 'mr', name: 'Ryanggang-do', key: 'ryankankto' },
      { system: 'rr', name: 'Yanggang-do', key: 'yankankto' },
      { system: 'kps', name: 'Ryanggangdo', key: 'ryankankto' },
    ],
  },
  {
    code: 'KP-13', parent: 'KP', kind: 'special_city', facilityType: null, name: 'Rason',
    names: [
      { system: 'en', name: 'Rason', key: 'rason' },
      { system: 'hangul', name: '라선', key: '나선' },
      { system: 'hangul', name: '라선시', key: '나선시' },
      { system: 'hangul', name: '나선', key: '나선' },
      { system: 'mr', name: 'Rasŏn', key: 'rason' },
      { system: 'rr', name: 'Raseon', key: 'rason' },
      { system: 'rr', name: 'Naseon', key: 'nason' },
    ],
  },
  {
    code: 'KP-14', parent: 'KP', kind: 'special_city', facilityType: null, name: 'Nampo',
    names: [
      { system: 'en', name: 'Nampo', key: 'nampo' },
      { system: 'hangul', name: '남포', key: '남포' },
      { system: 'hangul', name: '남포특별시', key: '남포특별시' },
      { system: 'mr', name: 'Namp\'o', key: 'nampo' },
      { system: 'kps', name: 'Nampho', key: 'nampo' },
    ],
  },
  {
    code: 'KP-15', parent: 'KP', kind: 'special_city', facilityType: null, name: 'Kaesong',
    note: 'Listed as a special city in one ISO-derived table; its status differs between sources.',
    names: [
      { system: 'en', name: 'Kaesong', key: 'kesonk' },
      { system: 'hangul', name: '개성', key: '개성' },
      { system: 'hangul', name: '개성특별시', key: '개성특별시' },
      { system: 'mr', name: 'Kaesŏng', key: 'kesonk' },
      { system: 'rr', name: 'Gaeseong', key: 'kesonk' },
      { system: 'kps', name: 'Kaeseong', key: 'kesonk' },
    ],
  },
  {
    code: 'city-kaechon', parent: 'KP-02', kind: 'city', facilityType: null, name: 'Kaechon',
    names: [
      { system: 'en', name: 'Kaechon', key: 'kecon' },
      { system: 'hangul', name: '개천시', key: '개천시' },
      { system: 'hangul', name: '개천', key: '개천' },
      { system: 'mr', name: 'Kaech\'ŏn-si', key: 'keconsi' },
      { system: 'rr', name: 'Gaecheon-si', key: 'keconsi' },
      { system: 'kps', name: 'Kaecheon', key: 'kecon' },
    ],
  },
  {
    code: 'county-pukchang', parent: 'KP-02', kind: 'county', facilityType: null, name: 'Pukchang County',
    names: [
      { system: 'en', name: 'Pukchang County', key: 'pokcankconty' },
      { system: 'hangul', name: '북창군', key: '북창군' },
      { system: 'hangul', name: '북창', key: '북창' },
      { system: 'mr', name: 'Pukch\'ang-gun', key: 'pokcankon' },
      { system: 'rr', name: 'Bukchang-gun', key: 'pokcankon' },
      { system: 'kps', name: 'Pukchang', key: 'pokcank' },
    ],
  },
  {
    code: 'county-chungsan', parent: 'KP-02', kind: 'county', facilityType: null, name: 'Chungsan County',
    names: [
      { system: 'en', name: 'Chungsan County', key: 'conksanconty' },
      { system: 'hangul', name: '증산군', key: '증산군' },
      { system: 'hangul', name: '증산', key: '증산' },
      { system: 'mr', name: 'Chŭngsan-gun', key: 'conksankon' },
      { system: 'rr', name: 'Jeungsan-gun', key: 'conksankon' },
      { system: 'kps', name: 'Jeungsan', key: 'conksan' },
    ],
  },
  {
    code: 'city-sinuiju', parent: 'KP-03', kind: 'city', facilityType: null, name: 'Sinuiju',
    names: [
      { system: 'en', name: 'Sinuiju', key: 'sinoico' },
      { system: 'hangul', name: '신의주시', key: '신의주시' },
      { system: 'hangul', name: '신의주', key: '신의주' },
      { system: 'mr', name: 'Sinŭiju', key: 'sinoico' },
    ],
  },
  {
    code: 'county-kangdong', parent: 'KP-01', kind: 'county', facilityType: null, name: 'Kangdong County',
    names: [
      { system: 'en', name: 'Kangdong County', key: 'kanktonkconty' },
      { system: 'hangul', name: '강동군', key: '강동군' },
      { system: 'hangul', name: '강동', key: '강동' },
      { system: 'mr', name: 'Kangdong-gun', key: 'kanktonkon' },
      { system: 'rr', name: 'Gangdong-gun', key: 'kanktonkon' },
      { system: 'kps', name: 'Kangdong', key: 'kanktonk' },
    ],
  },
  {
    code: 'county-yodok', parent: 'KP-08', kind: 'county', facilityType: null, name: 'Yodok County',
    names: [
      { system: 'en', name: 'Yodok County', key: 'yotokconty' },
      { system: 'hangul', name: '요덕군', key: '요덕군' },
      { system: 'hangul', name: '요덕', key: '요덕' },
      { system: 'mr', name: 'Yodŏk-kun', key: 'yotokon' },
      { system: 'rr', name: 'Yodeok-gun', key: 'yotokon' },
      { system: 'kps', name: 'Yodeok', key: 'yotok' },
    ],
  },
  {
    code: 'county-yonggwang', parent: 'KP-08', kind: 'county', facilityType: null, name: 'Yonggwang County',
    names: [
      { system: 'en', name: 'Yonggwang County', key: 'yonkwankconty' },
      { system: 'hangul', name: '영광군', key: '영광군' },
      { system: 'hangul', name: '영광', key: '영광' },
      { system: 'mr', name: 'Yŏnggwang-gun', key: 'yonkwankon' },
      { system: 'rr', name: 'Yeonggwang-gun', key: 'yonkwankon' },
      { system: 'kps', name: 'Yeonggwang', key: 'yonkwank' },
    ],
  },
  {
    code: 'city-tanchon', parent: 'KP-08', kind: 'city', facilityType: null, name: 'Tanchon',
    names: [
      { system: 'en', name: 'Tanchon', key: 'tancon' },
      { system: 'hangul', name: '단천시', key: '단천시' },
      { system: 'hangul', name: '단천', key: '단천' },
      { system: 'mr', name: 'Tanch\'ŏn', key: 'tancon' },
      { system: 'rr', name: 'Dancheon', key: 'tancon' },
      { system: 'kps', name: 'Tanchheon', key: 'tanchon' },
    ],
  },
  {
    code: 'city-chongjin', parent: 'KP-09', kind: 'city', facilityType: null, name: 'Chongjin',
    names: [
      { system: 'en', name: 'Chongjin', key: 'conkcin' },
      { system: 'hangul', name: '청진시', key: '청진시' },
      { system: 'hangul', name: '청진', key: '청진' },
      { system: 'mr', name: 'Ch\'ŏngjin', key: 'conkcin' },
      { system: 'rr', name: 'Cheongjin', key: 'conkcin' },
      { system: 'kps', name: 'Chheongjin', key: 'chonkcin' },
    ],
  },
  {
    code: 'city-hoeryong', parent: 'KP-09', kind: 'city', facilityType: null, name: 'Hoeryong',
    names: [
      { system: 'en', name: 'Hoeryong', key: 'hoeryonk' },
      { system: 'hangul', name: '회령시', key: '회령시' },
      { system: 'hangul', name: '회령', key: '회령' },
      { system: 'mr', name: 'Hoeryŏng', key: 'hoeryonk' },
      { system: 'rr', name: 'Hoeryeong', key: 'hoeryonk' },
    ],
  },
  {
    code: 'county-myonggan', parent: 'KP-09', kind: 'county', facilityType: null, name: 'Myonggan County',
    note: 'Formerly Hwasong County.',
    names: [
      { system: 'en', name: 'Myonggan County', key: 'myonkanconty' },
      { system: 'hangul', name: '명간군', key: '명간군' },
      { system: 'hangul', name: '명간', key: '명간' },
      { system: 'hangul', name: '화성군', key: '화성군' },
      { system: 'mr', name: 'Myŏnggan-gun', key: 'myonkankon' },
      { system: 'mr', name: 'Hwasŏng-gun', key: 'hwasonkon' },
      { system: 'rr', name: 'Myeonggan-gun', key: 'myonkankon' },
      { system: 'rr', name: 'Hwaseong-gun', key: 'hwasonkon' },
      { system: 'kps', name: 'Myeonggan', key: 'myonkan' },
    ],
  },
  {
    code: 'county-musan', parent: 'KP-09', kind: 'county', facilityType: null, name: 'Musan County',
    names: [
      { system: 'en', name: 'Musan County', key: 'mosanconty' },
      { system: 'hangul', name: '무산군', key: '무산군' },
      { system: 'hangul', name: '무산', key: '무산' },
      { system: 'mr', name: 'Musan-gun', key: 'mosankon' },
      { system: 'kps', name: 'Musan', key: 'mosan' },
    ],
  },
  {
    code: 'county-onsong', parent: 'KP-09', kind: 'county', facilityType: null, name: 'Onsong County',
    names: [
      { system: 'en', name: 'Onsong County', key: 'onsonkconty' },
      { system: 'hangul', name: '온성군', key: '온성군' },
      { system: 'hangul', name: '온성', key: '온성' },
      { system: 'mr', name: 'Onsŏng-gun', key: 'onsonkon' },
      { system: 'rr', name: 'Onseong-gun', key: 'onsonkon' },
      { system: 'kps', name: 'Onseong', key: 'onsonk' },
    ],
  },
  {
    code: 'city-hyesan', parent: 'KP-10', kind: 'city', facilityType: null, name: 'Hyesan',
    names: [
      { system: 'en', name: 'Hyesan', key: 'hyesan' },
      { system: 'hangul', name: '혜산시', key: '혜산시' },
      { system: 'hangul', name: '혜산', key: '혜산' },
      { system: 'rr', name: 'Hyesan-si', key: 'hyesansi' },
    ],
  },
  {
    code: 'county-chonnae', parent: 'KP-07', kind: 'county', facilityType: null, name: 'Chonnae County',
    names: [
      { system: 'en', name: 'Chonnae County', key: 'coneconty' },
      { system: 'hangul', name: '천내군', key: '천내군' },
      { system: 'hangul', name: '천내', key: '천내' },
      { system: 'mr', name: 'Ch\'ŏnnae-gun', key: 'conekon' },
      { system: 'rr', name: 'Cheonnae-gun', key: 'conekon' },
      { system: 'kps', name: 'Chheonnae', key: 'chone' },
    ],
  },
  {
    code: 'kwanliso-14', parent: 'city-kaechon', kind: 'facility', facilityType: 'kwanliso', name: 'Camp 14 (Kaechon)',
    latitude: 39.57, longitude: 126.06,
    note: 'Political prison camp, total-control zone; reported on the north bank of the Taedong, opposite Camp 18. Coordinates approximate.',
    names: [
      { system: 'en', name: 'Camp 14 (Kaechon)', key: 'camp14kecon' },
      { system: 'hangul', name: '개천 제14호 관리소', key: '개천제14호관리소' },
      { system: 'hangul', name: '14호 관리소', key: '14호관리소' },
      { system: 'en', name: 'Kwanliso No. 14', key: 'kwarisono14' },
      { system: 'en', name: 'Kaechon political prison camp', key: 'keconporiticarprisoncamp' },
      { system: 'mr', name: 'Kaech\'ŏn kwalliso', key: 'keconkwariso' },
      { system: 'rr', name: 'Gaecheon gwalliso', key: 'keconkwariso' },
    ],
  },
  {
    code: 'kwanliso-15', parent: 'county-yodok', kind: 'facility', facilityType: 'kwanliso', name: 'Camp 15 (Yodok)',
    note: 'Political prison camp; had a revolutionising zone from which releases were possible, none known since 2007 (COI).',
    names: [
      { system: 'en', name: 'Camp 15 (Yodok)', key: 'camp15yotok' },
      { system: 'hangul', name: '요덕 제15호 관리소', key: '요덕제15호관리소' },
      { system: 'hangul', name: '요덕수용소', key: '요덕수용소' },
      { system: 'en', name: 'Kwanliso No. 15', key: 'kwarisono15' },
      { system: 'en', name: 'Yodok camp', key: 'yotokcamp' },
      { system: 'mr', name: 'Yodŏk kwalliso', key: 'yotokkwariso' },
      { system: 'rr', name: 'Yodeok gwalliso', key: 'yotokkwariso' },
      { system: 'kps', name: 'Yodeok', key: 'yotok' },
    ],
  },
  {
    code: 'kwanliso-16', parent: 'county-myonggan', kind: 'facility', facilityType: 'kwanliso', name: 'Camp 16 (Hwasong)',
    note: 'Political prison camp near Mt Mantap.',
    names: [
      { system: 'en', name: 'Camp 16 (Hwasong)', key: 'camp16hwasonk' },
      { system: 'hangul', name: '명간 제16호 관리소', key: '명간제16호관리소' },
      { system: 'hangul', name: '화성수용소', key: '화성수용소' },
      { system: 'hangul', name: '명간수용소', key: '명간수용소' },
      { system: 'en', name: 'Kwanliso No. 16', key: 'kwarisono16' },
      { system: 'mr', name: 'Hwasŏng kwalliso', key: 'hwasonkkwariso' },
      { system: 'mr', name: 'Myŏnggan', key: 'myonkan' },
      { system: 'rr', name: 'Hwaseong gwalliso', key: 'hwasonkkwariso' },
      { system: 'rr', name: 'Myeonggan', key: 'myonkan' },
    ],
  },
  {
    code: 'kwanliso-25', parent: 'city-chongjin', kind: 'facility', facilityType: 'kwanliso', name: 'Camp 25 (Chongjin)',
    latitude: 41.834384, longitude: 129.72528,
    note: 'Penitentiary-like compound in Susong-dong; some ROK sources call it a kyohwaso.',
    names: [
      { system: 'en', name: 'Camp 25 (Chongjin)', key: 'camp25conkcin' },
      { system: 'hangul', name: '청진 제25호 관리소', key: '청진제25호관리소' },
      { system: 'hangul', name: '청진수용소', key: '청진수용소' },
      { system: 'hangul', name: '수성수용소', key: '수성수용소' },
      { system: 'en', name: 'Kwanliso No. 25', key: 'kwarisono25' },
      { system: 'mr', name: 'Ch\'ŏngjin kwalliso', key: 'conkcinkwariso' },
      { system: 'mr', name: 'Susŏng', key: 'sosonk' },
      { system: 'rr', name: 'Cheongjin gwalliso', key: 'conkcinkwariso' },
      { system: 'rr', name: 'Suseong', key: 'sosonk' },
    ],
  },
  {
    code: 'kwanliso-18', parent: 'county-pukchang', kind: 'facility', facilityType: 'kwanliso', name: 'Camp 18 (Pukchang)',
    note: 'South bank of the Taedong; dismantling reported from 2006, status unclear.',
    names: [
      { system: 'en', name: 'Camp 18 (Pukchang)', key: 'camp18pokcank' },
      { system: 'hangul', name: '북창 제18호 관리소', key: '북창제18호관리소' },
      { system: 'en', name: 'Kwanliso No. 18', key: 'kwarisono18' },
      { system: 'mr', name: 'Pukch\'ang kwalliso', key: 'pokcankkwariso' },
      { system: 'rr', name: 'Bukchang gwalliso', key: 'pokcankkwariso' },
    ],
  },
  {
    code: 'kwanliso-22', parent: 'city-hoeryong', kind: 'facility', facilityType: 'kwanliso', name: 'Camp 22 (Hoeryong)',
    note: 'Reported closed around 2012 (disputed at the time).',
    names: [
      { system: 'en', name: 'Camp 22 (Hoeryong)', key: 'camp2hoeryonk' },
      { system: 'hangul', name: '회령 제22호 관리소', key: '회령제22호관리소' },
      { system: 'en', name: 'Kwanliso No. 22', key: 'kwarisono2' },
      { system: 'mr', name: 'Hoeryŏng kwalliso', key: 'hoeryonkkwariso' },
      { system: 'rr', name: 'Hoeryeong gwalliso', key: 'hoeryonkkwariso' },
    ],
  },
  {
    code: 'kwanliso-11', parent: 'KP', kind: 'facility', facilityType: 'kwanliso', name: 'Camp 11 (Kyongsong)',
    note: 'Reported closed; location not verified.',
    names: [
      { system: 'en', name: 'Camp 11 (Kyongsong)', key: 'camp1kyonksonk' },
      { system: 'hangul', name: '경성 제11호 관리소', key: '경성제11호관리소' },
      { system: 'mr', name: 'Kyŏngsŏng', key: 'kyonksonk' },
      { system: 'rr', name: 'Gyeongseong', key: 'kyonksonk' },
    ],
  },
  {
    code: 'kwanliso-12', parent: 'KP', kind: 'facility', facilityType: 'kwanliso', name: 'Camp 12 (Changpyong)',
    note: 'Reported closed; location not verified.',
    names: [
      { system: 'en', name: 'Camp 12 (Changpyong)', key: 'camp12cankpyonk' },
      { system: 'hangul', name: '창평 제12호 관리소', key: '창평제12호관리소' },
      { system: 'mr', name: 'Ch\'angp\'yŏng', key: 'cankpyonk' },
      { system: 'rr', name: 'Changpyeong', key: 'cankpyonk' },
    ],
  },
  {
    code: 'kwanliso-13', parent: 'KP', kind: 'facility', facilityType: 'kwanliso', name: 'Camp 13 (Chongsong)',
    note: 'Reported closed; location not verified.',
    names: [
      { system: 'en', name: 'Camp 13 (Chongsong)', key: 'camp13conksonk' },
      { system: 'hangul', name: '종성 제13호 관리소', key: '종성제13호관리소' },
      { system: 'mr', name: 'Chongsŏng', key: 'conksonk' },
      { system: 'rr', name: 'Jongseong', key: 'conksonk' },
    ],
  },
  {
    code: 'kwanliso-21', parent: 'KP', kind: 'facility', facilityType: 'kwanliso', name: 'Camp 21 (Tanchon)',
    note: 'Reported closed; location not verified.',
    names: [
      { system: 'en', name: 'Camp 21 (Tanchon)', key: 'camp21tancon' },
      { system: 'hangul', name: '단천 제21호 관리소', key: '단천제21호관리소' },
      { system: 'mr', name: 'Tanch\'ŏn kwalliso', key: 'tanconkwariso' },
      { system: 'rr', name: 'Dancheon gwalliso', key: 'tanconkwariso' },
    ],
  },
  {
    code: 'kwanliso-23', parent: 'KP', kind: 'facility', facilityType: 'kwanliso', name: 'Camp 23 (Toksong)',
    note: 'Reported closed; location not verified.',
    names: [
      { system: 'en', name: 'Camp 23 (Toksong)', key: 'camp23toksonk' },
      { system: 'hangul', name: '덕성 제23호 관리소', key: '덕성제23호관리소' },
      { system: 'mr', name: 'Tŏksŏng', key: 'toksonk' },
      { system: 'rr', name: 'Deokseong', key: 'toksonk' },
    ],
  },
  {
    code: 'kwanliso-24', parent: 'KP', kind: 'facility', facilityType: 'kwanliso', name: 'Camp 24 (Tongsin)',
    note: 'Reported closed; location not verified.',
    names: [
      { system: 'en', name: 'Camp 24 (Tongsin)', key: 'camp24tonksin' },
      { system: 'hangul', name: '동신 제24호 관리소', key: '동신제24호관리소' },
      { system: 'mr', name: 'Tongsin', key: 'tonksin' },
      { system: 'rr', name: 'Dongsin', key: 'tonksin' },
    ],
  },
  {
    code: 'kwanliso-26', parent: 'KP', kind: 'facility', facilityType: 'kwanliso', name: 'Camp 26 (Sungho)',
    note: 'Reported closed; location not verified.',
    names: [
      { system: 'en', name: 'Camp 26 (Sungho)', key: 'camp26sonkho' },
      { system: 'hangul', name: '승호 제26호 관리소', key: '승호제26호관리소' },
      { system: 'mr', name: 'Sŭngho', key: 'sonkho' },
      { system: 'rr', name: 'Seungho', key: 'sonkho' },
    ],
  },
  {
    code: 'kwanliso-27', parent: 'KP', kind: 'facility', facilityType: 'kwanliso', name: 'Camp 27 (Chonma)',
    note: 'Reported closed; location not verified.',
    names: [
      { system: 'en', name: 'Camp 27 (Chonma)', key: 'camp27conma' },
      { system: 'hangul', name: '천마 제27호 관리소', key: '천마제27호관리소' },
      { system: 'mr', name: 'Ch\'ŏnma', key: 'conma' },
      { system: 'rr', name: 'Cheonma', key: 'conma' },
    ],
  },
  {
    code: 'kyohwaso-1', parent: 'city-kaechon', kind: 'facility', facilityType: 'kyohwaso', name: 'Kyohwaso No. 1 (Kaechon)',
    names: [
      { system: 'en', name: 'Kyohwaso No. 1 (Kaechon)', key: 'kyohwasono1kecon' },
      { system: 'hangul', name: '개천 제1호 교화소', key: '개천제1호교화소' },
      { system: 'mr', name: 'Kaech\'ŏn kyohwaso', key: 'keconkyohwaso' },
      { system: 'rr', name: 'Gaecheon gyohwaso', key: 'keconkyohwaso' },
    ],
  },
  {
    code: 'kyohwaso-3', parent: 'city-sinuiju', kind: 'facility', facilityType: 'kyohwaso', name: 'Kyohwaso No. 3 (Sinuiju)',
    names: [
      { system: 'en', name: 'Kyohwaso No. 3 (Sinuiju)', key: 'kyohwasono3sinoico' },
      { system: 'hangul', name: '신의주 제3호 교화소', key: '신의주제3호교화소' },
      { system: 'mr', name: 'Sinŭiju kyohwaso', key: 'sinoicokyohwaso' },
      { system: 'rr', name: 'Sinuiju gyohwaso', key: 'sinoicokyohwaso' },
    ],
  },
  {
    code: 'kyohwaso-4', parent: 'county-kangdong', kind: 'facility', facilityType: 'kyohwaso', name: 'Kyohwaso No. 4 (Kangdong)',
    names: [
      { system: 'en', name: 'Kyohwaso No. 4 (Kangdong)', key: 'kyohwasono4kanktonk' },
      { system: 'hangul', name: '강동 제4호 교화소', key: '강동제4호교화소' },
      { system: 'mr', name: 'Kangdong kyohwaso', key: 'kanktonkkyohwaso' },
      { system: 'rr', name: 'Gangdong gyohwaso', key: 'kanktonkkyohwaso' },
    ],
  },
  {
    code: 'kyohwaso-8', parent: 'KP', kind: 'facility', facilityType: 'kyohwaso', name: 'Kyohwaso No. 8 (Yongdam)',
    note: 'Location not verified; Hangul spelling ours.',
    names: [
      { system: 'en', name: 'Kyohwaso No. 8 (Yongdam)', key: 'kyohwasono8yonktam' },
      { system: 'hangul', name: '용담 제8호 교화소', key: '용담제8호교화소' },
      { system: 'mr', name: 'Yongdam kyohwaso', key: 'yonktamkyohwaso' },
      { system: 'rr', name: 'Yongdam gyohwaso', key: 'yonktamkyohwaso' },
    ],
  },
  {
    code: 'kyohwaso-12', parent: 'city-hoeryong', kind: 'facility', facilityType: 'kyohwaso', name: 'Kyohwaso No. 12 (Chongori)',
    names: [
      { system: 'en', name: 'Kyohwaso No. 12 (Chongori)', key: 'kyohwasono12conkori' },
      { system: 'hangul', name: '전거리 교화소', key: '전거리교화소' },
      { system: 'hangul', name: '회령 제12호 교화소', key: '회령제12호교화소' },
      { system: 'mr', name: 'Chŏngŏri kyohwaso', key: 'conkorikyohwaso' },
      { system: 'rr', name: 'Jeongeori gyohwaso', key: 'conkorikyohwaso' },
    ],
  },
  {
    code: 'kyohwaso-22', parent: 'KP-08', kind: 'facility', facilityType: 'kyohwaso', name: 'Kyohwaso No. 22 (Oro)',
    note: 'County not verified; Hangul spelling ours.',
    names: [
      { system: 'en', name: 'Kyohwaso No. 22 (Oro)', key: 'kyohwasono2oro' },
      { system: 'hangul', name: '오로 제22호 교화소', key: '오로제22호교화소' },
      { system: 'mr', name: 'Oro kyohwaso', key: 'orokyohwaso' },
      { system: 'rr', name: 'Oro gyohwaso', key: 'orokyohwaso' },
    ],
  },
  {
    code: 'kyohwaso-77', parent: 'city-tanchon', kind: 'facility', facilityType: 'kyohwaso', name: 'Kyohwaso No. 77 (Tanchon)',
    names: [
      { system: 'en', name: 'Kyohwaso No. 77 (Tanchon)', key: 'kyohwasono7tancon' },
      { system: 'hangul', name: '단천 제77호 교화소', key: '단천제77호교화소' },
      { system: 'mr', name: 'Tanch\'ŏn kyohwaso', key: 'tanconkyohwaso' },
      { system: 'rr', name: 'Dancheon gyohwaso', key: 'tanconkyohwaso' },
    ],
  },
  {
    code: 'kyohwaso-chonnae', parent: 'county-chonnae', kind: 'facility', facilityType: 'kyohwaso', name: 'Chonnae kyohwaso',
    note: 'Hangul spelling ours.',
    names: [
      { system: 'en', name: 'Chonnae kyohwaso', key: 'conekyohwaso' },
      { system: 'hangul', name: '천내 교화소', key: '천내교화소' },
      { system: 'mr', name: 'Ch\'ŏnnae kyohwaso', key: 'conekyohwaso' },
      { system: 'rr', name: 'Cheonnae gyohwaso', key: 'conekyohwaso' },
    ],
  },
  {
    code: 'kyohwaso-chungsan', parent: 'county-chungsan', kind: 'facility', facilityType: 'kyohwaso', name: 'Chungsan kyohwaso',
    note: 'Hangul spelling ours.',
    names: [
      { system: 'en', name: 'Chungsan kyohwaso', key: 'conksankyohwaso' },
      { system: 'hangul', name: '증산 교화소', key: '증산교화소' },
      { system: 'mr', name: 'Chŭngsan kyohwaso', key: 'conksankyohwaso' },
      { system: 'rr', name: 'Jeungsan gyohwaso', key: 'conksankyohwaso' },
    ],
  },
  {
    code: 'jipkyulso-nongpo', parent: 'city-chongjin', kind: 'facility', facilityType: 'jipkyulso', name: 'Nongpo holding centre (Chongjin)',
    names: [
      { system: 'en', name: 'Nongpo holding centre (Chongjin)', key: 'nonkpohortinkcentreconkcin' },
      { system: 'hangul', name: '농포 집결소', key: '농포집결소' },
      { system: 'mr', name: 'Nongp\'o chipkyŏlso', key: 'nonkpocipkyorso' },
      { system: 'rr', name: 'Nongpo jipgyeolso', key: 'nonkpocipkyorso' },
      { system: 'en', name: 'Nongpo jipkyulso', key: 'nonkpocipkyorso' },
    ],
  },
  {
    code: 'jipkyulso-sinuiju', parent: 'city-sinuiju', kind: 'facility', facilityType: 'jipkyulso', name: 'Sinuiju holding centre',
    names: [
      { system: 'en', name: 'Sinuiju holding centre', key: 'sinoicohortinkcentre' },
      { system: 'hangul', name: '신의주 집결소', key: '신의주집결소' },
      { system: 'mr', name: 'Sinŭiju chipkyŏlso', key: 'sinoicocipkyorso' },
      { system: 'rr', name: 'Sinuiju jipgyeolso', key: 'sinoicocipkyorso' },
    ],
  },
  {
    code: 'jipkyulso-musan', parent: 'county-musan', kind: 'facility', facilityType: 'jipkyulso', name: 'Musan holding centre',
    names: [
      { system: 'en', name: 'Musan holding centre', key: 'mosanhortinkcentre' },
      { system: 'hangul', name: '무산 집결소', key: '무산집결소' },
      { system: 'mr', name: 'Musan chipkyŏlso', key: 'mosancipkyorso' },
      { system: 'rr', name: 'Musan jipgyeolso', key: 'mosancipkyorso' },
    ],
  },
  {
    code: 'jipkyulso-hyesan', parent: 'city-hyesan', kind: 'facility', facilityType: 'jipkyulso', name: 'Hyesan holding centre',
    names: [
      { system: 'en', name: 'Hyesan holding centre', key: 'hyesanhortinkcentre' },
      { system: 'hangul', name: '혜산 집결소', key: '혜산집결소' },
      { system: 'mr', name: 'Hyesan chipkyŏlso', key: 'hyesancipkyorso' },
      { system: 'rr', name: 'Hyesan jipgyeolso', key: 'hyesancipkyorso' },
    ],
  },
  {
    code: 'jipkyulso-onsong', parent: 'county-onsong', kind: 'facility', facilityType: 'jipkyulso', name: 'Onsong holding centre',
    names: [
      { system: 'en', name: 'Onsong holding centre', key: 'onsonkhortinkcentre' },
      { system: 'hangul', name: '온성 집결소', key: '온성집결소' },
      { system: 'mr', name: 'Onsŏng chipkyŏlso', key: 'onsonkcipkyorso' },
      { system: 'rr', name: 'Onseong jipgyeolso', key: 'onsonkcipkyorso' },
    ],
  },
  {
    code: 'rodong-danryeondae-onsong', parent: 'county-onsong', kind: 'facility', facilityType: 'rodong_danryeondae', name: 'Onsong labour-training camp',
    names: [
      { system: 'en', name: 'Onsong labour-training camp', key: 'onsonkraportraininkcamp' },
      { system: 'hangul', name: '온성 로동단련대', key: '온성노동단련대' },
      { system: 'hangul', name: '온성 노동단련대', key: '온성노동단련대' },
      { system: 'mr', name: 'Onsŏng rodong tallyŏndae', key: 'onsonkrotonktaryonte' },
      { system: 'rr', name: 'Onseong nodong dallyeondae', key: 'onsonknotonktaryonte' },
      { system: 'en', name: 'Onsong rodong danryeondae', key: 'onsonkrotonktaryonte' },
    ],
  },
  {
    code: 'rodong-danryeondae-yonggwang', parent: 'county-yonggwang', kind: 'facility', facilityType: 'rodong_danryeondae', name: 'Yonggwang labour-training camp',
    names: [
      { system: 'en', name: 'Yonggwang labour-training camp', key: 'yonkwankraportraininkcamp' },
      { system: 'hangul', name: '영광 로동단련대', key: '영광노동단련대' },
      { system: 'hangul', name: '영광 노동단련대', key: '영광노동단련대' },
      { system: 'mr', name: 'Yŏnggwang rodong tallyŏndae', key: 'yonkwankrotonktaryonte' },
      { system: 'rr', name: 'Yeonggwang nodong dallyeondae', key: 'yonkwanknotonktaryonte' },
    ],
  },
  {
    code: 'rodong-danryeondae-tokwon', parent: 'KP', kind: 'facility', facilityType: 'rodong_danryeondae', name: 'Tokwon labour-training camp',
    note: 'Location not verified; Hangul spelling ours.',
    names: [
      { system: 'en', name: 'Tokwon labour-training camp', key: 'tokwonraportraininkcamp' },
      { system: 'hangul', name: '덕원 로동단련대', key: '덕원노동단련대' },
      { system: 'mr', name: 'Tŏgwŏn rodong tallyŏndae', key: 'tokwonrotonktaryonte' },
      { system: 'rr', name: 'Deogwon nodong dallyeondae', key: 'tokwonnotonktaryonte' },
    ],
  },
];
