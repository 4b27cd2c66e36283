import { reanchorPassage } from 'src/evidence/reanchor';

const OLD = 'We were beaten. The guard came at night. We were beaten again in the morning.';
const at = (text: string, words: string, from = 0) => ({ start: text.indexOf(words, from), end: text.indexOf(words, from) + words.length });

describe('reanchorPassage (a passage moved to a new transcript version)', () => {
  it('keeps the offsets when the edit lies after the passage', () => {
    const fixed = OLD.replace('morning', 'mornings');
    const p = at(OLD, 'The guard came');
    expect(reanchorPassage(OLD, p.start, p.end, fixed)).toEqual(p);
  });

  it('shifts the offsets by the length change when the edit lies before it', () => {
    const fixed = `Interview 2. ${OLD.replace('We were', 'We all were')}`;
    const p = at(OLD, 'The guard came at night');
    const moved = reanchorPassage(OLD, p.start, p.end, fixed);
    expect(moved).toEqual(at(fixed, 'The guard came at night'));
    expect(fixed.slice(moved?.start, moved?.end)).toBe('The guard came at night');
  });

  it('of several occurrences takes the one nearest to where the passage was', () => {
    const second = at(OLD, 'We were beaten', 10);
    expect(second.start).toBeGreaterThan(10);
    const fixed = OLD.replace('guard', 'guards');
    expect(reanchorPassage(OLD, second.start, second.end, fixed)).toEqual(at(fixed, 'We were beaten', 10));
    const first = at(OLD, 'We were beaten');
    expect(reanchorPassage(OLD, first.start, first.end, fixed)).toEqual(first);
    // Prepended text that itself repeats the words: still the occurrence where the passage now sits.
    const prepended = `We were beaten. ${OLD}`;
    expect(reanchorPassage(OLD, second.start, second.end, prepended)).toEqual({ start: second.start + 16, end: second.end + 16 });
  });

  it('returns null when the words were changed by the edit', () => {
    const p = at(OLD, 'The guard came');
    expect(reanchorPassage(OLD, p.start, p.end, OLD.replace('guard', 'officer'))).toBeNull();
    expect(reanchorPassage(OLD, 5, 3, OLD)).toBeNull();
    expect(reanchorPassage(OLD, 0, OLD.length + 1, OLD)).toBeNull();
  });

  it('works on Korean text with surrogate pairs before the passage', () => {
    const old = '저는 김철수입니다. 😀 1997년에 요덕수용소에서 강제노동을 했습니다.';
    const p = at(old, '요덕수용소에서 강제노동');
    const fixed = old.replace('😀 1997년', '😀😀 1996년');
    expect(reanchorPassage(old, p.start, p.end, fixed)).toEqual(at(fixed, '요덕수용소에서 강제노동'));
  });
});
