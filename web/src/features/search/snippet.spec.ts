import { describe, expect, it } from 'vitest';
import { snippetParts } from './snippet';

describe('snippetParts', () => {
  it('splits marked matches from the text around them and unescapes', () => {
    expect(snippetParts('… at <mark>Yodok</mark> camp &amp; <mark>요덕</mark>수용소 &lt;b&gt;')).toEqual([
      { text: '… at ', mark: false },
      { text: 'Yodok', mark: true },
      { text: ' camp & ', mark: false },
      { text: '요덕', mark: true },
      { text: '수용소 <b>', mark: false },
    ]);
  });

  it('never turns escaped markup into a mark', () => {
    expect(snippetParts('&lt;mark&gt;x&lt;/mark&gt;')).toEqual([{ text: '<mark>x</mark>', mark: false }]);
  });
});
