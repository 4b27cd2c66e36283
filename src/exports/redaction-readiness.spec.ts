import { notReadyMessage, pendingRedactions, type TranscriptRedactionState } from 'src/exports/redaction-readiness';

const state = (over: Partial<TranscriptRedactionState>): TranscriptRedactionState => ({
  transcriptId: 'tr', testimonyId: 't1', kind: 'translation', language: 'en', version: 2, approvedNow: false, approvedBefore: true, latestStatus: 'proposed', ...over,
});

describe('export readiness: approved redactions of the versions that would go', () => {
  it('a transcript approved before but not at its latest version makes the export not ready', () => {
    expect(pendingRedactions([state({})], () => true)).toHaveLength(1);
  });

  it('approved now, never approved, or a testimony the consent keeps out: no obstacle', () => {
    expect(pendingRedactions([state({ approvedNow: true }), state({ approvedBefore: false }), state({ testimonyId: 't2' })], (id) => id !== 't2')).toEqual([]);
  });

  it('names each waiting transcript by code, kind, language, version and what it waits for', () => {
    const message = notReadyMessage([state({}), state({ kind: 'original', language: 'ko', version: 3, latestStatus: null }), state({ latestStatus: 'returned' })], () => 'W-0001', 'un', 2);
    expect(message).toContain('3 transcript(s)');
    expect(message).toContain('W-0001 translation (en) v2: proposed, awaiting review');
    expect(message).toContain('W-0001 original (ko) v3: redaction not run yet');
    expect(message).toContain('and 1 more');
    expect(message.length).toBeLessThan(500);
  });
});
