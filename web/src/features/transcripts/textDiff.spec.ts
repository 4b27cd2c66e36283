import { diffStats, textDiff } from './textDiff';

describe('textDiff', () => {
  it('compares English word by word', () => {
    const parts = textDiff('I was held at Yodok in 1997.', 'I was held at Yoduk in 1998.');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['Yodok', '1997']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['Yoduk', '1998']);
  });

  it('compares Korean character by character, so a changed particle is not a whole changed word', () => {
    const parts = textDiff('요덕수용소에서 일했다', '요덕수용소에 일했다');
    expect(parts).toEqual([
      { kind: 'same', text: '요덕수용소에' },
      { kind: 'removed', text: '서' },
      { kind: 'same', text: ' 일했다' },
    ]);
    expect(diffStats(parts)).toEqual({ added: 0, removed: 1 });
  });

  it('reports identical texts as one unchanged part', () => {
    expect(textDiff('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });
});
