import type { TFunction } from 'i18next';
import { ApiError } from '../../api/errors';

/** Whether a 400 names this field, in words for the input's error slot (the API's English text is not shown). */
export function fieldError(t: TFunction, error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const problem = error.fieldProblems.find((p) => p.field === field);
  return problem ? t('cases.fields.invalid') : undefined;
}
