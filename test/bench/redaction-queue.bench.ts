import { startBenchServer } from './support/bench-server';

// 1,000 testimonies of ~20 KB each, redacted end to end through the queue by one worker:
// decrypt, detect with the case's dictionary and patterns, store text and span log.
const TESTIMONIES = Number(process.env.BENCH_TESTIMONIES || 1000);
const TARGET_BYTES = 20 * 1024;

const SENTENCES = [
  '저는 1997년에 요덕 관리소로 끌려갔습니다. 김철수는 같은 작업반에 있었습니다. ',
  '보위부 사람들이 밤에 와서 가족을 데려갔고, 이영희 씨는 그 뒤로 소식이 없습니다. ',
  'In 1998 we were moved to the mine near the river; Kim Chol-su worked beside me every day. ',
  '연락처는 010-1234-5678 이었고 중국 번호는 +86 138 0013 8000 이었습니다. ',
  'The guards beat anyone who fell behind the quota. Ri Yong-ho tried to help and was taken away. ',
  '우리는 하루에 옥수수 몇 알만 먹었습니다. 많은 사람들이 굶어서 죽었습니다. ',
];

function transcript(seed: number): string {
  let text = '';
  for (let i = seed; Buffer.byteLength(text, 'utf8') < TARGET_BYTES; i++) text += SENTENCES[i % SENTENCES.length];
  return text;
}

async function main(): Promise<void> {
  const server = await startBenchServer();
  try {
    const headers = { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string; status?: string };
    };
    const kase = await post('/cases', { title: 'Redaction benchmark' });
    const names = [['김철수', 'Kim Chol-su'], ['이영희', 'Ri Yong-hui'], ['리용호', 'Ri Yong-ho']];
    const people: Array<{ id: string }> = [];
    for (const [hangul, latin] of names) people.push(await post(`/cases/${kase.id}/people`, { kind: 'witness', identity: { namesHangul: [hangul], namesRomanised: [latin] } }));
    let bytes = 0;
    const created = Date.now();
    for (let i = 0; i < TESTIMONIES; i += 16) {
      await Promise.all(Array.from({ length: Math.min(16, TESTIMONIES - i) }, async (_x, k) => {
        const t = await post(`/cases/${kase.id}/testimonies`, { intervieweeId: people[(i + k) % people.length].id, interviewDate: { precision: 'unknown' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high' });
        const text = transcript(i + k);
        bytes += Buffer.byteLength(text, 'utf8');
        await post(`/cases/${kase.id}/testimonies/${t.id}/transcripts`, { kind: 'original', language: 'ko', text });
      }));
    }
    process.stdout.write(`setup: ${TESTIMONIES} testimonies, ${(bytes / 2 ** 20).toFixed(1)} MiB of transcripts, created in ${((Date.now() - created) / 1000).toFixed(1)} s\n`);

    server.startWorker();
    const started = Date.now();
    const job = await post(`/cases/${kase.id}/redactions`, { profile: 'un' });
    let status = job.status;
    let result: unknown;
    while (status !== 'completed' && status !== 'failed') {
      await new Promise((r) => setTimeout(r, 200));
      const res = await fetch(`${server.url}/jobs/${job.id}`, { headers });
      ({ status, result } = (await res.json()) as { status: string; result: unknown });
    }
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`redaction job ${status} in ${seconds.toFixed(1)} s (including worker start-up), ${(TESTIMONIES / seconds).toFixed(0)} testimonies/s, ${(bytes / 2 ** 20 / seconds).toFixed(2)} MiB/s; result ${JSON.stringify(result)}\n`);
    process.stdout.write(`target: 1,000 testimonies of 20 KB in < 30 s -> ${status === 'completed' && seconds < 30 ? 'met' : 'NOT met'}\n`);
    if (status !== 'completed') process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
