import { readPasswordProblems } from './passwordFeedback';

// The sentences of src/common/crypto/password-policy.ts; the browser journey (admin.web-spec.ts)
// checks the same reading against the live API.
describe('readPasswordProblems', () => {
  it('reads the length, personal and strength problems the API gives', () => {
    expect(
      readPasswordProblems([
        'must be at least 12 characters',
        'must not be built from your e-mail address or name',
        'is too easy to guess (strength 1 of 4, at least 3 needed): This is a very common password. Add more words that are less common.',
      ]),
    ).toEqual([
      { kind: 'length', min: 12 },
      { kind: 'personal' },
      { kind: 'weak', score: 1, needed: 3, hint: 'This is a very common password. Add more words that are less common.' },
    ]);
  });

  it('reads a weak password without a hint', () => {
    expect(readPasswordProblems(['is too easy to guess (strength 2 of 4, at least 3 needed)'])).toEqual([{ kind: 'weak', score: 2, needed: 3, hint: null }]);
  });

  it('keeps a sentence it does not recognise instead of dropping it', () => {
    expect(readPasswordProblems(['must be a string'])).toEqual([{ kind: 'other', text: 'must be a string' }]);
  });

  it('reads the length problem when the field check names the field, and the same-as-now problem', () => {
    expect(readPasswordProblems(['newPassword must be at least 12 characters', 'must differ from the current password'])).toEqual([{ kind: 'length', min: 12 }, { kind: 'same' }]);
  });
});
