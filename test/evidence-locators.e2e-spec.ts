import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture } from './helpers/case-fixtures';

describe('evidence locators: a page range, a time range, an image region', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  const files: Record<string, string> = {};
  const post = (body: Record<string, unknown>) => ctx.http().post(`/cases/${f.caseId}/evidence`).set(...bearer(f.lead.token)).send(body);

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    for (const [kind, type, name] of [['document', 'application/pdf', 'register.pdf'], ['audio', 'audio/mpeg', 'interview.mp3'], ['image', 'image/jpeg', 'camp.jpg']]) {
      const res = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).field('kind', kind).attach('file', Buffer.from(`${kind} bytes`), { filename: name, contentType: type }).expect(201);
      files[kind] = res.body.id as string;
    }
  });
  afterAll(async () => { await ctx.close(); });

  it('stores a valid locator and returns it; the whole file when absent', async () => {
    const pages = await post({ kind: 'document', title: 'Register, pp. 3-4', fileId: files.document, locator: { kind: 'pages', from: 3, to: 4 }, mediaExtent: { pages: 10 } }).expect(201);
    expect(pages.body).toMatchObject({ locator: { kind: 'pages', from: 3, to: 4 }, mediaExtent: { pages: 10, durationSeconds: null } });
    const time = await post({ kind: 'audio', title: 'Beating described', fileId: files.audio, locator: { kind: 'time', startSeconds: 61.25, endSeconds: 95 }, mediaExtent: { durationSeconds: 3600 } }).expect(201);
    expect(time.body.locator).toEqual({ kind: 'time', startSeconds: 61.25, endSeconds: 95 });
    const region = await post({ kind: 'image', title: 'Guard tower', fileId: files.image, locator: { kind: 'region', x: 0.1, y: 0.2, width: 0.3, height: 0.4 } }).expect(201);
    expect(region.body.locator).toEqual({ kind: 'region', x: 0.1, y: 0.2, width: 0.3, height: 0.4, page: null });
    const whole = await post({ kind: 'image', title: 'Whole image', fileId: files.image }).expect(201);
    expect(whole.body.locator).toBeNull();
    const read = await ctx.http().get(`/cases/${f.caseId}/evidence/${region.body.id}`).set(...bearer(f.observer.token)).expect(200);
    expect(read.body.locator).toEqual(region.body.locator);
  });

  it.each([
    [{ kind: 'document', fileId: 'document', locator: { kind: 'pages', from: 0, to: 2 } }, 'locator.from'],
    [{ kind: 'document', fileId: 'document', locator: { kind: 'pages', from: 5, to: 2 } }, 'locator.to'],
    [{ kind: 'document', fileId: 'document', locator: { kind: 'pages', from: 5, to: 11 }, mediaExtent: { pages: 10 } }, 'locator.to'],
    [{ kind: 'audio', fileId: 'audio', locator: { kind: 'time', startSeconds: 30, endSeconds: 30 } }, 'locator.endSeconds'],
    [{ kind: 'audio', fileId: 'audio', locator: { kind: 'time', startSeconds: 30, endSeconds: 3601 }, mediaExtent: { durationSeconds: 3600 } }, 'locator.endSeconds'],
    [{ kind: 'audio', fileId: 'audio', locator: { kind: 'pages', from: 1, to: 1 } }, 'locator.kind'],
    [{ kind: 'image', fileId: 'image', locator: { kind: 'region', x: 0.8, y: 0, width: 0.5, height: 0.1 } }, 'locator.width'],
    [{ kind: 'image', fileId: 'image', locator: { kind: 'region', x: -0.1, y: 0, width: 0.5, height: 0.1 } }, 'locator.x'],
    [{ kind: 'image', fileId: 'image', locator: { kind: 'shape' } }, 'locator.kind'],
    [{ kind: 'image', fileId: 'image', locator: { kind: 'region', x: 'left', y: 0, width: 0.5, height: 0.1 } }, 'locator.x'],
  ])('refuses a bad locator with 400 naming the field (%#)', async (body, field) => {
    const res = await post({ title: 'x', ...body, fileId: files[body.fileId] }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('items not from files have no locator', async () => {
    const res = await post({ kind: 'physical_item', title: 'Uniform', locator: { kind: 'pages', from: 1, to: 1 } }).expect(400);
    expect(res.body.details[0].field).toBe('locator');
  });
});
