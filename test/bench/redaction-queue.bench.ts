import { loadavg } from 'node:os';
import { compileDictionary, compilePatterns, redact, resolveProfile } from 'src/redaction/engine';
import { startBenchServer } from './support/bench-server';

// 1,000 testimonies of ~2 KB and 1,000 of ~20 KB (two cases), each set redacted end to end
// through the queue by one (already running) worker: decrypt, detect with the case's dictionary
// and patterns, store text and span log. Baseline, measured in the same run on the same texts:
// the engine alone in this process (compile + redact every text, no queue, no database, no
// crypto); the ratio queue / engine is the price of the queue, the storage and the crypto.
// Targets (issue 12): 1,000 × 2 KB < 5 s, 1,000 × 20 KB < 30 s. BENCH_SIZES_KB=2,20 by default.
const TESTIMONIES = Number(process.env.BENCH_TESTIMONIES || 1000);
const SIZES_KB = (process.env.BENCH_SIZES_KB || '2,20').split(',').map(Number);
const TARGET_SECONDS: Record<number, number> = { 2: 5, 20: 30 };

const SENTENCES = [
  '저는 1997년에 요덕 관리소로 끌려갔습니다. 김철수는 같은 작업반에 있었습니다. ',
  '보위부 사람들이 밤에 와서 가족을 데려갔고, 이영희 씨는 그 뒤로 소식이 없습니다. ',
  'In 1998 we were moved to the mine near the river; Kim Chol-su worked beside me every day. ',
  '연락처는 010-1234-5678 이었고 중국 번호는 +86 138 0013 8000 이었습니다. ',
  'The guards beat anyone who fell behind the quota. Ri Yong-ho tried to help and was taken away. ',
  '우리는 하루에 옥수수 몇 알만 먹었습니다. 많은 사람들이 굶어서 죽었습니다. ',
];

function transcript(seed: number, targetBytes: number): string {
  let text = '';
  for (let i = seed; Buffer.byteLength(text, 'utf8') < targetBytes; i++) text += SENTENCES[i % SENTENCES.length];
  return text;
}

const NAMES = [['김철수', 'Kim Chol-su'], ['이영희', 'Ri Yong-hui'], ['리용호', 'Ri Yong-ho']];

/** The baseline: the same registry and texts through the engine alone, in this process. */
function engineSeconds(texts: string[]): number {
  const started = performance.now();
  const dictionary = compileDictionary({ people: NAMES.map(([h, l], i) => ({ ref: `W-${i + 1}`, category: 'person' as const, names: [h, l] })) });
  const patterns = compilePatterns();
  const profile = resolveProfile('un');
  const secret = Buffer.alloc(32, 7);
  for (const text of texts) redact(text, { dictionary, patterns, profile, pseudonymSecret: secret });
  return (performance.now() - started) / 1000;
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

async function main(): Promise<void> {
  const server = await startBenchServer();
  try {
    const headers = { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string; status?: string };
    };
    const runJob = async (caseId: string) => {
      const started = Date.now();
      const job = await post(`/cases/${caseId}/redactions`, { profile: 'un' });
      let status = job.status;
      let result: unknown;
      while (status !== 'completed' && status !== 'failed') {
        await new Promise((r) => setTimeout(r, 100));
        const res = await fetch(`${server.url}/jobs/${job.id}`, { headers });
        ({ status, result } = (await res.json()) as { status: string; result: unknown });
      }
      return { status, result, seconds: (Date.now() - started) / 1000 };
    };
    const makeCase = async (title: string, count: number, bytesEach: number) => {
      const kase = await post('/cases', { title });
      const people: Array<{ id: string }> = [];
      for (const [hangul, latin] of NAMES) people.push(await post(`/cases/${kase.id}/people`, { kind: 'witness', identity: { namesHangul: [hangul], namesRomanised: [latin] } }));
      const texts: string[] = [];
      for (let i = 0; i < count; i += 16) {
        await Promise.all(Array.from({ length: Math.min(16, count - i) }, async (_x, k) => {
          const t = await post(`/cases/${kase.id}/testimonies`, { intervieweeId: people[(i + k) % people.length].id, interviewDate: { precision: 'unknown' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high' });
          const text = transcript(i + k, bytesEach);
          texts.push(text);
          await post(`/cases/${kase.id}/testimonies/${t.id}/transcripts`, { kind: 'original', language: 'ko', text });
        }));
      }
      return { caseId: kase.id, texts };
    };

    // The worker is started and warmed (one tiny job) first: its start-up is not redaction.
    const warm = await makeCase('Warm-up', 2, 200);
    const workerStarted = Date.now();
    server.startWorker();
    const warmed = await runJob(warm.caseId);
    process.stdout.write(`worker start-up and warm-up job: ${((Date.now() - workerStarted) / 1000).toFixed(1)} s (${warmed.status})\n`);

    for (const kb of SIZES_KB) {
      const created = Date.now();
      const { caseId, texts } = await makeCase(`Redaction benchmark ${kb} KB`, TESTIMONIES, kb * 1024);
      const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
      process.stdout.write(`\n-- ${TESTIMONIES} testimonies × ${kb} KB: ${(bytes / 2 ** 20).toFixed(1)} MiB of transcripts, created in ${((Date.now() - created) / 1000).toFixed(1)} s\n`);
      const before = load();
      const { status, result, seconds } = await runJob(caseId);
      const after = load();
      const baseline = engineSeconds(texts);
      process.stdout.write(`queue: job ${status} in ${seconds.toFixed(2)} s, ${(TESTIMONIES / seconds).toFixed(0)} testimonies/s, ${(bytes / 2 ** 20 / seconds).toFixed(2)} MiB/s; result ${JSON.stringify(result)}\n`);
      process.stdout.write(`baseline (engine alone, same texts, this process): ${baseline.toFixed(2)} s; ratio queue/engine ${(seconds / baseline).toFixed(2)}\n`);
      process.stdout.write(`load average (1/5/15 min) before ${before}, after ${after}\n`);
      const target = TARGET_SECONDS[kb];
      if (target) process.stdout.write(`target: ${TESTIMONIES} testimonies of ${kb} KB in < ${target} s -> ${status === 'completed' && seconds < target ? 'met' : 'NOT met'}\n`);
      if (status !== 'completed') process.exitCode = 1;
    }
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
