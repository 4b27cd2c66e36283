import { isWeak } from 'src/evidence/matrix/assessment';
import { elementStatus, qualifies, STANDARD_RULES, STANDARDS_OF_PROOF } from 'src/evidence/matrix/standards';
import { independentSource, sourceKind } from 'src/evidence/matrix/sources';

const a = (probativeValue: number, sourceReliability: string, informationCredibility: number, reviewed = true) => ({ probativeValue, sourceReliability, informationCredibility, reviewed });

describe('standards of proof', () => {
  it('each standard is stricter than the one before it', () => {
    const grid = [];
    for (let p = 1; p <= 5; p++) for (const r of 'ABCDEF') for (let c = 1; c <= 6; c++) grid.push(a(p, r, c));
    for (let i = 1; i < STANDARDS_OF_PROOF.length; i++) {
      const looser = STANDARD_RULES[STANDARDS_OF_PROOF[i - 1]];
      const stricter = STANDARD_RULES[STANDARDS_OF_PROOF[i]];
      for (const x of grid) if (qualifies(stricter, x)) expect(qualifies(looser, x)).toBe(true);
      expect(stricter.minSources).toBeGreaterThanOrEqual(looser.minSources);
    }
  });

  it('reasonable grounds qualify exactly the reviewed links that are not weak', () => {
    for (let p = 1; p <= 5; p++) for (const r of 'ABCDEF') for (let c = 1; c <= 6; c++) {
      expect(qualifies(STANDARD_RULES.reasonable_grounds, a(p, r, c))).toBe(!isWeak(a(p, r, c)));
      expect(qualifies(STANDARD_RULES.reasonable_grounds, a(p, r, c, false))).toBe(false);
    }
  });

  it('states every rule in Korean too, with the same figures and grades as the English', () => {
    const figures = (text: string) => [...(text.match(/[0-9]+|\b[A-F]-[A-F]\b/g) ?? [])].sort();
    for (const code of STANDARDS_OF_PROOF) {
      const rule = STANDARD_RULES[code];
      expect(rule.descriptionKo, code).toMatch(/[가-힣]/);
      expect(figures(rule.descriptionKo), code).toEqual(figures(rule.description));
    }
  });

  it('pins the thresholds (mirrored in the migration SQL)', () => {
    expect(qualifies(STANDARD_RULES.substantial_grounds, a(3, 'C', 3))).toBe(true);
    expect(qualifies(STANDARD_RULES.substantial_grounds, a(3, 'D', 3))).toBe(false);
    expect(qualifies(STANDARD_RULES.substantial_grounds, a(3, 'C', 4))).toBe(false);
    expect(qualifies(STANDARD_RULES.beyond_reasonable_doubt, a(4, 'B', 2))).toBe(true);
    expect(qualifies(STANDARD_RULES.beyond_reasonable_doubt, a(3, 'A', 1))).toBe(false);
    expect(qualifies(STANDARD_RULES.beyond_reasonable_doubt, a(5, 'C', 1))).toBe(false);
  });

  it('status: no evidence, only unreviewed, weak, supported; witnesses and independence count', () => {
    const s = (links: number, reviewed: number, w: number, o: number, contested = false) => ({ links, reviewed, qualifyingWitnesses: w, qualifyingOthers: o, contested });
    const { reasonable_grounds: rg, substantial_grounds: sg, beyond_reasonable_doubt: brd } = STANDARD_RULES;
    expect(elementStatus(rg, s(0, 0, 0, 0))).toBe('no_evidence');
    expect(elementStatus(rg, s(3, 0, 0, 0))).toBe('only_unreviewed');
    expect(elementStatus(rg, s(3, 2, 0, 0))).toBe('weak');
    expect(elementStatus(rg, s(3, 2, 0, 1))).toBe('supported');
    expect(elementStatus(sg, s(3, 2, 0, 2))).toBe('weak'); // two documents, no witness
    expect(elementStatus(sg, s(3, 2, 1, 1))).toBe('supported');
    expect(elementStatus(brd, s(9, 9, 2, 1))).toBe('supported');
    expect(elementStatus(brd, s(9, 9, 1, 5))).toBe('weak');
    expect(elementStatus(brd, s(9, 9, 3, 0, true))).toBe('weak');
    expect(elementStatus(sg, s(9, 9, 3, 0, true))).toBe('supported');
  });
});

describe('independent sources', () => {
  it('one witness per person, one document per SHA-256, one physical item per item', () => {
    const interviewee = (t: string) => ({ t1: 'person-a', t2: 'person-a', t3: 'person-b' } as Record<string, string>)[t] ?? null;
    expect(independentSource('testimony:t1', interviewee)).toBe('witness:person-a');
    expect(independentSource('testimony:t2', interviewee)).toBe('witness:person-a');
    expect(independentSource('testimony:t3', interviewee)).toBe('witness:person-b');
    expect(independentSource('file:abc', interviewee)).toBe('file:abc');
    expect(independentSource('item:x', interviewee)).toBe('item:x');
    expect(sourceKind('witness:person-a')).toBe('witness');
    expect(sourceKind('file:abc')).toBe('document');
    expect(sourceKind('item:x')).toBe('physical');
  });
});
