import { renderReadingGuide, type ReadingGuideInput } from 'src/exports/report/reading-guide';

const input = (over: Partial<ReadingGuideInput> = {}): ReadingGuideInput => ({
  exportId: 'e1', bagName: 'sillok-export-abcd1234', caseRef: 'c0ffee00', caseTitle: 'Camp <15>', sender: { organization: 'Working Group', contactName: 'Evidence desk', contactEmail: 'desk@example.org' },
  recipient: { kind: 'public', name: 'Annual report', deathPenaltyJurisdiction: 'false' }, purpose: 'publication', profile: 'public', framework: 'rome-statute@2024',
  generatedAt: new Date('2026-01-02T03:04:05Z'), keyFingerprint: 'ab'.repeat(32), counts: { testimonies: 1 },
  excluded: [{ code: 'W-0002', kind: 'testimony', ref: '12345678', reason: 'consent_withdrawn' }, { code: 'X', kind: 'file', ref: 'r', reason: 'some_new_reason' }],
  testimonies: [{ ref: 'aaaa0000', code: 'W-0001', form: 'pseudonymised', transcripts: 1 }],
  incidents: [{ code: 'I-0001', title: 'Beating <b>', date: { precision: 'range', from: '1997-03', to: '1997-05' }, place: null, violationTypes: ['torture'], narrativeWithheld: true }],
  items: [{ code: 'E-0001', kind: 'transcript_passage', title: 'Account', sha256: null, quotes: ['"they beat [W-0001]"'] }],
  matrix: [{ code: 'RS-7-1-c', titleEn: 'Enslavement', titleKo: '노예화', elements: [{ code: 'RS-7-1-c-E1', text: 'The perpetrator exercised powers of ownership', supporting: 1, undermining: 0, gap: 'only_unreviewed' }] }],
  files: [],
  ...over,
});

describe('report.html reading guide', () => {
  it('has every section in English and Korean, escapes values, and prints', () => {
    const html = renderReadingGuide(input());
    for (const s of ['id="about"', 'id="incidents"', 'id="evidence"', 'id="matrix"', 'id="testimonies"', 'id="left-out"', 'id="files"', 'id="verify"', '사건', '증거 자료', '법적 요건', '제외된 자료', '검증 방법', '@media print', '@page']) expect(html, s).toContain(s);
    expect(html).toContain('Camp &lt;15&gt;');
    expect(html).toContain('Beating &lt;b&gt;');
    expect(html).not.toContain('<b>');
    expect(html).toContain('1997-03 – 1997-05 (range)');
    expect(html).toContain('<blockquote>&quot;they beat [W-0001]&quot;</blockquote>');
    expect(html).toContain('The perpetrator exercised powers of ownership');
    expect(html).toContain('support not yet reviewed');
    expect(html).toContain('The witness withdrew consent');
    expect(html).toContain('증언자가 동의를 철회했습니다');
    expect(html).toContain('some_new_reason');
    expect(html).toContain('Goes out without its narrative');
    expect(html).toContain('bagit.py --validate sillok-export-abcd1234');
    expect(html).toContain('openssl pkeyutl -verify -pubin -inkey sender.pub.pem -rawin -in sillok-export-abcd1234/tagmanifest-sha256.txt -sigfile tagmanifest.sig');
    expect(html).toContain('Working Group');
    expect(html).toContain('Evidence desk, desk@example.org');
  });

  it('says when the deployment has not named itself, and when nothing is linked', () => {
    const html = renderReadingGuide(input({ sender: { organization: null, contactName: null, contactEmail: null }, matrix: [], incidents: [], items: [] }));
    expect(html).toContain('not configured (EXPORT_SOURCE_ORGANIZATION)');
    expect(html).toContain('No included evidence is linked to a legal element.');
    expect(html).not.toContain('Sillok');
  });
});
