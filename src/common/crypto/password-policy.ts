import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';

export const PASSWORD_MIN_LENGTH = 12;
/** zxcvbn score needed (0-4): 3 = "safely unguessable", about 10^8 guesses or more. */
export const PASSWORD_MIN_SCORE = 3;
/** A token of the e-mail or name this long or longer must not appear in the password. */
const MIN_PERSONAL_TOKEN = 4;

/** Whose password it is: what the password must not be built from. */
export interface PasswordOwner {
  email: string;
  displayName: string;
}

let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  // The dictionaries take ~100 ms to rank: build once, on first use.
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
  });
  return estimator;
}

function collapse(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The e-mail and name, whole and in pieces, as they could appear inside a password. */
function personalTokens(owner: PasswordOwner): { whole: string[]; pieces: string[] } {
  const [local = '', domain = ''] = owner.email.toLowerCase().split('@');
  const whole = [collapse(local), collapse(owner.displayName), collapse(owner.email)].filter((t) => t.length >= 3);
  const pieces = [...local.split(/[^\p{L}\p{N}]+/u), ...owner.displayName.split(/[^\p{L}\p{N}]+/u), domain.split('.')[0] ?? '']
    .map(collapse)
    .filter((t) => t.length >= MIN_PERSONAL_TOKEN);
  return { whole, pieces };
}

/**
 * Why a password is refused, as problems of the field `password` (empty when it is acceptable):
 * shorter than 12 characters, built from the owner's e-mail address or name, or scored below 3 of 4
 * by zxcvbn (which also gets the e-mail and name as user inputs).
 */
export function passwordProblems(password: string, owner: PasswordOwner): string[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  const collapsed = collapse(password);
  const { whole, pieces } = personalTokens(owner);
  if ([...whole, ...pieces].some((token) => collapsed.includes(token))) {
    problems.push('must not be built from your e-mail address or name');
  }
  const result = zxcvbn().check(password, [owner.email, owner.displayName, ...pieces]);
  if (result.score < PASSWORD_MIN_SCORE) {
    const feedback = [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => Boolean(s));
    problems.push(`is too easy to guess (strength ${result.score} of 4, at least ${PASSWORD_MIN_SCORE} needed)${feedback.length ? `: ${feedback.join(' ')}` : ''}`);
  }
  return problems;
}
