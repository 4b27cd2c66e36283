import { compareStrength, isWeak, strengthRank, type Assessment } from 'src/evidence/matrix/assessment';

const a = (p: number, r: string, c: number, reviewed = true): Assessment => ({ probativeValue: p, sourceReliability: r, informationCredibility: c, reviewed });

describe('evidence assessment', () => {
  it('weak: low probative value, unreliable or unjudgeable source, improbable or unjudgeable information', () => {
    expect(isWeak(a(3, 'B', 2))).toBe(false);
    expect(isWeak(a(5, 'D', 4))).toBe(false);
    expect(isWeak(a(2, 'A', 1))).toBe(true);
    expect(isWeak(a(5, 'E', 1))).toBe(true);
    expect(isWeak(a(5, 'F', 1))).toBe(true);
    expect(isWeak(a(5, 'A', 5))).toBe(true);
    expect(isWeak(a(5, 'A', 6))).toBe(true);
  });

  it('orders reviewed before proposed, strong before weak, then value, reliability, credibility', () => {
    const sorted = [a(5, 'A', 1, false), a(1, 'A', 1), a(3, 'C', 3), a(4, 'C', 3), a(4, 'B', 3), a(4, 'B', 2)].sort(compareStrength);
    expect(sorted).toEqual([a(4, 'B', 2), a(4, 'B', 3), a(4, 'C', 3), a(3, 'C', 3), a(1, 'A', 1), a(5, 'A', 1, false)]);
    expect(compareStrength(a(3, 'B', 2), a(3, 'B', 2))).toBe(0);
  });

  it('strengthRank orders every possible assessment exactly as compareStrength does', () => {
    const all: Assessment[] = [];
    for (const reviewed of [true, false]) for (let p = 1; p <= 5; p++) for (const r of ['A', 'B', 'C', 'D', 'E', 'F']) for (let c = 1; c <= 6; c++) all.push(a(p, r, c, reviewed));
    // One assertion over all 129,600 pairs (an expect per pair took seconds on a loaded machine).
    const disagreements: string[] = [];
    for (const x of all) {
      for (const y of all) if (Math.sign(strengthRank(y) - strengthRank(x)) !== Math.sign(compareStrength(x, y))) disagreements.push(JSON.stringify([x, y]));
    }
    expect(disagreements).toEqual([]);
    expect(all).toHaveLength(360);
  });
});
