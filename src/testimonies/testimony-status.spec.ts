import { statusChangeProblem } from 'src/testimonies/testimony-status';

describe('statusChangeProblem', () => {
  it('advances one step at a time', () => {
    expect(statusChangeProblem('draft', 'transcribed', 'investigator')).toBeNull();
    expect(statusChangeProblem('transcribed', 'redacted', 'investigator')).toBeNull();
    expect(statusChangeProblem('redacted', 'reviewed', 'reviewer')).toBeNull();
    expect(statusChangeProblem('draft', 'redacted', 'lead')).toMatch(/one step at a time/);
    expect(statusChangeProblem('draft', 'draft', 'lead')).toMatch(/already draft/);
  });
  it('lets anyone step back before review, and only a lead re-open a reviewed testimony', () => {
    expect(statusChangeProblem('redacted', 'draft', 'investigator')).toBeNull();
    expect(statusChangeProblem('reviewed', 'transcribed', 'investigator')).toMatch(/only a case lead/);
    expect(statusChangeProblem('reviewed', 'transcribed', 'lead')).toBeNull();
  });
});
