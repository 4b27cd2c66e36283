import { koreanProblem, localiseError, preferredErrorLanguage } from 'src/common/errors/localise';

describe('Korean error messages', () => {
  it.each([
    [undefined, 'en'],
    ['ko', 'ko'],
    ['ko-KR,ko;q=0.9,en-US;q=0.8', 'ko'],
    ['en-GB,en;q=0.9,ko;q=0.8', 'en'],
    ['fr-FR,ko;q=0.5', 'ko'],
    ['en;q=0.2,ko;q=0.7', 'ko'],
    ['ko;q=0', 'en'],
    ['*', 'en'],
  ])('Accept-Language %s → %s', (header, expected) => {
    expect(preferredErrorLanguage(header)).toBe(expected);
  });

  it('translates class-validator problems and keeps the field name', () => {
    expect(koreanProblem('q must be longer than or equal to 2 characters')).toBe('q: 2자 이상이어야 합니다');
    expect(koreanProblem('role must be one of the following values: lead, analyst')).toBe('role: 다음 중 하나여야 합니다: lead, analyst');
    expect(koreanProblem('each value in languages must be a string')).toBe('languages: 각 값은 문자열이어야 합니다');
    expect(koreanProblem('property nickname should not exist')).toBe('nickname: 허용되지 않는 항목입니다');
    expect(koreanProblem("must be at most the version's length (12 UTF-16 code units)")).toBeNull();
  });

  it('localises a validation error field by field and leaves unknown problems in English', () => {
    const body = localiseError({ statusCode: 400, error: 'VALIDATION_FAILED', message: 'Validation failed', correlationId: 'c', details: [{ field: 'limit', problems: ['limit must not be greater than 200', 'odd rule'] }] }, 'ko');
    expect(body.details).toEqual([{ field: 'limit', problems: ['limit: 200 이하여야 합니다', 'odd rule'] }]);
    expect(body.message).toBe('입력한 내용을 확인해 주세요: limit: 200 이하여야 합니다, odd rule');
    expect(body.error).toBe('VALIDATION_FAILED');
  });

  it('puts the Korean sentence first and keeps the specific English message', () => {
    const body = localiseError({ statusCode: 404, error: 'NOT_FOUND', message: 'Case not found', correlationId: 'c' }, 'ko');
    expect(body.message).toBe('찾을 수 없습니다 (Case not found)');
    expect(localiseError({ statusCode: 404, error: 'NOT_FOUND', message: 'Case not found', correlationId: 'c' }, 'en').message).toBe('Case not found');
  });
});
