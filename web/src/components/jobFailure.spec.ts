import en from '../i18n/en.json';
import { jobFailureKey } from './jobFailure';

describe('jobFailureKey', () => {
  it('maps the reasons the worker stores to translated texts', () => {
    expect(jobFailureKey('database error 23505')).toBe('database');
    expect(jobFailureKey('unknown failure')).toBe('unknown');
    expect(jobFailureKey('some testimonies do not exist in this case')).toBe('missingTestimonies');
    expect(jobFailureKey('unknown profile ngo; built-in: internal, un, icc, public')).toBe('unknownProfile');
    expect(jobFailureKey('a stored file failed its integrity check (x); restore it from backup')).toBe('integrity');
    expect(jobFailureKey('export does not exist')).toBe('gone');
  });

  it('has no key for an unknown reason or none, and every key it gives has a text', () => {
    expect(jobFailureKey('something new')).toBeNull();
    expect(jobFailureKey(null)).toBeNull();
    const keys = ['database error 1', 'unknown failure', 'some testimonies do not exist', 'unknown profile x', 'integrity check', 'the importing user is disabled', 'import row does not exist', 'unknown job x'].map(jobFailureKey);
    for (const key of keys) expect((en.jobs.failures as Record<string, string>)[key!], String(key)).toBeTruthy();
  });
});
