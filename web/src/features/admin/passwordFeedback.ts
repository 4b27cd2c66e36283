/**
 * The API refuses a weak password with a 400 whose problems for the field `password` (or `newPassword`) are English
 * sentences (src/common/crypto/password-policy.ts). This reads them into parts the page can say in
 * the user's language; zxcvbn's own hint stays English (it has no Korean), and anything not
 * recognised is kept as it is rather than dropped.
 */
export type PasswordProblem =
  | { kind: 'length'; min: number }
  | { kind: 'personal' }
  | { kind: 'same' }
  | { kind: 'weak'; score: number; needed: number; hint: string | null }
  | { kind: 'other'; text: string };

// The API's field check names the field first ("newPassword must be at least 12 characters").
const LENGTH = /^(?:\w+ )?must be at least (\d+) characters$/;
const SAME = /^must differ from the current password$/;
const PERSONAL = /^must not be built from your e-mail address or name$/;
const WEAK = /^is too easy to guess \(strength (\d) of 4, at least (\d) needed\)(?::\s*(.+))?$/s;

export function readPasswordProblems(problems: readonly string[]): PasswordProblem[] {
  return problems.map((text): PasswordProblem => {
    const length = LENGTH.exec(text);
    if (length) return { kind: 'length', min: Number(length[1]) };
    if (PERSONAL.test(text)) return { kind: 'personal' };
    if (SAME.test(text)) return { kind: 'same' };
    const weak = WEAK.exec(text);
    if (weak) return { kind: 'weak', score: Number(weak[1]), needed: Number(weak[2]), hint: weak[3]?.trim() || null };
    return { kind: 'other', text };
  });
}
