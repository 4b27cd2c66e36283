import { statusActions } from './status-workflow';

describe('statusActions', () => {
  it('a draft without a transcript cannot be marked transcribed, and says so', () => {
    expect(statusActions('draft', 'investigator', 0)).toEqual([{ to: 'transcribed', direction: 'advance', blockedBy: 'testimonies.workflow.blocked.needsTranscript' }]);
    expect(statusActions('draft', 'investigator', 1)).toEqual([{ to: 'transcribed', direction: 'advance', blockedBy: null }]);
  });

  it('marking reviewed needs the review permission; an investigator may go back', () => {
    expect(statusActions('redacted', 'investigator', 1)).toEqual([
      { to: 'reviewed', direction: 'advance', blockedBy: 'testimonies.workflow.blocked.reviewPermission' },
      { to: 'transcribed', direction: 'reopen', blockedBy: null },
    ]);
    expect(statusActions('redacted', 'reviewer', 1)[0]?.blockedBy).toBeNull();
  });

  it('only a lead re-opens a reviewed testimony', () => {
    expect(statusActions('reviewed', 'reviewer', 1)).toEqual([{ to: 'redacted', direction: 'reopen', blockedBy: 'testimonies.workflow.blocked.leadReopens' }]);
    expect(statusActions('reviewed', 'lead', 1)[0]?.blockedBy).toBeNull();
  });

  it('analysts and observers change nothing', () => {
    expect(statusActions('transcribed', 'analyst', 1).map((a) => a.blockedBy)).toEqual(['testimonies.workflow.blocked.recordPermission', 'testimonies.workflow.blocked.recordPermission']);
  });
});
