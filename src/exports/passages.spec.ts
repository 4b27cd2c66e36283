import { PassageQuoter, quotePassage, transcriptPayloadPath } from 'src/exports/passages';
import { renderRedaction } from 'src/redaction/render';

const ORIGINAL = 'Kim Chol-su said Pak Yong-ho was beaten.';
const redacted = renderRedaction(ORIGINAL, [{ start: 0, end: 11, replacement: '[W-0001]' }, { start: 17, end: 28, replacement: '[P-0001]' }]);

describe('passages in an export package', () => {
  it('quotes a passage as redacted, with offsets into the redacted text', () => {
    const q = quotePassage(redacted, ORIGINAL.indexOf('said'), ORIGINAL.length);
    expect(q.quote).toBe('said [P-0001] was beaten.');
    expect(redacted.text.slice(q.start, q.end)).toBe(q.quote);
  });

  it('quotes only versions in the package, loading each redaction once', async () => {
    let loads = 0;
    const quoter = new PassageQuoter(new Map([['v1', { redactionId: 'r1', path: `data/${transcriptPayloadPath('abcd1234', 'original', 'en')}` }]]), async () => {
      loads++;
      return redacted;
    });
    expect(quoter.has('v1')).toBe(true);
    expect(quoter.has('v0')).toBe(false);
    expect(quoter.has(null)).toBe(false);
    expect(await quoter.quote('v0', 0, 5)).toBeNull();
    expect(await quoter.quote('v1', 0, 3)).toEqual({ transcriptVersionId: 'v1', path: 'data/testimonies/abcd1234/original-en.txt', start: 0, end: 8, quote: '[W-0001]' });
    expect(await quoter.quote('v1', 12, 16)).toMatchObject({ quote: 'said' });
    expect(await quoter.quote('v1', null, null)).toBeNull();
    expect(loads).toBe(1);
  });
});
