import { compileDictionary } from 'src/redaction/engine/dictionary';
import { scanDictionary } from 'src/redaction/engine/dictionary-scan';
import { resolveOverlaps } from 'src/redaction/engine/resolve-overlaps';
import { DetectedSpan, DictionaryInput } from 'src/redaction/engine/types';

const registry: DictionaryInput = {
  people: [
    { ref: 'W-0003', category: 'person', names: ['김철수'] },
    { ref: 'W-0004', category: 'person', names: ['리영호'] },
    { ref: 'W-0005', category: 'person', names: ['Park Ji-won'] },
    { ref: 'W-0006', category: 'person', names: ['김철'] },
  ],
  places: [
    { ref: 'P-0001', names: ['회령시'] },
    { ref: 'P-0002', names: ['무산군'] },
  ],
  customTerms: [{ term: '꽃제비 반장', category: 'custom' }, { term: 'Unit 2402', category: 'custom', ref: 'T-1' }],
};
const dictionary = compileDictionary(registry);

function found(text: string): Array<[string, string, string | undefined]> {
  const out: DetectedSpan[] = [];
  scanDictionary(text, dictionary, out);
  return resolveOverlaps(out, text.length).map((s) => [text.slice(s.start, s.end), s.category, s.ref ?? s.candidateRefs?.join('+')]);
}

describe('Hangul names', () => {
  it.each(['는', '가', '에게', '한테', '와', '랑', '이랑', '도', '만', '에서', '께서', '의', '을', '씨', '님', '네', '한테서'])(
    'matches the name before the particle %s and leaves the particle',
    (particle) => expect(found(`그때 김철수${particle} 왔다`)).toEqual([['김철수', 'person', 'W-0003']]),
  );

  it('matches the spaced form', () => {
    expect(found('김 철수가 왔다')).toEqual([['김 철수', 'person', 'W-0003']]);
  });

  it('does not match inside another word', () => {
    expect(found('박김철수는 아니다')).toEqual([]);
  });

  it('matches after a kinship word written without a space', () => {
    expect(found('동생김철수가 왔다')).toEqual([['김철수', 'person', 'W-0003']]);
  });

  it('matches the given name alone only before a particle, honorific or non-Hangul', () => {
    expect(found('철수씨가 왔다')).toEqual([['철수', 'person', 'W-0003']]);
    expect(found('철수는 말했다')).toEqual([['철수', 'person', 'W-0003']]);
    expect(found('철수야!')).toEqual([['철수', 'person', 'W-0003']]);
    expect(found('(철수)')).toEqual([['철수', 'person', 'W-0003']]);
    expect(found('군대가 철수했다')).toEqual([]);
  });

  it('treats a two-syllable full name as short', () => {
    expect(found('김철은 왔다')).toEqual([['김철', 'person', 'W-0006']]);
    expect(found('김철도 왔다')).toEqual([['김철', 'person', 'W-0006']]);
    expect(found('김철광에서')).toEqual([]);
  });

  it('matches DPRK and ROK spellings of the same person', () => {
    expect(found('리영호와 이영호')).toEqual([
      ['리영호', 'person', 'W-0004'],
      ['이영호', 'person', 'W-0004'],
    ]);
  });
});

describe('romanised names', () => {
  it.each([
    'Kim Chol-su',
    'Kim Cheol-su',
    'KIM CHUL SOO',
    'Gim Cheolsu',
    "Kim Ch'ŏl-su",
    'Kim Cho\u0306l-su',
    'Chol-su Kim',
    'kim chol su',
    'Kim\nChol-su',
  ])('matches %j', (name) => {
    expect(found(`I met ${name} there.`)).toEqual([[name, 'person', 'W-0003']]);
  });

  it('matches possessives and names followed by Hangul', () => {
    expect(found("Kim Chol-su's brother")).toEqual([['Kim Chol-su', 'person', 'W-0003']]);
    expect(found('Kim Chol-su는')).toEqual([['Kim Chol-su', 'person', 'W-0003']]);
  });

  it('does not match inside longer words or longer names', () => {
    expect(found('We ate Kimchi.')).toEqual([]);
    expect(found('Kim Chol-sun was there.')).toEqual([]);
    expect(found('Akim Chol-sun')).toEqual([]);
  });

  it('matches the given name alone, hyphenated or joined, not next to another family name', () => {
    expect(found('Then Chol-su left.')).toEqual([['Chol-su', 'person', 'W-0003']]);
    expect(found('Then Cholsu left.')).toEqual([['Cholsu', 'person', 'W-0003']]);
    expect(found('Then Han Chol-su left.')).toEqual([]);
    expect(found('Chol-su Pak left.')).toEqual([]);
    expect(found('So Chol-su left.')).toEqual([['Chol-su', 'person', 'W-0003']]);
  });

  it('matches a spaced given name alone only when the text names the person in full', () => {
    expect(found('Then Chol Su left.')).toEqual([]);
    expect(found('Kim Chol Su came. Then Chol Su left.')).toEqual([
      ['Kim Chol Su', 'person', 'W-0003'],
      ['Chol Su', 'person', 'W-0003'],
    ]);
  });

  it('matches names registered only in romanised form, also in Hangul', () => {
    expect(found('Bak Jiwon and Jiwon Park and 박지원은')).toEqual([
      ['Bak Jiwon', 'person', 'W-0005'],
      ['Jiwon Park', 'person', 'W-0005'],
      ['박지원', 'person', 'W-0005'],
    ]);
  });
});

describe('places and custom terms', () => {
  it('matches places with their administrative stems and romanisations', () => {
    expect(found('회령시에서 회령으로 Hoeryong-si, Hoeryŏng City')).toEqual([
      ['회령시', 'place', 'P-0001'],
      ['회령', 'place', 'P-0001'],
      ['Hoeryong-si', 'place', 'P-0001'],
      ['Hoeryŏng City', 'place', 'P-0001'],
    ]);
  });
  it('does not match a short place name inside an ordinary word', () => {
    expect(found('무산계급')).toEqual([]);
    expect(found('무산에서')).toEqual([['무산', 'place', 'P-0002']]);
  });
  it('matches custom terms, spaced or joined, case-insensitively', () => {
    expect(found('그는 꽃제비반장이었다')).toEqual([['꽃제비반장', 'custom', undefined]]);
    expect(found('in UNIT 2402, not Unit 24021')).toEqual([['UNIT 2402', 'custom', 'T-1']]);
  });
});

describe('homonyms', () => {
  it('pools the refs of registered people who share a variant', () => {
    const d = compileDictionary({
      people: [
        { ref: 'W-2', category: 'person', names: ['김영철'] },
        { ref: 'W-1', category: 'person', names: ['박영철'] },
      ],
    });
    const out: DetectedSpan[] = [];
    scanDictionary('영철씨', d, out);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ start: 0, end: 2, category: 'person', candidateRefs: ['W-1', 'W-2'] });
    expect(out[0].ref).toBeUndefined();
  });
});
