import { startWebApp, type WebApp } from './support/web-app';

describe('the api serves the built web app at /app/', () => {
  let web: WebApp;
  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => { await web?.close(); });

  it('redirects / and /app to /app/', async () => {
    expect((await web.ctx.http().get('/').expect(302)).headers.location).toBe('/app/');
    expect((await web.ctx.http().get('/app').expect(301)).headers.location).toBe('/app/');
  });

  it('serves index.html with Cache-Control: no-store, also for deep links', async () => {
    for (const path of ['/app/', '/app/cases/00000000-0000-4000-8000-000000000000/people']) {
      const res = await web.ctx.http().get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text).toContain('<div id="root"></div>');
    }
  });

  it('has no inline script in index.html (the CSP allows script-src self only)', async () => {
    const html = (await web.ctx.http().get('/app/').expect(200)).text;
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="\/app\/assets\//);
      expect(body.trim()).toBe('');
    }
  });

  it('serves hashed assets with a year-long immutable cache, and a missing asset is a 404, not HTML', async () => {
    const html = (await web.ctx.http().get('/app/').expect(200)).text;
    const asset = /src="(\/app\/assets\/[^"]+\.js)"/.exec(html)?.[1] as string;
    const res = await web.ctx.http().get(asset).expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
    const missing = await web.ctx.http().get('/app/assets/nope-123.js').expect(404);
    expect(missing.headers['content-type']).not.toMatch(/text\/html/);
  });

  it('leaves the API where it was', async () => {
    await web.ctx.http().get('/health').expect(200);
    await web.ctx.http().get('/auth/me').expect(401);
  });
});
