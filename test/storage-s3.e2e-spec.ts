import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3FileStore } from 'src/storage/s3-file-store';
import { FILE_STORE } from 'src/storage/file-store';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture } from './helpers/case-fixtures';
import { startS3rver, TestS3 } from './helpers/s3rver';
import { waitFor } from './helpers/wait';
import { binaryBody, unzip } from './helpers/zip';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every object file s3rver holds on disk (its own layout: <bucket>/<key>._S3rver_object). */
function storedObjects(dir: string): Array<{ path: string; bytes: Buffer }> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('._S3rver_object'))
    .map((e) => ({ path: join(e.parentPath, e.name), bytes: readFileSync(join(e.parentPath, e.name)) }));
}

describe('files and export packages in an S3-compatible store (STORAGE_BACKEND=s3)', () => {
  let s3: TestS3;
  let ctx: TestContext;
  let f: CaseFixture;
  let work: string;
  const documentBytes = Buffer.concat([Buffer.from('%PDF-1.4 camp register naming 김철수 '), randomBytes(300_000)]);

  beforeAll(async () => {
    s3 = await startS3rver();
    work = mkdtempSync(join(tmpdir(), 'sillok-s3-e2e-'));
    ctx = await createTestContext({ ...s3.env, STORAGE_DIR: join(work, 'unused-local-dir') });
    f = await createCaseFixture(ctx);
  });
  afterAll(async () => {
    await ctx?.close();
    await s3?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('runs on the S3 store', () => {
    expect(ctx.app.get(FILE_STORE)).toBeInstanceOf(S3FileStore);
  });

  it('stores an upload sealed in the bucket, and downloads it with the same SHA-256', async () => {
    const res = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).field('kind', 'document').attach('file', documentBytes, { filename: 'register.pdf', contentType: 'application/pdf' }).expect(201);
    expect(res.body).toMatchObject({ sha256: sha256(documentBytes), size: documentBytes.length });
    const download = await ctx.http().get(`/cases/${f.caseId}/files/${res.body.id}/content`).set(...bearer(f.investigator.token)).buffer(true).parse(binaryBody).expect(200);
    expect(sha256(download.body as Buffer)).toBe(res.body.sha256);

    // In the bucket: one object under the file's content address, sealed; no temporary object left; nothing on local disk.
    const [row] = await ctx.sql<{ storage_key: string }>('SELECT storage_key FROM files WHERE id = $1', [res.body.id]);
    const objects = storedObjects(s3.directory);
    const stored = objects.filter((o) => o.path.includes(row.storage_key));
    expect(stored).toHaveLength(1);
    expect(stored[0].bytes.length).toBe(documentBytes.length + 29);
    expect(stored[0].bytes.includes(Buffer.from('김철수'))).toBe(false);
    expect(stored[0].bytes.includes(Buffer.from('%PDF'))).toBe(false);
    expect(objects.some((o) => o.path.includes('.tmp'))).toBe(false);
    expect(readdirSync(work)).toEqual([]);
  });

  it('detects an object altered in the bucket: an error, never the wrong bytes', async () => {
    const res = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).attach('file', randomBytes(40_000), 'x.bin').expect(201);
    const [row] = await ctx.sql<{ storage_key: string }>('SELECT storage_key FROM files WHERE id = $1', [res.body.id]);
    const [object] = storedObjects(s3.directory).filter((o) => o.path.includes(row.storage_key));
    object.bytes[20_000] ^= 0xff;
    writeFileSync(object.path, object.bytes);
    const download = await ctx.http().get(`/cases/${f.caseId}/files/${res.body.id}/content`).set(...bearer(f.lead.token)).expect(500);
    expect(download.body).toMatchObject({ error: 'STORED_FILE_CORRUPT' });
  });

  it('builds an export package into the bucket (worker) and serves its download from there', async () => {
    await ctx.startWorker();
    const post = (path: string, body: object) => ctx.http().post(`/cases/${f.caseId}${path}`).set(...bearer(f.lead.token)).send(body);
    const file = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).field('kind', 'document').attach('file', documentBytes, { filename: 'register.pdf', contentType: 'application/pdf' }).expect(201);
    await post('/evidence', { kind: 'document', title: 'Camp register scan', fileId: file.body.id }).expect(201);
    const accepted = await post('/exports', { recipient: { kind: 'un_mechanism', name: 'OHCHR Seoul', deathPenaltyJurisdiction: 'false' }, purpose: 'share_un_mechanisms', profile: 'un' }).expect(202);
    const done = await waitFor(async () => (await ctx.http().get(`/cases/${f.caseId}/exports/${accepted.body.id}`).set(...bearer(f.lead.token)).expect(200)).body, (e) => e.status === 'ready' || e.status === 'failed', 60_000);
    expect(done).toMatchObject({ status: 'ready', error: null });

    const [row] = await ctx.sql<{ storage_key: string }>('SELECT storage_key FROM exports WHERE id = $1', [done.id]);
    const [object] = storedObjects(s3.directory).filter((o) => o.path.includes(row.storage_key));
    expect(object.bytes.includes(Buffer.from('bagit.txt'))).toBe(false);

    const res = await ctx.http().get(`/cases/${f.caseId}/exports/${done.id}/download`).set(...bearer(f.lead.token)).buffer(true).parse(binaryBody).expect(200);
    const bytes = res.body as Buffer;
    expect(sha256(bytes)).toBe(done.packageSha256);
    const zip = join(work, 'package.zip');
    writeFileSync(zip, bytes);
    const files = await unzip(zip);
    rmSync(zip);
    expect([...files.values()].some((b) => b.equals(documentBytes))).toBe(true);
  });
});
