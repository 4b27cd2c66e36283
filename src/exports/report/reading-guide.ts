import type { ExportSender } from 'src/config/config';
import type { CaseMatrix } from 'src/evidence/matrix/matrix';
import type { ExcludedItem } from 'src/exports/entities/export.entity';
import { EXCLUSION_REASON_TEXT } from 'src/exports/exclusion-reasons';
import { escapeHtml } from 'src/exports/export-policy';

// report.html: the reading guide that travels with a package, in English and Korean. Built only
// from what the package itself carries (the JSON the builder streams), so it never says more
// than the data: pseudonym codes, redacted titles, places only where the profile keeps them.

export interface GuideIncident {
  code: string;
  title: string | null;
  date: { precision: string; from: string | null; to: string | null };
  place: string | null;
  violationTypes: readonly string[];
  narrativeWithheld: boolean;
}

export interface GuideItem {
  code: string;
  kind: string;
  title: string | null;
  sha256: string | null;
  /** Redacted passage quotes, where the package carries them. */
  quotes: readonly string[];
}

export interface GuideCrime {
  code: string;
  titleEn: string;
  titleKo: string | null;
  elements: ReadonlyArray<{ code: string; text: string; supporting: number; undermining: number; gap: string | null }>;
}

export interface ReadingGuideInput {
  exportId: string;
  bagName: string;
  caseRef: string;
  caseTitle: string;
  sender: ExportSender;
  recipient: { kind: string; name: string; deathPenaltyJurisdiction: string };
  purpose: string;
  profile: string;
  framework: string | null;
  generatedAt: Date;
  keyFingerprint: string;
  counts: Record<string, number>;
  excluded: readonly ExcludedItem[];
  testimonies: ReadonlyArray<{ ref: string; code: string; form: string; transcripts: number }>;
  incidents: readonly GuideIncident[];
  items: readonly GuideItem[];
  matrix: readonly GuideCrime[];
  files: ReadonlyArray<{ path: string; sha256: string; size: number }>;
}

/** The crimes of the matrix that any included evidence touches, with each element's wording. */
export function guideMatrix(m: CaseMatrix): GuideCrime[] {
  return m.crimes
    .filter((c) => c.elements.some((e) => e.supporting.links + e.undermining.links + e.context.links > 0))
    .map((c) => ({
      code: c.code, titleEn: c.titleEn, titleKo: c.titleKo,
      elements: c.elements.map((e) => ({ code: e.code, text: e.text, supporting: e.supporting.links, undermining: e.undermining.links, gap: e.gap })),
    }));
}

const both = (en: string, ko: string) => `${escapeHtml(en)} <span lang="ko">· ${escapeHtml(ko)}</span>`;
const para = (en: string, ko: string) => `<p>${escapeHtml(en)}</p>\n<p lang="ko">${escapeHtml(ko)}</p>`;

function dateOf(d: GuideIncident['date']): string {
  if (!d.from && !d.to) return '—';
  const range = d.to && d.to !== d.from ? `${d.from ?? '?'} – ${d.to}` : (d.from ?? d.to ?? '');
  return `${range} (${d.precision})`;
}

const GAP_TEXT: Record<string, [string, string]> = {
  no_evidence: ['no supporting evidence', '뒷받침하는 자료 없음'],
  only_unreviewed: ['support not yet reviewed', '뒷받침 자료가 아직 검토되지 않음'],
  only_weak: ['only weak support', '약한 뒷받침만 있음'],
};

export function renderReadingGuide(r: ReadingGuideInput): string {
  const cell = (v: unknown) => `<td>${escapeHtml(v)}</td>`;
  const table = (head: string[], body: string[][] | unknown[][], raw = false) =>
    body.length
      ? `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>\n${body.map((row) => `<tr>${row.map((v) => (raw ? `<td>${v as string}</td>` : cell(v))).join('')}</tr>`).join('\n')}\n</tbody></table>`
      : `<p class="none">${both('None.', '없음.')}</p>`;
  const sig = `${r.bagName}/tagmanifest-sha256.txt`;
  const sender = r.sender.organization ?? 'not configured (EXPORT_SOURCE_ORGANIZATION)';
  const contact = [r.sender.contactName, r.sender.contactEmail].filter(Boolean).join(', ') || '—';

  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Case-file export ${escapeHtml(r.exportId)} — reading guide · 읽기 안내</title>
<style>
body{font-family:"Noto Sans","Noto Sans KR","Malgun Gothic","Apple SD Gothic Neo",sans-serif;margin:2em auto;max-width:60em;line-height:1.45;color:#111}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.8em;border-bottom:1px solid #888}h3{font-size:1.05em}
table{border-collapse:collapse;margin:.6em 0;width:100%}td,th{border:1px solid #999;padding:.2em .45em;text-align:left;vertical-align:top;font-size:90%}
th{background:#eee}[lang=ko]{color:#333}code,pre{font-family:"DejaVu Sans Mono",monospace;font-size:85%}pre{background:#f4f4f4;padding:.6em;white-space:pre-wrap;word-break:break-all}
blockquote{margin:.2em 0 .2em 1em;padding-left:.6em;border-left:3px solid #999}.hash{font-family:monospace;font-size:80%;word-break:break-all}
nav ol{columns:2}
@page{size:A4;margin:18mm 15mm}
@media print{body{margin:0;max-width:none;font-size:10pt}nav{display:none}h2{break-after:avoid;page-break-after:avoid}tr,blockquote,pre{break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}a{color:inherit;text-decoration:none}th{background:none}}
</style></head>
<body>
<h1>${both('Case-file export: reading guide', '사건 자료 반출: 읽기 안내')}</h1>
<table><tbody>
${[
  [both('Sent by', '보낸 곳'), escapeHtml(sender)],
  [both('Contact', '연락처'), escapeHtml(contact)],
  [both('Recipient', '받는 곳'), escapeHtml(`${r.recipient.name} (${r.recipient.kind})`)],
  [both('Death-penalty jurisdiction', '사형 선고 가능 관할'), escapeHtml(r.recipient.deathPenaltyJurisdiction)],
  [both('Purpose', '목적'), escapeHtml(r.purpose)],
  [both('Redaction profile', '가림 프로필'), escapeHtml(r.profile)],
  [both('Case', '사건'), escapeHtml(`${r.caseTitle} (${r.caseRef})`)],
  [both('Legal framework', '법적 기준'), escapeHtml(r.framework ?? 'none · 없음')],
  [both('Export', '반출 번호'), escapeHtml(r.exportId)],
  [both('Generated', '작성 시각'), escapeHtml(r.generatedAt.toISOString())],
  [both('Signing key fingerprint (SHA-256)', '서명 키 지문 (SHA-256)'), `<span class="hash">${escapeHtml(r.keyFingerprint)}</span>`],
].map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('\n')}
</tbody></table>
<nav><ol>
<li><a href="#about">About this package · 이 자료에 대하여</a></li><li><a href="#incidents">Incidents · 사건</a></li>
<li><a href="#evidence">Evidence items · 증거 자료</a></li><li><a href="#matrix">Legal elements · 법적 요건</a></li>
<li><a href="#testimonies">Testimonies · 증언</a></li><li><a href="#left-out">Left out · 제외된 자료</a></li>
<li><a href="#files">Files · 파일</a></li><li><a href="#verify">How to verify · 검증 방법</a></li>
</ol></nav>

<h2 id="about">${both('About this package', '이 자료에 대하여')}</h2>
${para(
  'Every testimony here was checked against the witness\'s consent for this recipient and purpose, and is included only as its approved redaction for the profile above. People appear by pseudonym code only (W- witness, S- survivor, V- victim, P- individual perpetrator, O- other); no name or other identity is in this package. Incidents whose sources were all left out are left out too; where only some were, the incident is here without its narrative. The codes of people whose consent keeps them out are replaced by [withheld] in free text.',
  '이 자료의 모든 증언은 이 수신처와 목적에 대한 증언자의 동의를 확인했으며, 위 프로필로 가린 승인된 편집본만 담았습니다. 사람은 가명 코드로만 나타납니다 (W- 증인, S- 생존자, V- 피해자, P- 개인 가해자, O- 기타). 이름 등 신원 정보는 들어 있지 않습니다. 근거가 모두 제외된 사건은 함께 제외했고, 일부만 제외된 사건은 서술 없이 담았습니다. 동의에 따라 제외된 사람의 코드는 자유 기술에서 [withheld]로 바꾸었습니다.',
)}
${table([both('What', '항목'), both('Count', '수')], Object.entries(r.counts).map(([k, v]) => [k, v]))}

<h2 id="incidents">${both('Incidents', '사건')}</h2>
${table(
  [both('Code', '코드'), both('Date', '날짜'), both('Place', '장소'), both('Violations', '침해 유형'), both('Title', '제목')],
  r.incidents.map((i) => [
    escapeHtml(i.code), escapeHtml(dateOf(i.date)), escapeHtml(i.place ?? '—'), escapeHtml(i.violationTypes.join(', ')),
    `${escapeHtml(i.title ?? '')}${i.narrativeWithheld ? `<br><small>${both(EXCLUSION_REASON_TEXT.narrative_from_excluded_source.en, EXCLUSION_REASON_TEXT.narrative_from_excluded_source.ko)}</small>` : ''}`,
  ]),
  true,
)}
${para('Details, victims (by code), perpetrators and sources: data/incidents.json.', '세부 내용, 피해자(코드), 가해자, 근거: data/incidents.json.')}

<h2 id="evidence">${both('Evidence items', '증거 자료')}</h2>
${table(
  [both('Code', '코드'), both('Kind', '종류'), both('Title and passages', '제목과 인용 구절'), both('SHA-256 at intake', '접수 시 SHA-256')],
  r.items.map((i) => [
    escapeHtml(i.code), escapeHtml(i.kind),
    `${escapeHtml(i.title ?? '')}${i.quotes.map((q) => `<blockquote>${escapeHtml(q)}</blockquote>`).join('')}`,
    `<span class="hash">${escapeHtml(i.sha256 ?? '')}</span>`,
  ]),
  true,
)}

<h2 id="matrix">${both('Legal elements and the evidence', '법적 요건과 증거')}</h2>
${r.framework ? para(`Framework ${r.framework}. Links from the included evidence only; full counts in data/matrix/elements.csv.`, `법적 기준 ${r.framework}. 포함된 증거의 연결만 셉니다. 전체 수치는 data/matrix/elements.csv.`) : ''}
${r.matrix.length ? r.matrix.map((c) => `<h3>${escapeHtml(c.code)} — ${escapeHtml(c.titleEn)}${c.titleKo ? ` <span lang="ko">· ${escapeHtml(c.titleKo)}</span>` : ''}</h3>
${table(
  [both('Element', '요건'), both('Wording', '문언'), both('Supporting', '뒷받침'), both('Undermining', '반박'), both('Gap', '공백')],
  c.elements.map((e) => [escapeHtml(e.code), escapeHtml(e.text), escapeHtml(e.supporting), escapeHtml(e.undermining), e.gap ? both(GAP_TEXT[e.gap]?.[0] ?? e.gap, GAP_TEXT[e.gap]?.[1] ?? e.gap) : '—']),
  true,
)}`).join('\n') : `<p class="none">${both('No included evidence is linked to a legal element.', '법적 요건에 연결된 포함 증거가 없습니다.')}</p>`}

<h2 id="testimonies">${both('Testimonies included', '포함된 증언')}</h2>
${table([both('Reference', '참조'), both('Interviewee', '면담자'), both('Form', '공개 형태'), both('Transcripts', '녹취록')], r.testimonies.map((t) => [t.ref, t.code, t.form, t.transcripts]))}

<h2 id="left-out">${both('Left out', '제외된 자료')}</h2>
${para('Listed by code and reason only: nothing of their content is in the package.', '코드와 사유만 적었습니다. 내용은 이 자료에 들어 있지 않습니다.')}
${table(
  [both('Code', '코드'), both('Kind', '종류'), both('Reference', '참조'), both('Reason', '사유')],
  r.excluded.map((x) => {
    const text = EXCLUSION_REASON_TEXT[x.reason];
    return [escapeHtml(x.code), escapeHtml(x.kind), escapeHtml(x.ref), `<code>${escapeHtml(x.reason)}</code>${text ? `<br>${escapeHtml(text.en)}<br><span lang="ko">${escapeHtml(text.ko)}</span>` : ''}`];
  }),
  true,
)}

<h2 id="files">${both('Files included', '포함된 파일')}</h2>
${table([both('Path', '경로'), 'SHA-256', both('Bytes', '바이트')], r.files.map((f) => [escapeHtml(f.path), `<span class="hash">${escapeHtml(f.sha256)}</span>`, escapeHtml(f.size)]), true)}

<h2 id="verify">${both('How to verify this package', '이 자료를 검증하는 방법')}</h2>
${para(
  'The package is a BagIt bag (RFC 8493). Unzip it, then check it with standard tools; none of them needs our software. Get the sender\'s public key (sender.pub.pem) from the sender by a separate channel and compare its fingerprint with the one above.',
  '이 자료는 BagIt 가방(RFC 8493)입니다. 압축을 푼 뒤 표준 도구로 확인하십시오. 저희 소프트웨어는 필요하지 않습니다. 보낸 곳의 공개 키(sender.pub.pem)는 별도 경로로 받아 위의 지문과 비교하십시오.',
)}
<h3>${both('1. Every file is complete and unchanged', '1. 모든 파일이 온전하고 바뀌지 않았는지')}</h3>
<pre>unzip ${escapeHtml(r.bagName)}.zip
bagit.py --validate ${escapeHtml(r.bagName)}
cd ${escapeHtml(r.bagName)} &amp;&amp; sha256sum -c manifest-sha256.txt &amp;&amp; sha512sum -c manifest-sha512.txt &amp;&amp; cd ..</pre>
<h3>${both('2. The signature is the sender\'s (Ed25519 over tagmanifest-sha256.txt)', '2. 서명이 보낸 곳의 것인지 (tagmanifest-sha256.txt에 대한 Ed25519 서명)')}</h3>
<pre>openssl pkey -pubin -in sender.pub.pem -outform DER | sha256sum     # ${escapeHtml(r.keyFingerprint.slice(0, 16))}…
base64 -d ${escapeHtml(sig)}.sig &gt; tagmanifest.sig
openssl pkeyutl -verify -pubin -inkey sender.pub.pem -rawin -in ${escapeHtml(sig)} -sigfile tagmanifest.sig</pre>
${para(
  'openssl answers "Signature Verified Successfully". The tag manifest lists the SHA-256 of the payload manifests and of bag-info.txt, so this one signature covers every byte. Do not trust signing-key.pub.pem inside the package on its own: anyone who alters the package can replace it.',
  'openssl이 "Signature Verified Successfully"라고 답하면 됩니다. 태그 목록(tagmanifest)에 페이로드 목록과 bag-info.txt의 SHA-256이 들어 있으므로 이 서명 하나가 모든 바이트를 보증합니다. 자료 안의 signing-key.pub.pem만 믿지 마십시오. 자료를 바꾼 사람이 이 키도 바꿀 수 있습니다.',
)}
</body></html>
`;
}
