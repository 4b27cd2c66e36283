import { CONTENT_SECURITY_POLICIES, policyFor, underPath } from 'src/common/http/security-headers';

describe('Content-Security-Policy by path', () => {
  it.each([
    ['/docs', 'docs'],
    ['/docs/', 'docs'],
    ['/docs/swagger-ui-bundle.js', 'docs'],
    ['/docs-json', 'api'],
    ['/app', 'app'],
    ['/app/', 'app'],
    ['/app/assets/index-3f2a.js', 'app'],
    ['/application', 'api'],
    ['/cases/1/people', 'api'],
    ['/', 'api'],
  ])('%s gets the %s policy', (path, name) => {
    expect(policyFor(path).name).toBe(name);
    expect(underPath(path, '/')).toBe(true);
  });

  it('every policy forbids framing and starts from nothing allowed; only styles may be inline, never scripts', () => {
    for (const policy of CONTENT_SECURITY_POLICIES) {
      expect(policy.directives['default-src']).toEqual(["'none'"]);
      expect(policy.directives['frame-ancestors']).toEqual(["'none'"]);
      for (const [directive, values] of Object.entries(policy.directives)) {
        if (directive !== 'style-src') expect(values).not.toContain("'unsafe-inline'");
        expect(values).not.toContain("'unsafe-eval'");
        expect(values).not.toContain('*');
      }
    }
    expect(Object.keys(policyFor('/cases').directives).sort()).toEqual(['base-uri', 'default-src', 'form-action', 'frame-ancestors']);
  });
});
