// The package's custody log: the audit entries of the records in the package, each with every
// field its hash covers, and custody-log.md telling a recipient how to recompute the hashes and
// the chain without our source. Pure: the builder feeds rows in and writes what comes out.

/** One line of custody-log.jsonl: exactly the hashed fields of an audit entry, plus its hash. */
export interface CustodyLine {
  seq: string;
  occurredAt: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  caseId: string | null;
  details: unknown;
  correlationId: string | null;
  prevHash: string;
  hash: string;
}

/** The names of the members the hash covers: every member of a line but `hash`. */
export const HASHED_FIELDS = ['seq', 'occurredAt', 'actorId', 'action', 'subjectType', 'subjectId', 'caseId', 'details', 'correlationId', 'prevHash'] as const;

export interface AuditRow {
  seq: string;
  occurred_at: Date | string;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  case_id: string | null;
  details: unknown;
  correlation_id: string | null;
  prev_hash: string;
  hash: string;
}

export function custodyLine(row: AuditRow): CustodyLine {
  return {
    seq: String(row.seq),
    // The audit log hashes the ISO form with milliseconds, which timestamptz keeps exactly.
    occurredAt: (row.occurred_at instanceof Date ? row.occurred_at : new Date(row.occurred_at)).toISOString(),
    actorId: row.actor_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    caseId: row.case_id,
    details: row.details ?? {},
    correlationId: row.correlation_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** What custody-log.md states about the file: counts, gaps and the log's head at export time. */
export interface CustodySummary {
  entries: number;
  firstSeq: string | null;
  lastSeq: string | null;
  /** Places where consecutive lines are not consecutive in the log. */
  gaps: number;
  /** Entries between the first and last line that are not in the file. */
  omitted: number;
  /** Of those: entries of this case (about records not in this package). */
  omittedThisCase: number;
  /** The last entry of the whole log when the package was built: the sender is committed to it. */
  head: { seq: string; hash: string } | null;
  caseId: string;
}

/** Follows the lines as they are written, counting gaps. */
export class CustodyTracker {
  entries = 0;
  gaps = 0;
  firstSeq: bigint | null = null;
  lastSeq: bigint | null = null;

  add(line: CustodyLine): void {
    const seq = BigInt(line.seq);
    if (this.lastSeq !== null && seq !== this.lastSeq + 1n) this.gaps++;
    if (this.firstSeq === null) this.firstSeq = seq;
    this.lastSeq = seq;
    this.entries++;
  }

  /** Entries between the first and the last line that the file does not hold. */
  get omitted(): number {
    return this.firstSeq === null || this.lastSeq === null ? 0 : Number(this.lastSeq - this.firstSeq + 1n) - this.entries;
  }
}

const PYTHON = `import hashlib, json

FIELDS = ('seq', 'occurredAt', 'actorId', 'action', 'subjectType', 'subjectId',
          'caseId', 'details', 'correlationId', 'prevHash')
previous, gaps, number = None, 0, 0
with open('custody-log.jsonl', encoding='utf-8') as log:
    for number, line in enumerate(log, 1):
        entry = json.loads(line)
        assert set(entry) == set(FIELDS) | {'hash'}, f'line {number}: unexpected members'
        canonical = json.dumps({k: entry[k] for k in FIELDS}, sort_keys=True,
                               separators=(',', ':'), ensure_ascii=False)
        assert hashlib.sha256(canonical.encode('utf-8')).hexdigest() == entry['hash'], \\
            f'line {number} (seq {entry["seq"]}): content does not match its hash'
        if previous is not None:
            assert int(entry['seq']) > int(previous['seq']), f'line {number}: out of order'
            if int(entry['seq']) == int(previous['seq']) + 1:
                assert entry['prevHash'] == previous['hash'], f'line {number}: chain broken'
            else:
                gaps += 1
        previous = entry
print(f'custody log OK: {number} entries, every hash recomputed, {gaps} gaps')`;

/** custody-log.md: how to check custody-log.jsonl with standard tools, and what this one holds. */
export function renderCustodyReadme(s: CustodySummary): string {
  const range = s.firstSeq === null ? 'no entries' : `entries ${s.firstSeq} to ${s.lastSeq} of the log`;
  return `# custody-log.jsonl: the chain of custody of what this package holds

Every action taken on a record in this package (a testimony, its transcripts and redactions, an
evidence item, a file, an incident, a perpetrator, an evidence link) was written to the sender's
audit log when it happened. The log is hash-chained: each entry holds the SHA-256 of the entry
before it (\`prevHash\`) and its own SHA-256 (\`hash\`), computed over all its other fields, so no
entry can be changed, inserted or removed without breaking every later link.

This file holds the entries about the records in this package, one JSON object per line, in log
order. Each line holds every field its hash covers, so each hash can be recomputed from this
package alone, without the sender's software.

## This file

- ${s.entries} entries (${range}), all of case \`${s.caseId}\`.
- ${s.gaps} gap(s): ${s.omitted} entries between the first and the last line are not here
  (${s.omittedThisCase} of this case, ${s.omitted - s.omittedThisCase} of other cases or of no case).
- The log's last entry when this package was built: ${s.head ? `seq ${s.head.seq}, hash \`${s.head.hash}\`` : 'none'}.
  The package's signature covers this file, so the sender is committed to that head: a later
  change to any entry up to it would show.

## Fields of a line

| Member | Meaning |
|---|---|
| \`seq\` | position in the sender's log (a decimal string); the log has no gaps |
| \`occurredAt\` | when, UTC, ISO 8601 with milliseconds (\`2025-01-10T09:00:00.000Z\`) |
| \`actorId\` | the user account that acted (an id; names are not exported), or null for the system |
| \`action\` | what was done (\`testimony.create\`, \`redaction.approve\`, \`file.upload\`, …) |
| \`subjectType\`, \`subjectId\` | the record acted on |
| \`caseId\` | the case the entry belongs to |
| \`details\` | the facts of the change: ids, field names, counts, digests (never names or text) |
| \`correlationId\` | the request or job the action came from, or null |
| \`prevHash\` | \`hash\` of the entry with \`seq\` one lower (64 zeros for the log's first entry) |
| \`hash\` | SHA-256 of the canonical encoding of all the members above, lowercase hex |

## How to recompute a hash

1. Take every member of the line except \`hash\` (the ten members listed above, no others).
2. Encode them as JSON with object members sorted by name at every depth (names are ASCII, so
   byte order), no whitespace between tokens, strings escaped only where JSON requires it
   (\`"\`, \`\\\\\`, control characters; \`\\b \\f \\n \\r \\t\` short forms, others \`\\u00xx\`),
   other characters (Korean included) written as they are, integers without a fraction or
   exponent, absent values as \`null\`.
3. SHA-256 over the UTF-8 bytes of that text, written as 64 lowercase hex digits, is \`hash\`.

## How to check the chain, and what a gap means

Where two consecutive lines have consecutive \`seq\`, the second's \`prevHash\` must equal the
first's \`hash\`. Where \`seq\` jumps, the entries in between are about records that are not in
this package: records of this case left out of this package (see excluded.json), the case's
administration (membership, exports, downloads, audited reads of identities), other cases, and
accounts and sign-ins. They are withheld because they are not the recipient's to see. The jump
is visible (\`seq\`) and the link is fixed (\`prevHash\` of the line after a gap is the \`hash\` of
the withheld entry just before it), so the sender can later prove the chain across a gap to an
auditor by showing the withheld entries, and cannot replace them.

## The same in a few lines of Python 3 (standard library only)

Run in the directory that holds custody-log.jsonl:

\`\`\`python
${PYTHON}
\`\`\`

With jq, one line's hash: \`sed -n 1p custody-log.jsonl | jq -cjS 'del(.hash)' | sha256sum\`
(equal to the encoding above for the usual content; the Python is the reference).
`;
}
