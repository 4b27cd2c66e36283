import type { DomainErrorCode, FieldProblem } from 'src/common/errors/domain.exception';
import type { ErrorResponseDto } from 'src/common/errors/error-response';

/**
 * Korean error messages for callers whose Accept-Language prefers Korean. The error code and the
 * field names stay as they are (programs match on them); `message` and each field problem are
 * translated. A specific English message the table does not know is kept after the Korean
 * sentence, so support staff can still read the detail.
 */
export type ErrorLanguage = 'en' | 'ko';

const KOREAN_BY_CODE: Record<DomainErrorCode | 'MALFORMED_JSON' | 'INTERNAL_ERROR', string> = {
  VALIDATION_FAILED: '입력한 내용을 확인해 주세요',
  UNAUTHENTICATED: '로그인이 필요합니다',
  INVALID_CREDENTIALS: '이메일 또는 비밀번호가 올바르지 않습니다',
  SECOND_FACTOR_REQUIRED: '인증 앱의 코드 또는 복구 코드가 필요합니다',
  INVALID_SECOND_FACTOR: '2단계 인증 코드가 올바르지 않거나 만료되었거나 이미 사용되었습니다',
  FORBIDDEN: '이 작업을 할 권한이 없습니다',
  IDENTITY_CLEARANCE_REQUIRED: '이 작업에는 이 사건의 신원 열람 권한이 필요합니다',
  SECOND_FACTOR_ENROLMENT_REQUIRED: '계정에 2단계 인증을 먼저 설정해야 합니다',
  CSRF_HEADER_MISSING: '요청이 거부되었습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요',
  NOT_FOUND: '찾을 수 없습니다',
  CONFLICT: '현재 상태에서는 이 작업을 할 수 없습니다',
  VERSION_CONFLICT: '다른 사람이 먼저 변경했습니다. 최신 내용을 불러와 비교한 뒤 다시 저장해 주세요',
  PAYLOAD_TOO_LARGE: '보낸 내용이 허용된 크기를 넘습니다',
  UNPROCESSABLE: '요청을 처리할 수 없습니다',
  LAST_CASE_LEAD: '사건에는 책임자가 적어도 한 명 있어야 합니다',
  LOGIN_LOCKED: '로그인 실패가 너무 많아 잠시 잠겼습니다. 잠시 후 다시 시도해 주세요',
  QUEUE_UNAVAILABLE: '작업 대기열을 지금 사용할 수 없습니다. 아무것도 저장되지 않았으니 잠시 후 다시 시도해 주세요',
  DATABASE_UNAVAILABLE: '데이터베이스를 지금 사용할 수 없습니다. 저장이 중간에 멈춘 것은 없으니 잠시 후 다시 시도해 주세요',
  STORED_FILE_CORRUPT: '저장된 파일이 손상되었습니다. 관리자에게 알려 주세요',
  MALFORMED_JSON: '요청 본문이 올바른 JSON이 아닙니다',
  INTERNAL_ERROR: '내부 오류가 발생했습니다. 관리자에게 상관 ID를 알려 주세요',
};

/** class-validator's English messages (after the property name) and their Korean wording. */
const PROBLEM_PATTERNS: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^should not be empty$/, () => '비워 둘 수 없습니다'],
  [/^should not be null or undefined$/, () => '값이 있어야 합니다'],
  [/^should not exist$/, () => '허용되지 않는 항목입니다'],
  [/^must be a string$/, () => '문자열이어야 합니다'],
  [/^must be a boolean value$/, () => '참/거짓 값이어야 합니다'],
  [/^must be an integer number$/, () => '정수여야 합니다'],
  [/^must be a number conforming to the specified constraints$/, () => '숫자여야 합니다'],
  [/^must be an array$/, () => '배열이어야 합니다'],
  [/^must be an object$/, () => '객체여야 합니다'],
  [/^must be an e-?mail( address)?$/, () => '올바른 이메일 주소여야 합니다'],
  [/^must be an? ([a-z -]+) id( \(uuid\))?$/, () => '올바른 식별자(UUID)여야 합니다'],
  [/^must be true or false$/, () => 'true 또는 false여야 합니다'],
  [/^must be YYYY, YYYY-MM or YYYY-MM-DD$/, () => 'YYYY, YYYY-MM 또는 YYYY-MM-DD 형식이어야 합니다'],
  [/^must be a BCP 47 tag such as ko or en$/, () => 'ko, en 같은 BCP 47 언어 태그여야 합니다'],
  [/^must be an ISO 8601 date-time$/, () => 'ISO 8601 날짜·시각 형식이어야 합니다'],
  [/^must be a vocabulary code$/, () => '어휘 목록의 코드여야 합니다'],
  [/^must be a UUID$/, () => 'UUID 형식이어야 합니다'],
  [/^must be a valid ISO 8601 date string$/, () => 'ISO 8601 날짜 형식이어야 합니다'],
  [/^must be longer than or equal to (\d+) characters$/, (m) => `${m[1]}자 이상이어야 합니다`],
  [/^must be shorter than or equal to (\d+) characters$/, (m) => `${m[1]}자 이하여야 합니다`],
  [/^must not be less than (-?[\d.]+)$/, (m) => `${m[1]} 이상이어야 합니다`],
  [/^must not be greater than (-?[\d.]+)$/, (m) => `${m[1]} 이하여야 합니다`],
  [/^must contain at least (\d+) elements$/, (m) => `${m[1]}개 이상 있어야 합니다`],
  [/^must contain no more than (\d+) elements$/, (m) => `${m[1]}개 이하여야 합니다`],
  [/^must be one of(?: the following values)?:? (.*)$/, (m) => `다음 중 하나여야 합니다: ${m[1]}`],
  [/^must match (.*) regular expression$/, () => '형식이 올바르지 않습니다'],
  [/^must be unique$/, () => '중복될 수 없습니다'],
];

/** The caller's preferred language among ours, from an Accept-Language header (q-values honoured). */
export function preferredErrorLanguage(header: string | undefined): ErrorLanguage {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { primary: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q[1]) : 1, index };
    })
    .filter((e) => e.primary && e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    if (entry.primary === 'ko') return 'ko';
    if (entry.primary === 'en') return 'en';
  }
  return 'en';
}

export function koreanProblem(problem: string): string | null {
  const each = /^each (?:value in )?(\S+) (.*)$/.exec(problem);
  const [subject, rest, prefix] = each ? [each[1], each[2], '각 값은 '] : [problem.split(' ')[0], problem.slice(problem.indexOf(' ') + 1), ''];
  if (/^property \S+ should not exist$/.test(problem)) return `${problem.split(' ')[1]}: 허용되지 않는 항목입니다`;
  for (const [pattern, say] of PROBLEM_PATTERNS) {
    const m = rest.match(pattern);
    if (m) return `${subject}: ${prefix}${say(m)}`;
  }
  return null;
}

function isFieldProblems(details: unknown): details is FieldProblem[] {
  return Array.isArray(details) && details.every((d) => typeof d === 'object' && d !== null && 'field' in d && Array.isArray((d as FieldProblem).problems));
}

export function localiseError(body: ErrorResponseDto, language: ErrorLanguage): ErrorResponseDto {
  if (language === 'en') return body;
  const korean = KOREAN_BY_CODE[body.error as keyof typeof KOREAN_BY_CODE];
  if (body.error === 'VALIDATION_FAILED' && isFieldProblems(body.details)) {
    const details = body.details.map((d) => ({ ...d, problems: d.problems.map((p) => koreanProblem(p) ?? p) }));
    const summary = details.map((d) => d.problems.join(', ')).join('; ');
    return { ...body, message: `${KOREAN_BY_CODE.VALIDATION_FAILED}: ${summary}`, details };
  }
  if (!korean) return body;
  return { ...body, message: `${korean} (${body.message})` };
}
