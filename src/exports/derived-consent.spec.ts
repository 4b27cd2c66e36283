import { codeScrubber, decideIncident, decidePerson, withheldPeople } from 'src/exports/derived-consent';
import type { TestimonyOutcome } from 'src/exports/export-policy';

const outcomes = new Map<string, TestimonyOutcome>([
  ['in', { include: true, form: 'pseudonymised', consentVersion: 1 }],
  ['refused', { include: false, reason: 'purpose_not_granted' }],
  ['withdrawn', { include: false, reason: 'consent_withdrawn' }],
  ['unredacted', { include: false, reason: 'no_approved_redaction' }],
]);

describe('consent on derived material', () => {
  it('an incident whose sources are all left out stays out; a mixed one goes without its narrative; one without sources goes', () => {
    expect(decideIncident([], outcomes)).toEqual({ include: true, narrative: true });
    expect(decideIncident(['in'], outcomes)).toEqual({ include: true, narrative: true });
    expect(decideIncident(['in', 'withdrawn'], outcomes)).toEqual({ include: true, narrative: false });
    expect(decideIncident(['refused', 'withdrawn'], outcomes)).toEqual({ include: false, reason: 'all_sources_excluded' });
    expect(decideIncident(['unknown'], outcomes)).toEqual({ include: false, reason: 'all_sources_excluded' });
  });

  it('withholds a person only when all their testimonies are left out and one of them by consent', () => {
    const withheld = withheldPeople([
      { id: 'in', code: 'W-0001' }, { id: 'withdrawn', code: 'W-0001' }, // one included: not withheld
      { id: 'refused', code: 'S-0002' },
      { id: 'withdrawn', code: 'W-0003' }, { id: 'unredacted', code: 'W-0003' },
      { id: 'unredacted', code: 'W-0004' }, // not the witness's choice
    ], outcomes);
    expect([...withheld]).toEqual([['S-0002', 'purpose_not_granted'], ['W-0003', 'consent_withdrawn']]);
  });

  it('scrubs withheld codes from free text, bracketed or not, and leaves longer or prefixed tokens alone', () => {
    const scrub = codeScrubber(['W-0001', 'S-0001']);
    expect(scrub('corroborated by [W-0001] and W-0001; victim S-0001.')).toBe('corroborated by [withheld] and [withheld]; victim [withheld].');
    expect(scrub('W-00012, XW-0001, W-0002, 증인W-0001')).toBe('W-00012, XW-0001, W-0002, 증인W-0001');
    expect(scrub('(W-0001)')).toBe('([withheld])');
    expect(scrub(null)).toBeNull();
    expect(codeScrubber([])('W-0001')).toBe('W-0001');
  });

  it('lists a person only when included material refers to them and their consent does not keep them out', () => {
    const withheld = new Map([['W-0002', 'consent_withdrawn']]);
    const referred = new Set(['W-0001', 'W-0002']);
    expect(decidePerson('W-0001', referred, withheld)).toEqual({ include: true });
    expect(decidePerson('W-0002', referred, withheld)).toEqual({ include: false, reason: 'consent_withdrawn' });
    expect(decidePerson('V-0001', referred, withheld)).toEqual({ include: false, reason: 'not_referred' });
  });
});
