/**
 * Support for the browser journeys (test/web/*.web-spec.ts). A journey file sets up as before:
 *
 *   let web: WebApp;
 *   let browser: Browser;
 *   beforeAll(async () => { web = await startWebApp(); browser = await launchBrowser(); });
 *   afterAll(async () => { await browser?.close(); await web?.close(); });
 *
 * and makes its own users and cases (createUser, createCase, addMember), so files stay independent.
 * How they run (vitest.config.ts): one file at a time in one worker thread, beside the fork that
 * runs the e2e files, and that thread keeps loaded modules from one file to the next. So a file
 * must close in afterAll everything it opened (api, worker, browser, contexts it no longer needs),
 * must not change process.env or mock modules, and must wait for conditions, never for time:
 * the e2e lane shares the two cores. In ./browser.ts: signInThroughUi, tr (texts from the app's
 * own catalogues), expectAccessible (axe), screenshot, browserStorageDump, switchLanguage and
 * switchLanguageSignedIn (which also waits until the choice is stored).
 */
import type { AddressInfo } from 'node:net';
import { createTestContext, bearer, type TestContext } from '../../helpers/test-app';
import type { UserRole } from 'src/users/entities/user.entity';

export interface WebApp {
  ctx: TestContext;
  /** http://127.0.0.1:<port>: the api with the built app at /app/. */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A real api on its own database (cloned from the migrated template) listening on an ephemeral
 * port and serving web/dist. Start a worker with `web.ctx.startWorker()` when a journey needs jobs.
 */
export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  const ctx = await createTestContext(env);
  await ctx.app.listen(0, '127.0.0.1');
  const { port } = ctx.app.getHttpServer().address() as AddressInfo;
  return { ctx, baseUrl: `http://127.0.0.1:${port}`, close: () => ctx.close() };
}

export type TestUser = Awaited<ReturnType<TestContext['createUser']>>;

export async function createUser(web: WebApp, role: UserRole, displayName?: string): Promise<TestUser> {
  const user = await web.ctx.createUser(role);
  if (displayName) await web.ctx.sql('UPDATE users SET display_name = $1 WHERE id = $2', [displayName, user.id]);
  return user;
}

/** Creates a case through the API as `owner` (who becomes its lead); returns its id. */
export async function createCase(web: WebApp, owner: TestUser, title: string, description?: string): Promise<string> {
  const res = await web.ctx.http().post('/cases').set(...bearer(owner.token)).send({ title, description }).expect(201);
  return res.body.id as string;
}

/** Adds (or updates) `user` as a member of the case with `role` and identity clearance, through the API as `lead`. */
export async function addMember(web: WebApp, caseId: string, lead: TestUser, user: TestUser, role: string, identityClearance: boolean): Promise<void> {
  await web.ctx.http().put(`/cases/${caseId}/members/${user.id}`).set(...bearer(lead.token)).send({ role, identityClearance }).expect(200);
}
