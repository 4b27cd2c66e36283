import { formatLoad, runLoad, startBenchServer } from './support/bench-server';

// Creating testimonies through HTTP with 16 concurrent clients: validation, access check,
// sealing the sensitive fields under the case key, and the chained audit entry all included.
const CONCURRENCY = 16;
const WARMUP = 500;
const MEASURED = Number(process.env.BENCH_REQUESTS || 6000);

async function main(): Promise<void> {
  const server = await startBenchServer();
  try {
    const auth = { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string };
    };
    const kase = await post('/cases', { title: 'Benchmark case' });
    const person = await post(`/cases/${kase.id}/people`, { kind: 'witness', identity: { namesHangul: ['김철수'], namesRomanised: ['Kim Chol-su'] } });
    const body = JSON.stringify({
      intervieweeId: person.id,
      interviewerIds: [server.adminId],
      interviewDate: { date: '2019-07-12', precision: 'day' },
      languages: ['ko'],
      modality: 'in_person',
      riskLevel: 'high',
      sensitive: { placeOfInterview: 'Seoul field office', interpreter: 'Interpreter A', riskNotes: 'family remains in North Hamgyong' },
      tags: ['kwanliso', 'forced-labour'],
    });
    const send = () => fetch(`${server.url}/cases/${kase.id}/testimonies`, { method: 'POST', headers: auth, body });
    await runLoad(WARMUP, CONCURRENCY, send);
    const result = await runLoad(MEASURED, CONCURRENCY, send);
    process.stdout.write(`${formatLoad(`POST /cases/:id/testimonies, ${CONCURRENCY} concurrent clients`, result)}\n`);
    process.stdout.write(`target: >= 500 req/s and p99 < 100 ms -> ${result.perSecond >= 500 && result.p99 < 100 ? 'met' : 'NOT met'}\n`);
    if (result.errors) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
