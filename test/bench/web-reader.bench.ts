// Browser bench of the transcript reader and the case matrix (issue 16: "a 200 KB transcript opens
// and selects smoothly; the matrix of 203 elements renders at once").
// Run: node scripts/bench.js web-reader   (builds web/dist first when it is stale)
//
// A real api (its own process, production build of the app) on a scratch database; a case with a
// 200 KB Korean/English transcript carrying ~50 passages, and links on some elements of the Rome
// Statute matrix. Debian's Chromium (playwright-core) measures, inside the page:
//   (a) navigation start → the reader's text in the document (all 200 KB),
//   (b) a sentence selected (DOM range + mouseup) → the "New evidence" button present,
//   (c) navigation start → every element cell of the matrix grid rendered,
// with the longest main-thread task (PerformanceObserver 'longtask') in each. Baseline in the same
// run: the same text as a static HTML page with the same number of <mark> spans (and a selection
// handler that adds a button), and a plain static table of the same number of cells. Ratios printed.
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../web/support/browser';
import buildWeb from '../web/support/build-web';
import { startBenchServer } from './support/bench-server';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 7);
const PASSAGES = 50;
const PASSWORD = 'bench-password-123456';

const KO = '저는 1997년 봄에 요덕 수용소에 도착했습니다. 보위부원들이 우리를 재판 없이 징벌방에 가두었습니다. 겨울에는 하루에 옥수수 한 줌만 받았습니다. ';
const EN = 'We were made to work in the mine from dawn until dark. Nobody told our families where we were. Those who fell ill were left without care. ';

function transcript(): string {
  let text = '';
  for (let i = 0; text.length < 200_000; i++) text += (i % 2 ? EN : KO) + (i % 6 === 5 ? '\n\n' : '');
  return text.slice(0, 200_000);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1).padStart(7)} ms  p95 ${pct(xs, 95).toFixed(1).padStart(7)} ms`;

/** Records the longest task from now on (window.__longest), in any page of the context. */
const OBSERVE = `(() => {
  window.__longest = 0;
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask', buffered: true }); } catch {}
})()`;

/** performance.now() when `ready()` (a JS expression) first holds, polled every animation frame. */
async function timeUntil(page: Page, ready: string): Promise<number> {
  await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: 120_000 });
  return page.evaluate<number>('performance.now()');
}

/** Selects [start, end) of the container's text as a mouse would, and times until `ready` holds. */
function selectAndTime(containerSelector: string, start: number, end: number, ready: string): string {
  return `new Promise((resolve) => {
    const el = document.querySelector(${JSON.stringify(containerSelector)});
    window.__longest = 0;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let at = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const len = node.data.length;
      if (${start} >= at && ${start} <= at + len) range.setStart(node, ${start} - at);
      if (${end} >= at && ${end} <= at + len) { range.setEnd(node, ${end} - at); break; }
      at += len;
    }
    const t0 = performance.now();
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    const poll = () => (${ready}) ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(poll);
    poll();
  })`;
}

function baselineReader(text: string, cuts: Array<{ start: number; end: number }>): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  let html = '';
  let at = 0;
  for (const c of cuts) {
    html += esc(text.slice(at, c.start)) + `<mark>${esc(text.slice(c.start, c.end))}</mark>`;
    at = c.end;
  }
  html += esc(text.slice(at));
  return `<!doctype html><html lang="ko"><meta charset="utf-8"><body><div id="panel"></div>
<div id="text" style="white-space:pre-wrap;max-height:70vh;overflow-y:auto;line-height:1.7">${html}</div>
<script>document.getElementById('text').addEventListener('mouseup', () => { const s = getSelection().toString(); const p = document.getElementById('panel'); p.textContent = ''; const b = document.createElement('button'); b.textContent = 'New evidence (' + s.length + ')'; p.appendChild(b); });</script></body></html>`;
}

function baselineTable(cells: number): string {
  const rows = Array.from({ length: cells }, (_v, i) => `<tr><th>RS-${i}</th><td><button data-status="weak">${i}</button></td><td>element ${i} text of the crime</td></tr>`).join('');
  return `<!doctype html><html lang="en"><meta charset="utf-8"><body><table>${rows}</table></body></html>`;
}

async function main(): Promise<void> {
  buildWeb();
  const server = await startBenchServer();
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  const browser = await launchBrowser();
  try {
    // Seed: case, witness, testimony, 200 KB transcript, 50 passages, links on some elements.
    const text = transcript();
    const kase = await api('POST', '/cases', { title: 'Bench: reader' });
    const witness = await api('POST', `/cases/${kase.id}/people`, { kind: 'witness', identity: { namesHangul: ['김벤치'] } });
    const testimony = await api('POST', `/cases/${kase.id}/testimonies`, { intervieweeId: witness.id, interviewDate: { date: '2024-05-03', precision: 'day' }, languages: ['ko', 'en'], modality: 'in_person', riskLevel: 'high' });
    const t = await api('POST', `/cases/${kase.id}/testimonies/${testimony.id}/transcripts`, { kind: 'original', language: 'ko', text });
    const versionId = t.versions[0].id as string;
    const list = await api('GET', '/legal/frameworks?code=rome-statute&status=published');
    const rome = await api('GET', `/legal/frameworks/${list.items[0].id}`);
    const elements = (rome.crimes as Array<{ elements: Array<{ id: string }> }>).flatMap((c) => c.elements);
    const step = Math.floor(text.length / PASSAGES);
    const cuts: Array<{ start: number; end: number }> = [];
    for (let i = 0; i < PASSAGES; i++) {
      const start = i * step + 10;
      const end = start + 120;
      cuts.push({ start, end });
      await api('POST', `/cases/${kase.id}/evidence/passages`, {
        title: `Passage ${i + 1}`, passage: { transcriptVersionId: versionId, start, end },
        link: { frameworkVersionId: rome.id, elementId: elements[(i * 7) % elements.length]!.id, relation: 'supports', probativeValue: 3, sourceReliability: 'B', informationCredibility: 2 },
      });
    }

    const context = await browser.newContext({ baseURL: server.url, locale: 'ko-KR', viewport: { width: 1280, height: 800 } });
    await context.addInitScript(OBSERVE);
    const page = await context.newPage();
    await page.goto('/app/');
    await page.getByLabel(/이메일|Email/).fill('bench@example.org');
    await page.getByLabel(/비밀번호|Password/, { exact: false }).first().fill(PASSWORD);
    await page.getByRole('button', { name: /로그인|Sign in/ }).click();
    await page.waitForURL(/\/app\//);
    await page.waitForLoadState('networkidle');

    const readerUrl = `/app/cases/${kase.id}/testimonies/${testimony.id}/reader`;
    const textReady = `(() => { const d = document.querySelector('[data-testid="reader-text"]'); return !!d && d.textContent.length >= ${text.length}; })()`;
    const sentence = text.indexOf('보위부원들이', 30_000);
    const sentenceEnd = text.indexOf('.', sentence) + 1;
    const buttonReady = `[...document.querySelectorAll('button')].some((b) => /새 증거|New evidence/.test(b.textContent))`;
    const matrixUrl = `/app/cases/${kase.id}/matrix`;
    const cellsReady = `document.querySelectorAll('[data-status]').length >= ${elements.length}`;

    const results = { open: [] as number[], openLong: [] as number[], select: [] as number[], selectLong: [] as number[], matrix: [] as number[], matrixLong: [] as number[] };
    const base = { open: [] as number[], openLong: [] as number[], select: [] as number[], selectLong: [] as number[], matrix: [] as number[], matrixLong: [] as number[] };
    const readerHtml = baselineReader(text, cuts);
    const tableHtml = baselineTable(elements.length);
    await page.route('**/bench-baseline/reader.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: readerHtml }));
    await page.route('**/bench-baseline/table.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: tableHtml }));

    for (let i = 0; i < ITERATIONS + 1; i++) {
      const record = i > 0; // the first round warms caches and the lazy chunks
      // The app: reader open, selection, matrix.
      await page.goto(readerUrl);
      const open = await timeUntil(page, textReady);
      const openLong = await page.evaluate<number>('window.__longest');
      await page.waitForLoadState('networkidle');
      const select = await page.evaluate<number>(selectAndTime('[data-testid="reader-text"]', sentence, sentenceEnd, buttonReady));
      const selectLong = await page.evaluate<number>('window.__longest');
      await page.goto(matrixUrl);
      const matrix = await timeUntil(page, cellsReady);
      const matrixLong = await page.evaluate<number>('window.__longest');
      // The baseline: static pages, same text and spans, same number of cells.
      await page.goto('/bench-baseline/reader.html');
      const bOpen = await timeUntil(page, `(() => { const d = document.getElementById('text'); return !!d && d.textContent.length >= ${text.length}; })()`);
      const bOpenLong = await page.evaluate<number>('window.__longest');
      const bSelect = await page.evaluate<number>(selectAndTime('#text', sentence, sentenceEnd, buttonReady));
      const bSelectLong = await page.evaluate<number>('window.__longest');
      await page.goto('/bench-baseline/table.html');
      const bMatrix = await timeUntil(page, cellsReady);
      const bMatrixLong = await page.evaluate<number>('window.__longest');
      if (!record) continue;
      results.open.push(open); results.openLong.push(openLong); results.select.push(select); results.selectLong.push(selectLong); results.matrix.push(matrix); results.matrixLong.push(matrixLong);
      base.open.push(bOpen); base.openLong.push(bOpenLong); base.select.push(bSelect); base.selectLong.push(bSelectLong); base.matrix.push(bMatrix); base.matrixLong.push(bMatrixLong);
    }

    const out = (s: string) => process.stdout.write(`${s}\n`);
    out(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} cores; ${ITERATIONS} iterations after a warm-up; text ${text.length} chars, ${PASSAGES} passages, ${elements.length} matrix elements`);
    const row = (name: string, app: number[], appLong: number[], b: number[], bLong: number[]) =>
      out(`${name.padEnd(34)} app ${fmt(app)} (longest task p95 ${pct(appLong, 95).toFixed(0)} ms) | baseline ${fmt(b)} (longest ${pct(bLong, 95).toFixed(0)} ms) | ratio p50 ${(pct(app, 50) / pct(b, 50)).toFixed(1)}x`);
    row('(a) reader: navigation → text', results.open, results.openLong, base.open, base.openLong);
    row('(b) select a sentence → action', results.select, results.selectLong, base.select, base.selectLong);
    row('(c) matrix: navigation → all cells', results.matrix, results.matrixLong, base.matrix, base.matrixLong);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
