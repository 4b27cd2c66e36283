import { acceptsShortHangulEnd, particleAt, PERSON_SUFFIXES, PLACE_SUFFIXES } from 'src/redaction/engine/particles';

describe('acceptsShortHangulEnd', () => {
  it('accepts a non-Hangul character or the end of the text', () => {
    expect(acceptsShortHangulEnd('철수', 2, 'person')).toBe(true);
    expect(acceptsShortHangulEnd('철수!', 2, 'person')).toBe(true);
    expect(acceptsShortHangulEnd('철수 씨', 2, 'person')).toBe(true);
  });
  it('accepts listed particles and honorifics', () => {
    for (const suffix of ['는', '가', '씨', '님', '에게', '동무', '이라는']) expect(acceptsShortHangulEnd(`철수${suffix}`, 2, 'person')).toBe(true);
    for (const suffix of ['군', '시', '수용소', '에서', '근처']) expect(acceptsShortHangulEnd(`요덕${suffix}`, 2, 'place')).toBe(true);
  });
  it('rejects other continuations', () => {
    expect(acceptsShortHangulEnd('철수했다', 2, 'person')).toBe(false);
    expect(acceptsShortHangulEnd('무산계급', 2, 'place')).toBe(false);
    expect(acceptsShortHangulEnd('철수시', 2, 'person')).toBe(false);
  });
  it('has person and place lists that share the particles', () => {
    expect(PERSON_SUFFIXES).toContain('씨');
    expect(PLACE_SUFFIXES).toContain('관리소');
    expect(PLACE_SUFFIXES).toContain('에서');
  });
});

describe('particleAt', () => {
  it.each([
    ['은', '은(는)'],
    ['는', '은(는)'],
    ['이', '이(가)'],
    ['가', '이(가)'],
    ['을', '을(를)'],
    ['를', '을(를)'],
    ['과', '와(과)'],
    ['와', '와(과)'],
    ['이랑', '(이)랑'],
    ['로', '(으)로'],
    ['으로', '(으)로'],
    ['으로부터', '(으)로부터'],
  ])('gives the neutral form of %s', (particle, neutral) => {
    expect(particleAt(`X${particle} 왔다`, 1)).toEqual({ length: particle.length, neutral });
  });
  it('finds nothing when the syllable continues a word or is not a particle', () => {
    expect(particleAt('X가족', 1)).toBeNull();
    expect(particleAt('X에게', 1)).toBeNull();
    expect(particleAt('X', 1)).toBeNull();
  });
});
