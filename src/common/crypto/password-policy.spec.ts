import { passwordProblems } from 'src/common/crypto/password-policy';

const owner = { email: 'kim.cholsu@example.org', displayName: 'Kim Chol-su' };

describe('passwordProblems', () => {
  it('accepts a long passphrase and a long random string', () => {
    expect(passwordProblems('correct horse battery staple', owner)).toEqual([]);
    expect(passwordProblems('pw-4f9c2a7e1b0d8c3f5a6e7d21', owner)).toEqual([]);
  });

  it('refuses length alone: twelve repeated letters are too easy to guess, and says why', () => {
    const problems = passwordProblems('aaaaaaaaaaaa', owner);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^is too easy to guess \(strength 0 of 4, at least 3 needed\): Repeated characters/);
  });

  it('refuses common passwords and keyboard walks however long', () => {
    expect(passwordProblems('password1234', owner).join()).toMatch(/too easy to guess/);
    expect(passwordProblems('qwertyuiopasdf', owner).join()).toMatch(/too easy to guess/);
  });

  it('refuses a password shorter than 12 characters', () => {
    expect(passwordProblems('x7#Kq!2mZ', owner)).toContain('must be at least 12 characters');
  });

  it('refuses passwords built from the e-mail address or the name, even when they are otherwise strong', () => {
    for (const password of ['Kim.Cholsu@Example.org', 'cholsu-horse-battery-staple', 'KIMCHOLSU!!2024-river', 'my-example-office-key-77']) {
      expect(passwordProblems(password, owner), password).toContain('must not be built from your e-mail address or name');
    }
    expect(passwordProblems('김철수-horse-battery-staple', { email: 'kcs@example.org', displayName: '김철수' })).toContain('must not be built from your e-mail address or name');
  });

  it('does not refuse a strong password merely for sharing two or three letters with the name', () => {
    expect(passwordProblems('kimchi-lantern-orbit-42', owner)).toEqual([]);
  });
});
