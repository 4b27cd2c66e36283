import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

type Directives = Record<string, string[]>;

/** Every policy starts from nothing allowed and no framing (clickjacking), no <base>, no plugins. */
const LOCKED_DOWN: Directives = {
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/**
 * A page of our own: scripts, styles, fonts, images and fetches from this origin only; inline
 * styles (style attributes and <style> blocks) but never inline scripts; data: images.
 */
const SAME_ORIGIN_PAGE: Directives = {
  ...LOCKED_DOWN,
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
};

/**
 * Which Content-Security-Policy applies where: the first entry whose path matches wins; the
 * last one (the JSON API) matches everything. To give another part of the site its own policy,
 * add an entry here.
 */
export const CONTENT_SECURITY_POLICIES: ReadonlyArray<{ name: string; paths: string[]; directives: Directives }> = [
  // Swagger UI (@nestjs/swagger): its own scripts and stylesheet, inline <style> blocks and
  // style attributes, data: images in its CSS, and "Try it out" calls to this origin.
  { name: 'docs', paths: ['/docs'], directives: SAME_ORIGIN_PAGE },
  // The web application (React + Mantine) served at /app/: Mantine sets CSS variables through
  // style attributes, hence inline styles; its forms and links stay on this origin.
  { name: 'app', paths: ['/app'], directives: { ...SAME_ORIGIN_PAGE, 'manifest-src': ["'self'"], 'base-uri': ["'self'"], 'form-action': ["'self'"] } },
  // JSON, CSV and file downloads: nothing in a response may run, load or be framed.
  { name: 'api', paths: ['/'], directives: LOCKED_DOWN },
];

/** True when `path` is `prefix` itself or below it (/docs, /docs/x; not /docs-json). */
export function underPath(path: string, prefix: string): boolean {
  return prefix === '/' || path === prefix || path.startsWith(`${prefix}/`);
}

export function policyFor(path: string): (typeof CONTENT_SECURITY_POLICIES)[number] {
  return CONTENT_SECURITY_POLICIES.find((policy) => policy.paths.some((prefix) => underPath(path, prefix))) ?? CONTENT_SECURITY_POLICIES[CONTENT_SECURITY_POLICIES.length - 1];
}

const HSTS_MAX_AGE_SECONDS = 365 * 24 * 3600;

/**
 * Security headers on every response, errors included (helmet):
 * - X-Content-Type-Options: nosniff; X-Frame-Options: DENY and CSP frame-ancestors 'none';
 *   Referrer-Policy: no-referrer; Cross-Origin-Opener/Resource-Policy: same-origin; and helmet's
 *   other defaults;
 * - a Content-Security-Policy chosen by path (CONTENT_SECURITY_POLICIES);
 * - Strict-Transport-Security only on requests that arrived over TLS (req.secure, which believes
 *   a proxy's X-Forwarded-Proto only when TRUST_PROXY trusts that proxy): over plain HTTP it
 *   means nothing, and a wrongly sent HSTS can lock users out of a host for a year;
 * - Cache-Control: no-store on every response: most carry case data, identities or raw text, and
 *   a rule with exceptions is a rule someone gets wrong. Static files of the web app may set
 *   their own caching (their handler overrides this header); nothing else does.
 */
export function securityHeaders(): RequestHandler[] {
  const base = helmet({ contentSecurityPolicy: false, strictTransportSecurity: false, xFrameOptions: { action: 'deny' } });
  const csp = new Map(CONTENT_SECURITY_POLICIES.map((policy) => [policy.name, helmet.contentSecurityPolicy({ useDefaults: false, directives: policy.directives })]));
  const hsts = helmet.strictTransportSecurity({ maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true });
  return [
    base as RequestHandler,
    (req: Request, res: Response, next: NextFunction) => (csp.get(policyFor(req.path).name) as RequestHandler)(req, res, next),
    (req: Request, res: Response, next: NextFunction) => (req.secure ? hsts(req, res, next) : next()),
    (_req: Request, res: Response, next: NextFunction) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
  ];
}
