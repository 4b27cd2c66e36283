import { createHash, randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { unwrapDataKey } from '../../src/common/crypto/envelope';
import { LocalFileStore } from '../../src/storage/file-store';
import { sealStream } from '../../src/storage/sealed-stream';
import { startBenchServer } from './support/bench-server';

// One case-file export of a case with 1,000 testimonies (each with an approved ~20 KB redaction)
// and 300 MiB of evidence files, built by one worker process. The case is seeded cheaply: rows by
// SQL, file blobs sealed straight into the file store with the case key, as an upload would.
// Reported: wall time of the export job, MiB/s of package written, the worker's peak RSS, and the
// anchor measured in the same run on the same files: `zip -0` + `sha256sum` + `sha512sum` (the
// standard tools doing the zip and the two manifests' work), with the ratio anchor / export.
const TESTIMONIES = Number(process.env.BENCH_TESTIMONIES || 1000);
const FILE_MIB = Number(process.env.BENCH_EXPORT_MIB || 300);
const FILE_SIZE = 10 * 2 ** 20;
const MASTER_KEY = Buffer.alloc(32, 3);
const TEXT = '저는 1997년에 [PLACE] 관리소로 끌려갔습니다. [W-0001]는 같은 작업반에 있었습니다. The guards beat anyone who fell behind the quota. ';

function vm(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const storageDir = `/tmp/sillok-bench-${process.pid}`;
  const anchorDir = `/tmp/sillok-bench-anchor-${process.pid}`;
  mkdirSync(`${anchorDir}/files`, { recursive: true });
  const server = await startBenchServer(undefined, { STORAGE_DIR: storageDir });
  const db = new Client({ connectionString: server.databaseUrl });
  await db.connect();
  try {
    const headers = { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string; status?: string; jobId?: string };
    };
    const seeded = Date.now();
    const kase = await post('/cases', { title: 'Export benchmark' });
    const caseId = kase.id;
    const person = await post(`/cases/${caseId}/people`, { kind: 'witness', identity: { namesHangul: ['김철수'], namesRomanised: ['Kim Chol-su'] } });
    const admin = server.adminId;

    // Testimonies, consent, transcripts, versions and approved 'un' redactions, all by SQL.
    const redacted = TEXT.repeat(Math.ceil(20_000 / Buffer.byteLength(TEXT)));
    const redactedSha = createHash('sha256').update(redacted).digest('hex');
    await db.query('BEGIN');
    await db.query(
      `INSERT INTO testimonies (id, case_id, interviewee_id, interview_date_precision, languages, modality, risk_level, status, created_by, version)
       SELECT gen_random_uuid(), $1, $2, 'unknown', '{ko}', 'in_person', 'high', 'reviewed', $3, 1 FROM generate_series(1, $4)`, [caseId, person.id, admin, TESTIMONIES]);
    await db.query(
      `INSERT INTO consent_versions (case_id, testimony_id, version, purposes, anonymity_required, identity_disclosure_allowed, no_death_penalty_proceedings, recontact_allowed, method, taken_by, taken_at, created_by)
       SELECT $1, id, 1, '{share_un_mechanisms}', true, false, false, false, 'signed_form', $2, now() - interval '1 day', $2 FROM testimonies WHERE case_id = $1`, [caseId, admin]);
    await db.query(`INSERT INTO transcripts (case_id, testimony_id, kind, language, latest_version, created_by) SELECT $1, id, 'original', 'ko', 1, $2 FROM testimonies WHERE case_id = $1`, [caseId, admin]);
    await db.query(
      `INSERT INTO transcript_versions (case_id, transcript_id, version, text_sealed, text_length, text_sha256, created_by)
       SELECT $1, id, 1, '\\x00'::bytea, 1, repeat('0', 64), $2 FROM transcripts WHERE case_id = $1`, [caseId, admin]);
    await db.query(
      `INSERT INTO redactions (case_id, testimony_id, transcript_id, transcript_version_id, source_sha256, profile, dictionary_version, engine_version, config_key, status, redacted_text, redacted_sha256, spans, reviewed_by, reviewed_at, version)
       SELECT $1, t.testimony_id, t.id, v.id, repeat('0', 64), 'un', 'bench', 'bench', 'bench-' || v.id, 'approved', $2, $3, '[]', $4, now(), 1
         FROM transcripts t JOIN transcript_versions v ON v.transcript_id = t.id WHERE t.case_id = $1`, [caseId, redacted, redactedSha, admin]);
    await db.query('COMMIT');

    // The evidence files (300 MiB by default): random bytes sealed into the store under the case key.
    const [{ wrapped_data_key: wrapped }] = (await db.query('SELECT wrapped_data_key FROM cases WHERE id = $1', [caseId])).rows as Array<{ wrapped_data_key: Buffer }>;
    const dataKey = unwrapDataKey(MASTER_KEY, wrapped, caseId);
    const store = new LocalFileStore(storageDir);
    const files = Math.max(1, Math.round((FILE_MIB * 2 ** 20) / FILE_SIZE));
    for (let i = 0; i < files; i++) {
      const hash = createHash('sha256');
      const target = await store.begin();
      const plain = `${anchorDir}/files/f${String(i).padStart(4, '0')}.mp4`;
      writeFileSync(plain, '');
      const chunks = (function* () {
        for (let left = FILE_SIZE; left > 0; left -= 2 ** 20) {
          const chunk = randomBytes(Math.min(2 ** 20, left));
          hash.update(chunk);
          writeFileSync(plain, chunk, { flag: 'a' });
          yield chunk;
        }
      })();
      await pipeline(Readable.from(chunks), sealStream(dataKey, `file-blob:${caseId}`), target.stream);
      const sha = hash.digest('hex');
      const key = `${caseId}/${sha.slice(0, 2)}/${sha}`;
      await target.commit(key);
      const [{ id: fileId }] = (await db.query(
        `INSERT INTO files (case_id, kind, media_type, size_bytes, sha256, storage_key, uploaded_by) VALUES ($1, 'video', 'video/mp4', $2, $3, $4, $5) RETURNING id`,
        [caseId, FILE_SIZE, sha, key, admin])).rows as Array<{ id: string }>;
      await db.query(
        `INSERT INTO evidence_items (case_id, code, kind, title, file_id, sha256, source_key, created_by, version) VALUES ($1, $2, 'video', $3, $4, $5, $6, $7, 1)`,
        [caseId, `E-${String(i + 1).padStart(4, '0')}`, `Camp footage ${i + 1}`, fileId, sha, `file:${sha}`, admin]);
    }
    const payloadMiB = (files * FILE_SIZE) / 2 ** 20;
    process.stdout.write(`setup: ${TESTIMONIES} testimonies with approved redactions (${((TESTIMONIES * Buffer.byteLength(redacted)) / 2 ** 20).toFixed(1)} MiB), ${files} files (${payloadMiB} MiB), seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s\n`);

    // The anchor, on the same plaintext files (in the page cache like the store's blobs): zip -0 + sha256sum + sha512sum.
    const tool = (cmd: string, args: string[]) => {
      const t0 = process.hrtime.bigint();
      const run = spawnSync(cmd, args, { cwd: anchorDir, stdio: ['ignore', 'ignore', 'inherit'] });
      if (run.status !== 0) throw new Error(`${cmd} failed (${run.error?.message ?? run.status})`);
      return Number(process.hrtime.bigint() - t0) / 1e9;
    };
    const names = Array.from({ length: files }, (_v, i) => `files/f${String(i).padStart(4, '0')}.mp4`);
    tool('cat', names); // warm the page cache once for both sides
    const anchorParts = { zip: tool('zip', ['-0', '-q', '-r', 'anchor.zip', 'files']), sha256sum: tool('sha256sum', names), sha512sum: tool('sha512sum', names) };
    const anchor = anchorParts.zip + anchorParts.sha256sum + anchorParts.sha512sum;
    process.stdout.write(`anchor on the same ${payloadMiB} MiB: zip -0 ${anchorParts.zip.toFixed(2)} s + sha256sum ${anchorParts.sha256sum.toFixed(2)} s + sha512sum ${anchorParts.sha512sum.toFixed(2)} s = ${anchor.toFixed(2)} s (${(payloadMiB / anchor).toFixed(0)} MiB/s)\n`);

    // The compiled worker (npm run build) is what production runs; the TypeScript loader alone adds ~100 MiB of RSS.
    const compiled = join(__dirname, '..', '..', 'dist', 'worker.js');
    const useDist = process.env.BENCH_EXPORT_LOADER !== 'swc' && existsSync(compiled);
    const worker = useDist
      ? spawn(process.execPath, [...(process.env.BENCH_EXPORT_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_EXPORT_PROFILE}`] : []), compiled], {
        env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: server.databaseUrl, LOG_LEVEL: 'warn', SILLOK_MASTER_KEY: MASTER_KEY.toString('base64'), QUEUE_PREFIX: `bench_${process.pid}`, STORAGE_DIR: storageDir },
        stdio: ['ignore', 'ignore', 'inherit'],
      })
      : server.startWorker();
    process.stdout.write(`worker: ${useDist ? 'compiled (dist/worker.js)' : 'TypeScript via @swc-node/register'}\n`);
    const pid = worker.pid as number;
    await new Promise((r) => setTimeout(r, 4000)); // let the worker boot (its baseline RSS is reported separately)
    const baseline = vm(pid, 'VmRSS');
    const started = Date.now();
    const exp = await post(`/cases/${caseId}/exports`, { recipient: { kind: 'un_mechanism', name: 'OHCHR Seoul', deathPenaltyJurisdiction: 'false' }, purpose: 'share_un_mechanisms', profile: 'un' });
    let status = exp.status;
    let body: { status: string; sizeBytes: number | null; included: unknown; excludedCount: number; error: string | null } = { status: 'queued', sizeBytes: null, included: {}, excludedCount: 0, error: null };
    let peak = 0;
    while (status !== 'ready' && status !== 'failed') {
      await new Promise((r) => setTimeout(r, 50));
      peak = Math.max(peak, vm(pid, 'VmRSS'));
      body = (await (await fetch(`${server.url}/cases/${caseId}/exports/${exp.id}`, { headers })).json()) as typeof body;
      status = body.status;
    }
    const seconds = (Date.now() - started) / 1000;
    const hwm = vm(pid, 'VmHWM');
    const mib = (body.sizeBytes ?? 0) / 2 ** 20;
    process.stdout.write(`export ${status} in ${seconds.toFixed(1)} s: package ${mib.toFixed(1)} MiB, ${(mib / seconds).toFixed(0)} MiB/s; included ${JSON.stringify(body.included)}, excluded ${body.excludedCount}${body.error ? `, error ${body.error}` : ''}\n`);
    process.stdout.write(`worker RSS: before the job ${baseline.toFixed(0)} MiB, peak sampled ${peak.toFixed(0)} MiB, VmHWM ${hwm.toFixed(0)} MiB\n`);
    const [times] = (await db.query('SELECT extract(epoch FROM finished_at - created_at)::float AS job FROM exports WHERE id = $1', [exp.id])).rows as Array<{ job: number }>;
    const ratio = anchor / seconds;
    process.stdout.write(`export: wall ${seconds.toFixed(2)} s (request to ready seen), job ${times.job.toFixed(2)} s (queued to finished); ratio anchor / export = ${ratio.toFixed(2)} (wall), ${(anchor / times.job).toFixed(2)} (job)\n`);
    if (useDist) {
      worker.kill('SIGTERM');
      await new Promise((r) => worker.once('exit', r));
    }
    process.stdout.write(`targets: RSS < 300 MiB -> ${hwm < 300 ? 'met' : 'NOT met'}; >= 2x the anchor (wall) -> ${ratio >= 2 ? 'met' : 'NOT met'}\n`);
    if (status !== 'ready') process.exitCode = 1;
  } finally {
    await db.end();
    await server.stop();
    const { rm } = await import('node:fs/promises');
    await rm(storageDir, { recursive: true, force: true });
    await rm(anchorDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
