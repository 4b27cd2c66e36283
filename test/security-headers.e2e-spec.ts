import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import type { Response as TestResponse } from 'supertest';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, WITNESS_IDENTITY } from './helpers/case-fixtures';

const API_CSP = "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'";
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function directives(res: TestResponse): Map<string, string[]> {
  const header = res.headers['content-security-policy'] as string | undefined;
  expect(header, 'Content-Security-Policy header').toBeDefined();
  return new Map((header as string).split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

/** What every response carries, whatever its route or status. */
function expectBaseHeaders(res: TestResponse): void {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(res.headers['x-powered-by']).toBeUndefined();
  expect(directives(res).get('frame-ancestors')).toEqual(["'none'"]);
  // Plain HTTP from a client the api does not take for a TLS-terminating proxy: no HSTS.
  expect(res.headers['strict-transport-security']).toBeUndefined();
}

function expectApiHeaders(res: TestResponse): void {
  expectBaseHeaders(res);
  expect(res.headers['content-security-policy']).toBe(API_CSP);
  expect(res.headers['cache-control']).toBe('no-store');
}

describe('security headers', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
  });
  afterAll(async () => { await ctx.close(); });

  it('JSON API responses, public and signed in', async () => {
    expectApiHeaders(await ctx.http().get('/health').expect(200));
    expectApiHeaders(await ctx.http().get('/users/me').set(...bearer(f.lead.token)).expect(200));
    expectApiHeaders(await ctx.http().get('/docs-json').expect(200));
  });

  it('error responses: 401, 404, 400 and an unknown route', async () => {
    expectApiHeaders(await ctx.http().get('/users/me').expect(401));
    expectApiHeaders(await ctx.http().get(`/cases/${f.caseId}`).set(...bearer(f.outsider.token)).expect(404));
    expectApiHeaders(await ctx.http().post('/cases').set(...bearer(f.lead.token)).set('Content-Type', 'application/json').send('{"title":').expect(400));
    expectApiHeaders(await ctx.http().get('/no-such-route').expect(404));
  });

  it('an identity read and a raw transcript are never stored by a cache', async () => {
    const person = await ctx.http().post(`/cases/${f.caseId}/people`).set(...bearer(f.lead.token)).send({ kind: 'witness', identity: WITNESS_IDENTITY }).expect(201);
    const identity = await ctx.http().get(`/cases/${f.caseId}/people/${person.body.id}/identity`).set(...bearer(f.lead.token)).expect(200);
    expectApiHeaders(identity);
  });

  it('a file download', async () => {
    const file = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).field('kind', 'document').attach('file', Buffer.from('%PDF-1.4 evidence'), { filename: 'a.pdf', contentType: 'application/pdf' }).expect(201);
    const download = await ctx.http().get(`/cases/${f.caseId}/files/${file.body.id}/content`).set(...bearer(f.investigator.token)).buffer(true).expect(200);
    expectApiHeaders(download);
  });

  it('/docs gets a policy that lets Swagger UI load its own assets and nothing else', async () => {
    const page = await ctx.http().get('/docs/').expect(200);
    expectBaseHeaders(page);
    expect(page.headers['cache-control']).toBe('no-store');
    const csp = directives(page);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    // Every script is a same-origin file (script-src 'self' needs no inline exception) and is served.
    const html = page.text;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    const assets = [...html.matchAll(/(?:src|href)=["']([^"']+)["']/g)].map((m) => m[1]).filter((u) => !u.startsWith('#') && !u.startsWith('http'));
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      const res = await ctx.http().get(new URL(asset, 'http://x/docs/').pathname).expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('/app/ (the web application) gets its own policy', async () => {
    const res = await ctx.http().get('/app/');
    expectBaseHeaders(res);
    const csp = directives(res);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('font-src')).toEqual(["'self'"]);
  });

  it('Swagger UI renders in Chromium under its policy without a single violation', async () => {
    expect(existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`).toBe(true);
    const server = ctx.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const browser = await chromium.launch({ executablePath: CHROMIUM });
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (message) => { if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text()); });
      await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
      // Runs in the page (no DOM types here): every violation the browser reports, including blocked inline styles.
      await page.addInitScript("document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI))");
      await page.goto(`http://127.0.0.1:${port}/docs`);
      await page.locator('.swagger-ui .info .title').filter({ hasText: 'Sillok API' }).waitFor();
      // Expand one operation: Swagger UI renders its parts (and their styles and icons).
      await page.locator('.opblock-summary').first().click();
      await page.locator('.opblock-body').first().waitFor();
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('HSTS only on a request that came over TLS through a trusted proxy', async () => {
    // Not trusted by default: a client claiming https gets no HSTS.
    const spoofed = await ctx.http().get('/health').set('X-Forwarded-Proto', 'https').expect(200);
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();

    const proxied = await createTestContext({ TRUST_PROXY: 'loopback' });
    try {
      const tls = await proxied.http().get('/health').set('X-Forwarded-Proto', 'https').expect(200);
      expect(tls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const plain = await proxied.http().get('/health').expect(200);
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      const error = await proxied.http().get('/users/me').set('X-Forwarded-Proto', 'https').expect(401);
      expect(error.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await proxied.close();
    }
  });
});
