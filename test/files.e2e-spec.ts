import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture } from './helpers/case-fixtures';

function storedBlobs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) { if (entry.name !== '.tmp') out.push(...storedBlobs(full)); } else out.push(full);
  }
  return out;
}

function binaryParser(res: any, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('files: content-addressed, hashed at intake, verified on download', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  beforeAll(async () => {
    ctx = await createTestContext({ UPLOAD_MAX_BYTES: String(4 * 1024 * 1024) });
    f = await createCaseFixture(ctx);
  });
  afterAll(async () => { await ctx.close(); });

  it("an upload's SHA-256 matches sha256sum of the file, and the download returns the same bytes", async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const path = join(tmpdir(), `sillok-upload-${Date.now()}.bin`);
    writeFileSync(path, bytes);
    const expected = execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0];
    const res = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).field('kind', 'document').attach('file', path, { contentType: 'application/pdf' }).expect(201);
    expect(res.body).toMatchObject({ sha256: expected, size: bytes.length, kind: 'document', mediaType: 'application/pdf', testimonyId: null });
    const download = await ctx.http().get(`/cases/${f.caseId}/files/${res.body.id}/content`).set(...bearer(f.investigator.token)).buffer(true).parse(binaryParser).expect(200);
    expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);
    const audit = await ctx.sql<{ action: string }>("SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY seq", [res.body.id]);
    expect(audit.map((a) => a.action)).toEqual(['file.upload', 'file.download']);
  });

  it('the uploaded name is sealed: only a cleared member reads it, and each read is audited', async () => {
    const res = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).field('kind', 'audio').attach('file', Buffer.from('fake audio'), { filename: '김철수-면담.wav', contentType: 'audio/wav' }).expect(201);
    expect(JSON.stringify(res.body)).not.toContain('김철수');
    await ctx.http().get(`/cases/${f.caseId}/files/${res.body.id}/name`).set(...bearer(f.investigator.token)).expect(403);
    const named = await ctx.http().get(`/cases/${f.caseId}/files/${res.body.id}/name`).set(...bearer(f.lead.token)).expect(200);
    expect(named.body).toEqual({ name: '김철수-면담.wav' });
    const audit = await ctx.sql<{ action: string; actor_id: string }>("SELECT action, actor_id FROM audit_log WHERE subject_id = $1 ORDER BY seq", [res.body.id]);
    expect(audit.map((a) => a.action)).toEqual(['file.upload', 'file.name_read']);
    expect(audit[1].actor_id).toBe(f.lead.id);
    await ctx.http().get(`/cases/${f.caseId}/files/00000000-0000-4000-8000-000000000000/name`).set(...bearer(f.lead.token)).expect(404);
  });

  it('stores the bytes encrypted, once per case however often they are uploaded', async () => {
    const bytes = Buffer.from('%PDF-1.4 a document naming 김철수 in plain text');
    const first = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).attach('file', bytes, 'a.pdf').expect(201);
    const second = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).attach('file', bytes, 'b.pdf').expect(201);
    expect(second.body.sha256).toBe(first.body.sha256);
    expect(second.body.id).not.toBe(first.body.id);
    const blobs = storedBlobs(ctx.config.storageDir).filter((p) => p.endsWith(first.body.sha256));
    expect(blobs).toHaveLength(1);
    const stored = readFileSync(blobs[0]);
    expect(stored.includes(Buffer.from('김철수', 'utf8'))).toBe(false);
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);
  });

  it('a corrupted stored file is detected on download: an error, never the wrong bytes', async () => {
    const res = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).attach('file', randomBytes(50_000), 'x.bin').expect(201);
    const [blob] = storedBlobs(ctx.config.storageDir).filter((p) => p.endsWith(res.body.sha256));
    const stored = readFileSync(blob);
    stored[Math.floor(stored.length / 2)] ^= 0xff;
    writeFileSync(blob, stored);
    expect(statSync(blob).size).toBe(stored.length);
    const download = await ctx.http().get(`/cases/${f.caseId}/files/${res.body.id}/content`).set(...bearer(f.lead.token)).expect(500);
    expect(download.body).toMatchObject({ error: 'STORED_FILE_CORRUPT', message: expect.stringContaining('does not match its SHA-256') });
    const audit = await ctx.sql<{ action: string }>("SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY seq", [res.body.id]);
    expect(audit.map((a) => a.action)).toContain('file.integrity_failure');
  });

  it('files of a testimony need identity clearance to download; listing shows no file names', async () => {
    const person = await ctx.http().post(`/cases/${f.caseId}/people`).set(...bearer(f.lead.token)).send({ kind: 'witness' }).expect(201);
    const t = await ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...bearer(f.lead.token)).send({ intervieweeId: person.body.id, interviewDate: { precision: 'unknown' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high' }).expect(201);
    const rec = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).field('kind', 'audio').field('testimonyId', t.body.id).attach('file', randomBytes(1000), 'park-young-ho-2024.wav').expect(201);
    await ctx.http().get(`/cases/${f.caseId}/files/${rec.body.id}/content`).set(...bearer(f.investigator.token)).expect(403);
    const list = await ctx.http().get(`/cases/${f.caseId}/files?testimonyId=${t.body.id}`).set(...bearer(f.investigator.token)).expect(200);
    expect(list.body.total).toBe(1);
    expect(JSON.stringify(list.body)).not.toContain('park-young-ho');
  });

  it('bad uploads get a clear 4xx and leave nothing behind', async () => {
    const before = await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM files');
    const noFile = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).field('kind', 'audio').expect(400);
    expect(noFile.body.details).toEqual([{ field: 'file', problems: ['is required'] }]);
    await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).send({ file: 'json is not multipart' }).expect(400);
    const badKind = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).field('kind', 'hologram').attach('file', Buffer.from('x'), 'x').expect(400);
    expect(badKind.body.details[0].field).toBe('kind');
    await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).field('testimonyId', '00000000-0000-4000-8000-000000000000').attach('file', Buffer.from('y'), 'y').expect(400);
    const big = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).attach('file', randomBytes(4 * 1024 * 1024 + 1), 'big.bin').expect(413);
    expect(big.body.error).toBe('PAYLOAD_TOO_LARGE');
    await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.observer.token)).attach('file', Buffer.from('z'), 'z').expect(403);
    const after = await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM files');
    expect(after[0].n).toBe(before[0].n);
    expect(readdirSync(join(ctx.config.storageDir, '.tmp'))).toEqual([]);
  });
});
