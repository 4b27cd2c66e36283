import { CustodyTracker, custodyLine, HASHED_FIELDS, renderCustodyReadme, type AuditRow } from 'src/exports/custody-log';

const row = (seq: number, over: Partial<AuditRow> = {}): AuditRow => ({
  seq: String(seq), occurred_at: new Date(Date.UTC(2025, 0, 10, 9, 0, seq)), actor_id: null, action: 'testimony.create', subject_type: 'testimony', subject_id: 's',
  case_id: 'c1', details: { n: seq }, correlation_id: null, prev_hash: '0'.repeat(64), hash: 'f'.repeat(64), ...over,
});

describe('custody log lines', () => {
  it('carry exactly the hashed fields plus the hash, in the audit log form (camelCase, ISO time with ms, seq as a string)', () => {
    const line = custodyLine(row(7));
    expect(Object.keys(line).sort()).toEqual([...HASHED_FIELDS, 'hash'].sort());
    expect(line).toMatchObject({ seq: '7', occurredAt: '2025-01-10T09:00:07.000Z', caseId: 'c1', details: { n: 7 } });
  });

  it('count gaps and the entries withheld between the first and the last line', () => {
    const t = new CustodyTracker();
    for (const seq of [3, 4, 9, 10, 20]) t.add(custodyLine(row(seq)));
    expect({ entries: t.entries, gaps: t.gaps, omitted: t.omitted, first: t.firstSeq, last: t.lastSeq }).toEqual({ entries: 5, gaps: 2, omitted: 13, first: 3n, last: 20n });
    expect(new CustodyTracker().omitted).toBe(0);
  });

  it('custody-log.md states the counts, the head and the recipe', () => {
    const md = renderCustodyReadme({ entries: 5, firstSeq: '3', lastSeq: '20', gaps: 2, omitted: 13, omittedThisCase: 4, head: { seq: '25', hash: 'a'.repeat(64) }, caseId: 'c1' });
    expect(md).toContain('5 entries (entries 3 to 20 of the log), all of case `c1`');
    expect(md).toContain('(4 of this case, 9 of other cases or of no case)');
    expect(md).toContain(`seq 25, hash \`${'a'.repeat(64)}\``);
    expect(md).toContain("json.dumps({k: entry[k] for k in FIELDS}, sort_keys=True,");
  });
});
