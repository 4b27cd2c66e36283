import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { formatLoad, runLoad, startBenchServer } from './support/bench-server';

// Search over 20,000 testimonies (~20 KB of mixed Korean and English redacted text each) and
// 100,000 incidents, through HTTP with the real api process. Rows are bulk-inserted with SQL into
// the source tables (people, testimonies, transcripts, transcript_versions, redactions,
// incidents): the search index is filled by the same triggers that keep it current in production.
const TESTIMONIES = Number(process.env.BENCH_TESTIMONIES || 20_000);
const INCIDENTS = Number(process.env.BENCH_INCIDENTS || 100_000);
const TEXT_BYTES = 20_000;
const BATCH = 200;
const REQUESTS = Number(process.env.BENCH_REQUESTS || 200);
const CONCURRENCY = 1;

// Deterministic pseudo-random numbers (mulberry32), so every run indexes the same text.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(8);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const KO_WORDS = ['그때', '우리는', '아침에', '밤에', '보위원이', '경비대가', '마을에서', '공장에서', '탄광에서', '농장에서', '사람들이', '가족을', '식량이', '없어서', '배고파서', '걸어서', '강을', '건넜습니다', '잡혀서', '끌려갔습니다', '조사를', '받았습니다', '감옥에', '갇혔습니다', '매일', '일을', '했습니다', '아무도', '몰랐습니다', '어머니는', '아버지는', '동생이', '학교에', '다녔습니다', '겨울에', '추웠습니다', '병이', '들었습니다', '죽었습니다', '보았습니다', '들었습니다', '말했습니다', '회의에서', '비판을', '당했습니다', '중국으로', '도망쳤습니다', '송환되었습니다', '집결소에서', '노동단련대에'];
const SYLLABLES = '가나다라마바사아자차카타파하고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후기니디리미비시이지치키티피히'.split('');
const EN_WORDS = ['the', 'we', 'were', 'taken', 'to', 'a', 'small', 'room', 'where', 'guards', 'asked', 'questions', 'about', 'my', 'family', 'and', 'friends', 'in', 'China', 'they', 'beat', 'us', 'every', 'night', 'there', 'was', 'no', 'food', 'for', 'days', 'I', 'saw', 'people', 'die', 'from', 'hunger', 'winter', 'cold', 'work', 'team', 'leader', 'told', 'that', 'nobody', 'could', 'leave', 'village', 'mine', 'farm', 'factory', 'river', 'crossed', 'border', 'returned', 'prison', 'cell', 'interrogation', 'officer', 'soldiers', 'meeting', 'criticism', 'session', 'mother', 'father', 'brother', 'sister', 'school', 'hospital', 'medicine', 'sick', 'walked', 'hours', 'morning', 'evening', 'later', 'heard', 'rumours', 'letter', 'money', 'broker', 'train', 'station', 'market', 'sold', 'rice', 'corn', 'grass', 'soup'];
// Topic sentences, each in a share of the testimonies: what the benchmark queries look for.
const TOPICS: Array<{ share: number; sentences: string[] }> = [
  { share: 0.03, sentences: ['그는 요덕수용소에서 3년을 보냈습니다.', 'They sent him to Yodok camp.', 'My uncle was held at Yoduk for years.', 'The Yodeok camp had a revolutionising zone.'] },
  { share: 0.06, sentences: ['The agents arrested him at the market.', 'They were arresting everyone who had been to China.', 'After the arrest nobody saw her again.'] },
  { share: 0.05, sentences: ['우리는 매일 강제노동을 했습니다.', '강제노동 때문에 많은 사람이 죽었습니다.'] },
  { share: 0.05, sentences: ['It was forced labour from dawn to night.', 'Forced labour in the mine killed many.'] },
];

function koWord(): string {
  if (random() < 0.7) return pick(KO_WORDS);
  let w = '';
  for (let i = 0, n = 2 + Math.floor(random() * 3); i < n; i++) w += pick(SYLLABLES);
  return w;
}
function enWord(): string {
  if (random() < 0.8) return pick(EN_WORDS);
  let w = '';
  for (let i = 0, n = 4 + Math.floor(random() * 6); i < n; i++) w += String.fromCharCode(97 + Math.floor(random() * 26));
  return w;
}
function testimonyText(): string {
  const parts: string[] = [];
  let bytes = 0;
  const topics = TOPICS.filter((t) => random() < t.share);
  const korean = random() < 0.5;
  while (bytes < TEXT_BYTES) {
    const useKorean = korean ? random() < 0.8 : random() < 0.2;
    const words = Array.from({ length: 6 + Math.floor(random() * 10) }, useKorean ? koWord : enWord);
    let sentence = words.join(' ') + '.';
    if (topics.length && random() < 0.02) sentence += ' ' + pick(pick(topics).sentences);
    if (random() < 0.01) sentence += ` [W-${String(1 + Math.floor(random() * 9999)).padStart(4, '0')}]`;
    parts.push(sentence);
    bytes += Buffer.byteLength(sentence) + 1;
  }
  for (const t of topics) parts.splice(Math.floor(random() * parts.length), 0, pick(t.sentences));
  return parts.join(' ');
}

async function seed(db: Client, caseId: string, adminId: string): Promise<void> {
  let textBytes = 0;
  const t0 = Date.now();
  for (let start = 0; start < TESTIMONIES; start += BATCH) {
    const n = Math.min(BATCH, TESTIMONIES - start);
    const people = Array.from({ length: n }, () => randomUUID());
    const testimonies = Array.from({ length: n }, () => randomUUID());
    const transcripts = Array.from({ length: n }, () => randomUUID());
    const versions = Array.from({ length: n }, () => randomUUID());
    const codes = Array.from({ length: n }, (_, i) => `W-${String(start + i + 1).padStart(5, '0')}`);
    const years = Array.from({ length: n }, () => String(2005 + Math.floor(random() * 19)));
    const texts = Array.from({ length: n }, testimonyText);
    textBytes += texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
    const shas = texts.map((t) => createHash('sha256').update(t).digest('hex'));
    await db.query('BEGIN');
    await db.query(`INSERT INTO people (id, case_id, kind, code, created_by, version) SELECT id, $2, 'witness', code, $3, 1 FROM unnest($1::uuid[], $4::text[]) AS x(id, code)`, [people, caseId, adminId, codes]);
    await db.query(`INSERT INTO testimonies (id, case_id, interviewee_id, interview_date, interview_date_precision, languages, modality, risk_level, status, created_by, version)
      SELECT t, $2, p, y, 'year', '{ko,en}', 'in_person', 'high', 'redacted', $3, 1 FROM unnest($1::uuid[], $4::uuid[], $5::text[]) AS x(t, p, y)`, [testimonies, caseId, adminId, people, years]);
    await db.query(`INSERT INTO transcripts (id, case_id, testimony_id, kind, language, latest_version, created_by) SELECT tr, $2, t, 'original', 'ko', 1, $3 FROM unnest($1::uuid[], $4::uuid[]) AS x(tr, t)`, [transcripts, caseId, adminId, testimonies]);
    await db.query(`INSERT INTO transcript_versions (id, case_id, transcript_id, version, text_sealed, text_length, text_sha256, created_by)
      SELECT v, $2, tr, 1, '\\x00'::bytea, 1, 'x', $3 FROM unnest($1::uuid[], $4::uuid[]) AS x(v, tr)`, [versions, caseId, adminId, transcripts]);
    await db.query(`INSERT INTO redactions (case_id, testimony_id, transcript_id, transcript_version_id, source_sha256, profile, dictionary_version, engine_version, config_key, status, redacted_text, redacted_sha256, spans, version)
      SELECT $1, t, tr, v, 'x', 'internal', 'bench', 'bench', v::text, 'proposed', txt, sha, '[]', 1 FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[]) AS x(t, tr, v, txt, sha)`,
    [caseId, testimonies, transcripts, versions, texts, shas]);
    await db.query('COMMIT');
  }
  process.stdout.write(`seeded ${TESTIMONIES} testimonies (${(textBytes / TESTIMONIES / 1024).toFixed(1)} KiB redacted text each, mixed Korean/English) in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  const t1 = Date.now();
  const titles = ['Public beating at the work site', 'Arrest of a returnee', 'Forced labour in the mine', 'Detention at the county security office', 'Execution in front of the prisoners', 'Death from starvation in the camp', 'Forced repatriation from China', 'Interrogation under torture', 'Disappearance of a family', 'Sexual violence by guards', '수용소에서 구타', '집결소에서 강제노동', '보위부 조사 중 고문', '공개 처형', '탈북자 강제송환'];
  const descriptions = ['Witnesses describe the event in detail at', 'Several prisoners were arrested and beaten at', 'The unit moved prisoners at night to', 'No food was given for three days at', '경비대가 사람들을 때렸습니다:', '마을에서 일어난 일입니다:', 'Guards forced the team to work through the winter at'];
  // Each incident happens at a gazetteer place and names it in one of its spellings, so a place
  // name is as frequent as its share of the gazetteer's spellings (Yodok: about 4 %).
  const names = (await db.query(`SELECT place_id, name FROM place_names ORDER BY place_id, name`)).rows as Array<{ place_id: string; name: string }>;
  for (let start = 0; start < INCIDENTS; start += 10_000) {
    await db.query(`INSERT INTO incidents (case_id, code, title, description, violation_types, date_precision, date_from, date_start, date_end, place_id, created_by, version)
      SELECT $1, 'I-' || lpad(g::text, 6, '0'), ($2::text[])[1 + (g * 7) % cardinality($2::text[])] || ' ' || g,
        ($3::text[])[1 + (g * 13) % cardinality($3::text[])] || ' ' || ($6::text[])[n],
        ARRAY[(SELECT array_agg(code ORDER BY sort_order) FROM violation_types)[1 + (g * 11) % 19]],
        'year', y::text, make_date(y, 1, 1), make_date(y, 12, 31), ($5::uuid[])[n], $4, 1
      FROM generate_series($7::int, $8::int) g, LATERAL (SELECT 1970 + (g * 31) % 54 AS y, 1 + (g * 17) % cardinality($5::uuid[]) AS n) d`,
    [caseId, titles, descriptions, adminId, names.map((r) => r.place_id), names.map((r) => r.name), start + 1, Math.min(INCIDENTS, start + 10_000)]);
  }
  process.stdout.write(`seeded ${INCIDENTS} incidents in ${((Date.now() - t1) / 1000).toFixed(0)} s\n`);
  await db.query('ANALYZE');
}

async function main(): Promise<void> {
  const server = await startBenchServer();
  const db = new Client({ connectionString: server.databaseUrl });
  await db.connect();
  try {
    const auth = { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
    const res = await fetch(`${server.url}/cases`, { method: 'POST', headers: auth, body: JSON.stringify({ title: 'Search benchmark' }) });
    const { id: caseId } = (await res.json()) as { id: string };
    const mss = await fetch(`${server.url}/cases/${caseId}/perpetrators`, { method: 'POST', headers: auth, body: JSON.stringify({ kind: 'unit', name: 'Ministry of State Security', nameHangul: '국가보위성', aliases: ['Bowibu'], unitType: 'security_agency' }) });
    if (!mss.ok) throw new Error(`perpetrator: ${mss.status}`);
    await seed(db, caseId, server.adminId);
    const province = ((await db.query(`SELECT id FROM places WHERE code = 'KP-08'`)).rows as Array<{ id: string }>)[0].id;
    const queries: Array<[string, string]> = [
      ['Korean 요덕', `/search?q=${encodeURIComponent('요덕')}`],
      ['Korean 강제노동', `/search?q=${encodeURIComponent('강제노동')}`],
      ['English arrested (stemmed)', '/search?q=arrested'],
      ['English phrase "forced labour"', `/search?q=${encodeURIComponent('"forced labour"')}`],
      ['romanised Yoduk (all spellings + 요덕)', '/search?q=Yoduk'],
      ['filtered: arrested, incidents, 1995-2000, arbitrary_detention', '/search?q=arrested&kind=incident&dateFrom=1995&dateTo=2000&violationType=arbitrary_detention'],
      ['filtered: 요덕, place KP-08 with descendants, per case', `/cases/${caseId}/search?q=${encodeURIComponent('요덕')}&placeId=${province}`],
      ['perpetrator alias Bowibu', '/search?q=Bowibu&kind=perpetrator'],
    ];
    for (const [label, path] of queries) {
      const first = await fetch(`${server.url}${path}`, { headers: auth });
      if (!first.ok) throw new Error(`${label}: ${first.status} ${await first.text()}`);
      const hits = ((await first.json()) as { items: unknown[] }).items.length;
      const result = await runLoad(REQUESTS, CONCURRENCY, () => fetch(`${server.url}${path}`, { headers: auth }));
      process.stdout.write(`${formatLoad(`${label} [${hits} hits on page 1]`, result)}\n`);
      if (result.errors) process.exitCode = 1;
    }
    const sizes = (await db.query(`SELECT pg_size_pretty(pg_total_relation_size('search_documents')) AS total, pg_size_pretty(pg_relation_size('search_documents')) AS heap,
      pg_size_pretty(pg_total_relation_size('search_documents') - pg_relation_size('search_documents') - pg_indexes_size('search_documents')) AS toast,
      pg_size_pretty(pg_relation_size('search_documents_tsv_gin_idx')) AS gin, pg_size_pretty(pg_indexes_size('search_documents')) AS indexes,
      (SELECT count(*) FROM search_documents)::int AS documents`)).rows[0] as Record<string, string>;
    process.stdout.write(`search_documents: ${sizes.documents} documents, total ${sizes.total} (heap ${sizes.heap}, toast ${sizes.toast}, all indexes ${sizes.indexes}, of which tsv GIN ${sizes.gin})\n`);
    // BENCH_HOLD=<seconds>: keep the scratch database (and api) up for EXPLAIN before dropping it.
    if (process.env.BENCH_HOLD) await new Promise((r) => setTimeout(r, Number(process.env.BENCH_HOLD) * 1000));
  } finally {
    await db.end();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
