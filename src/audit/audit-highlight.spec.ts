import { auditHighlight, HIGHLIGHT_ACTIONS } from 'src/audit/audit-highlight';

describe('auditHighlight', () => {
  it('marks identity and sensitive reads', () => {
    for (const action of ['person.identity_read', 'testimony.sensitive_read', 'file.name_read', 'transcript.read', 'search.raw', 'victim_attributes.read']) {
      expect(auditHighlight(action)).toBe('identity_read');
    }
  });
  it('marks downloads of files and packages', () => {
    expect(auditHighlight('file.download')).toBe('download');
    expect(auditHighlight('export.download')).toBe('download');
  });
  it('leaves ordinary changes plain, including ones that merely contain the words', () => {
    for (const action of ['person.create', 'person.identity_update', 'file.upload', 'export.request', 'auth.login', 'transcript.read.extra']) expect(auditHighlight(action)).toBeNull();
  });
  it('lists each kind for SQL filters', () => {
    expect(HIGHLIGHT_ACTIONS.download).toEqual(['file.download', 'export.download', 'list.download']);
    expect(auditHighlight('list.download')).toBe('download');
    expect(HIGHLIGHT_ACTIONS.identity_read).toContain('person.identity_read');
  });
});
