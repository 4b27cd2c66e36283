/**
 * What the engine cannot decide from the registry alone, marked on the spans after overlaps are
 * resolved (README.md, "Ambiguous spans" and "Broad places"):
 *
 * - `ambiguity: 'common-word'`: a registered Hangul name (or the given name alone) that is also an
 *   ordinary word (`강철` "steel" in `강철 생산 작업반`, `정숙` "silence"), or a surname reference
 *   written `이 선생` (이 is also "this"). The profile decides (public: redact; internal: keep).
 * - `ambiguity: 'shared-surname'`: `김 씨` / `Mr. Kim` when several registered people share the
 *   surname: redacted with the label (no code is guessed), flagged for review.
 * - `broadPlace`: a registered birthplace or current location at city level or above (`서울`,
 *   `Seoul`): `person` when the words around it say it is where someone lives, was born or comes
 *   from, `other` otherwise (`Seoul office`). The profile decides what `other` gets.
 */
import { SURNAME_RULE } from 'src/redaction/engine/name-variants';
import type { DetectedSpan } from 'src/redaction/engine/types';

/**
 * Ordinary Korean words that are also written as names (full names like 강철 = 강 + 철, or given
 * names alone). Not exhaustive: add words here when reviewers report them.
 */
export const COMMON_WORD_NAMES: ReadonlySet<string> = new Set(
  (
    '강철 강산 강물 고기 고향 공장 과학 광명 광산 구슬 국화 국토 금강 기쁨 기술 김장 나라 남자 농장 단결 대성 동무 명예 문화 문제 미래 미술 미인 ' +
    '바다 방학 방위 배우 백성 별님 보람 보배 봉화 불꽃 사랑 사상 사진 산천 새별 샛별 생산 선녀 선봉 설화 성공 성과 성실 소망 손자 송이 수산 수학 ' +
    '승리 신념 신문 신심 안경 안전 영광 영남 영생 영예 영웅 영화 용기 우정 유리 은하 은혜 음악 의리 이상 이유 자유 장군 장기 장미 전기 전진 ' +
    '정문 정성 정숙 정의 정치 정화 조사 조상 주민 주장 지성 진달래 진리 진실 진주 천리마 철강 청춘 체육 초롱 최고 최근 최선 최후 최종 충성 충실 ' +
    '태양 평화 하늘 학습 한결 한국 한별 한자 행복 향기 혁명 호남 화목 횃불 효성 효자 희망 건강 건설 경제 소원 마음 노을 이슬 가을 여름 ' +
    '봄날 새벽 아침 한빛 다솜 나래 보라 하나 두리 새롬 슬기 온새 은빛 금빛 별빛 한솔 미소 순정 정열 열정 충심 단심 일심 영원 무궁 금순 ' +
    '장수 부자 명수 고수 선수 감자 인삼 석탄 철도 전선 주석 정권 김일 정일 민주 공화'
  ).split(' '),
);

/** Words around a broad place that say it is where a person lives, was born or comes from. */
const PERSON_CONTEXT_AFTER_HANGUL =
  /^\s*(?:에서?\s*(?:혼자\s*|홀로\s*|가족과\s*|함께\s*|지금\s*|계속\s*)?(?:산다|사는|살|거주|태어|출생|자라|자랐|나고|정착|지내|머물|숨어|은신)|(?:으로|로)\s*(?:이주|이사|옮|탈출|넘어|왔|갔|정착|돌아)|에\s*(?:있는|있던)\s*(?:집|자택|거처|숙소)|출신|태생|출생|사람|토박이|거주|에\s*산다|에\s*살)/;
const PERSON_CONTEXT_BEFORE_HANGUL = /(?:고향은?|출생지는?|거주지는?|현\s*거주지|사는\s*곳은?|현재|지금은?)\s*$/;
const PERSON_CONTEXT_BEFORE_LATIN =
  /\b(?:lives?|living|lived|resides?|residing|resided|resident\s+of|settled|settles|moved|relocated|fled|escaped|born|grew\s+up|raised|comes?|came|hails?|originally|native\s+of|hometown(?:\s+is)?|home\s+is|is\s+from|was\s+from|were\s+from|based|staying|stays|hiding|address)\b(?:\s+(?:in|to|at|from|of|near))?(?:\s+the\s+city\s+of)?\s*$/i;
const PERSON_CONTEXT_AFTER_LATIN = /^(?:-born|\s+native|\s+resident|\s*,\s*where\s+(?:she|he|they)\s+(?:lives?|lived|settled))/i;

/** True when the words around [start, end) say the place is where a person lives, was born or comes from. */
export function describesPerson(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 24);
  return (
    PERSON_CONTEXT_AFTER_HANGUL.test(after) ||
    PERSON_CONTEXT_BEFORE_HANGUL.test(before) ||
    PERSON_CONTEXT_BEFORE_LATIN.test(before) ||
    PERSON_CONTEXT_AFTER_LATIN.test(after)
  );
}

function isHangulSyllable(c: number): boolean {
  return c >= 0xac00 && c <= 0xd7a3;
}

/** Sets `ambiguity` and `broadPlace` on resolved spans (in place). */
export function markAmbiguity(text: string, spans: DetectedSpan[], broadRefs: ReadonlySet<string>): void {
  for (const s of spans) {
    if (s.category === 'person') {
      if (s.rule === SURNAME_RULE) {
        if (s.ref === undefined && s.candidateRefs) s.ambiguity = 'shared-surname';
        // `이 선생`, `이 동무` may be "this teacher", "this comrade"; `이 씨` is always a surname.
        else if (text.startsWith('이 ', s.start) && !/^이 씨/.test(text.slice(s.start, s.end))) s.ambiguity = 'common-word';
        continue;
      }
      if (!isHangulSyllable(text.charCodeAt(s.start))) continue;
      const compact = text.slice(s.start, s.end).replace(/\s+/g, '');
      if (COMMON_WORD_NAMES.has(compact)) s.ambiguity = 'common-word';
      continue;
    }
    if (s.ref !== undefined && broadRefs.has(s.ref)) s.broadPlace = describesPerson(text, s.start, s.end) ? 'person' : 'other';
  }
}
