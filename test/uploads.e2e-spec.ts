import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture } from './helpers/case-fixtures';
import { listenOnce, multipartBody, MultipartPart, openUpload, RawClient } from './helpers/raw-http';
import { waitFor } from './helpers/wait';

const MAX = 64 * 1024;
const BOUNDARY = 'b';

/**
 * Broken multipart bodies against both upload routes: each must be answered 4xx, leave no
 * temporary file and no row, and the api must keep serving.
 */
describe('uploads: broken, interrupted and oversized multipart bodies are harmless', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let client: RawClient;
  let port: number;

  beforeAll(async () => {
    ctx = await createTestContext({ UPLOAD_MAX_BYTES: String(MAX) });
    f = await createCaseFixture(ctx);
    port = await listenOnce(ctx.app.getHttpServer());
    client = new RawClient(port, 2);
  });
  afterAll(async () => {
    client.close();
    await ctx.close();
  });

  const tmpFiles = () => {
    const dir = join(ctx.config.storageDir, '.tmp');
    return existsSync(dir) ? readdirSync(dir) : [];
  };
  const rows = async () => (await ctx.sql<{ files: number; imports: number; jobs: number }>('SELECT (SELECT count(*)::int FROM files) AS files, (SELECT count(*)::int FROM imports) AS imports, (SELECT count(*)::int FROM jobs) AS jobs'))[0];
  const headers = (boundary = BOUNDARY) => ({ 'Content-Type': `multipart/form-data; boundary=${boundary}`, Authorization: `Bearer ${f.lead.token}` });
  const ROUTES = ['files', 'imports'] as const;
  const formFor = (route: (typeof ROUTES)[number]): MultipartPart[] => (route === 'imports' ? [{ name: 'entityType', data: 'incidents' }] : [{ name: 'kind', data: 'document' }]);
  const post = (route: string, body: Buffer | string, boundary = BOUNDARY) => client.send('POST', `/cases/${f.caseId}/${route}`, headers(boundary), body);

  /** The app still answers, nothing was stored and no temporary file is left. */
  const expectHarmless = async (before: { files: number; imports: number; jobs: number }) => {
    const health = await client.send('GET', '/health');
    expect(health.status).toBe(200);
    expect(await rows()).toEqual(before);
    expect(tmpFiles()).toEqual([]);
  };

  it.each(ROUTES)('POST /cases/:id/%s: a body without its closing boundary (the reported crash) is a 400 naming the problem', async (route) => {
    const before = await rows();
    const res = await post(route, '--b\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ error: 'VALIDATION_FAILED', message: expect.stringMatching(/Unexpected end of form.*cut off before its closing boundary/) });
    await expectHarmless(before);
  });

  it.each(ROUTES)('POST /cases/:id/%s: every other way multipart can break is a 4xx, with nothing left behind', async (route) => {
    const before = await rows();
    const file: MultipartPart = { name: 'file', filename: 'a.csv', contentType: 'text/csv', data: randomBytes(20_000) };
    const cases: Array<{ label: string; body: Buffer | string; boundary?: string; status: number; match: RegExp }> = [
      { label: 'cut off inside a part header', body: '--b\r\nContent-Disposition: form-da', status: 400, match: /could not be read/ },
      { label: 'cut off after the file, before the closing boundary', body: multipartBody(BOUNDARY, [...formFor(route), file], false), status: 400, match: /could not be read/ },
      { label: 'cut off after a complete file part', body: multipartBody(BOUNDARY, [file, ...formFor(route)], false), status: 400, match: /could not be read/ },
      { label: 'a malformed part header after the file', body: Buffer.concat([multipartBody(BOUNDARY, [file], false), Buffer.from(`\r\n--b\r\n${'x'.repeat(90_000)}\r\n\r\nv\r\n--b--\r\n`)]), status: 400, match: /could not be read \(Malformed part header\)/ },
      { label: 'the wrong boundary', body: multipartBody('other', [...formFor(route), file]), status: 400, match: /could not be read/ },
      { label: 'an empty body', body: '', status: 400, match: /could not be read/ },
      { label: 'no file part', body: multipartBody(BOUNDARY, formFor(route)), status: 400, match: /No file was sent/ },
      { label: 'two files', body: multipartBody(BOUNDARY, [...formFor(route), file, { ...file, filename: 'b.csv' }]), status: 400, match: /file must be sent once/ },
      { label: 'a file under another name', body: multipartBody(BOUNDARY, [...formFor(route), { ...file, name: 'upload' }, file]), status: 400, match: /upload is not a file field/ },
      { label: 'the file as a text field', body: multipartBody(BOUNDARY, [...formFor(route), { name: 'file', data: 'abc' }]), status: 400, match: /file must be sent as a file/ },
      { label: 'an unknown field', body: multipartBody(BOUNDARY, [...formFor(route), { name: 'isAdmin', data: 'true' }, file]), status: 400, match: /property isAdmin should not exist/ },
      { label: 'a field sent twice', body: multipartBody(BOUNDARY, [...formFor(route), ...formFor(route), file]), status: 400, match: /must be sent once/ },
      { label: 'a field over its size limit', body: multipartBody(BOUNDARY, [{ name: formFor(route)[0].name, data: 'x'.repeat(5000) }, file]), status: 400, match: /must be at most \d+ bytes/ },
      { label: 'too many fields', body: multipartBody(BOUNDARY, [...Array.from({ length: 25 }, (_, i) => ({ name: `f${i}`, data: 'x' })), file]), status: 400, match: /more than \d+ (fields|parts)/ },
      { label: 'a NUL in a field', body: multipartBody(BOUNDARY, [{ name: formFor(route)[0].name, data: 'docu\u0000ment' }, file]), status: 400, match: /NUL/ },
      { label: 'a file over the limit', body: multipartBody(BOUNDARY, [...formFor(route), { ...file, data: randomBytes(MAX + 1) }]), status: 413, match: /exceeds the upload limit of 65536 bytes/ },
    ];
    for (const c of cases) {
      const res = await post(route, c.body, c.boundary);
      expect(res.status, c.label).toBe(c.status);
      expect(JSON.parse(res.text).message, c.label).toMatch(c.match);
      expect(tmpFiles(), c.label).toEqual([]);
    }
    // Not multipart at all.
    expect((await client.send('POST', `/cases/${f.caseId}/${route}`, { 'Content-Type': 'application/json', Authorization: `Bearer ${f.lead.token}` }, '{"file":"x"}')).status).toBe(400);
    expect((await client.send('POST', `/cases/${f.caseId}/${route}`, { 'Content-Type': 'multipart/form-data', Authorization: `Bearer ${f.lead.token}` }, 'x')).status).toBe(400);
    await expectHarmless(before);
  });

  it('multipart fields are validated like JSON bodies: testimonyId=zzz is a 400 naming the field, not a database error', async () => {
    const before = await rows();
    const res = await post('files', multipartBody(BOUNDARY, [{ name: 'testimonyId', data: 'zzz' }, { name: 'file', filename: 'a', data: 'abc' }]));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).details).toEqual([{ field: 'testimonyId', problems: ['testimonyId must be a testimony id'] }]);
    const kind = await post('files', multipartBody(BOUNDARY, [{ name: 'kind', data: 'hologram' }, { name: 'file', filename: 'a', data: 'abc' }]));
    expect(JSON.parse(kind.text).details[0].field).toBe('kind');
    const dryRun = await post('imports', multipartBody(BOUNDARY, [{ name: 'entityType', data: 'incidents' }, { name: 'dryRun', data: 'perhaps' }, { name: 'file', filename: 'a.csv', data: 'abc' }]));
    expect(JSON.parse(dryRun.text).details).toEqual([{ field: 'dryRun', problems: ['dryRun must be true or false'] }]);
    // Refused after the file was read: neither a temporary file nor a stored import file remains.
    const format = await post('imports', multipartBody(BOUNDARY, [{ name: 'entityType', data: 'incidents' }, { name: 'file', filename: 'a.txt', contentType: 'text/plain', data: randomBytes(100) }]));
    expect(JSON.parse(format.text).details[0].field).toBe('format');
    expect(existsSync(join(ctx.config.storageDir, 'imports'))).toBe(false);
    await expectHarmless(before);
  });

  it.each(ROUTES)('POST /cases/:id/%s: a client that disconnects in the middle of the file leaves nothing behind', async (route) => {
    const before = await rows();
    const head = multipartBody(BOUNDARY, [...formFor(route), { name: 'file', filename: 'a.csv', data: randomBytes(30_000) }], false);
    // More is announced than is sent: the server is still waiting for the rest when the socket closes.
    const upload = await openUpload(port, 'POST', `/cases/${f.caseId}/${route}`, headers(), head.length + 20_000);
    await upload.write(head);
    expect(await waitFor(async () => tmpFiles().length, (n) => n === 1, 10_000, 10)).toBe(1);
    await upload.abort();
    expect(await waitFor(async () => tmpFiles().length, (n) => n === 0, 10_000, 10)).toBe(0);
    // Gone before a byte of the body arrived.
    await (await openUpload(port, 'POST', `/cases/${f.caseId}/${route}`, headers(), 50_000)).abort();
    await expectHarmless(before);
  });

  it('a file of exactly UPLOAD_MAX_BYTES is accepted; one byte more is 413', async () => {
    const exact = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).attach('file', randomBytes(MAX), 'exact.bin').expect(201);
    expect(exact.body.size).toBe(MAX);
    const imported = await ctx.http().post(`/cases/${f.caseId}/imports`).set(...bearer(f.lead.token)).field('entityType', 'incidents').field('dryRun', 'true')
      .attach('file', Buffer.from(`title\n${'x'.repeat(MAX - 6)}`), { filename: 'exact.csv', contentType: 'text/csv' }).expect(202);
    expect(imported.body.sizeBytes).toBe(MAX);
    const before = await rows();
    const over = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).attach('file', randomBytes(MAX + 1), 'over.bin').expect(413);
    expect(over.body).toMatchObject({ error: 'PAYLOAD_TOO_LARGE', message: `The file exceeds the upload limit of ${MAX} bytes` });
    await ctx.http().post(`/cases/${f.caseId}/imports`).set(...bearer(f.lead.token)).field('entityType', 'incidents').attach('file', Buffer.alloc(MAX + 1, 0x61), 'over.csv').expect(413);
    await expectHarmless(before);
  });
});

describe('uploads: temporary files abandoned by a dead process are swept when the api and the worker start', () => {
  it('removes temporary files not written to for an hour, and keeps fresh ones (a peer replica may be writing them)', async () => {
    const storageDir = join('/tmp', `sillok-sweep-${randomBytes(6).toString('hex')}`);
    const tmp = join(storageDir, '.tmp');
    mkdirSync(tmp, { recursive: true });
    const plant = (name: string, ageMs: number) => {
      writeFileSync(join(tmp, name), randomBytes(100));
      const at = new Date(Date.now() - ageMs);
      utimesSync(join(tmp, name), at, at);
    };
    plant('stale-api', 2 * 3600_000);
    plant('fresh', 60_000);
    const ctx = await createTestContext({ STORAGE_DIR: storageDir });
    try {
      expect(readdirSync(tmp)).toEqual(['fresh']);
      plant('stale-worker', 61 * 60_000);
      await ctx.startWorker();
      expect(readdirSync(tmp)).toEqual(['fresh']);
    } finally {
      await ctx.close();
    }
  });
});
