import type { CookieOptions, Request } from 'express';

/** The browser session: an httpOnly cookie holding the same opaque token as a bearer session. */
export const SESSION_COOKIE = 'sillok_session';

/**
 * Cookie-authenticated requests that change state must carry this header. Browsers never add it
 * to a cross-site form or navigation, so only our own code can send it (SameSite=Strict is the
 * first line of defence).
 */
export const CSRF_HEADER = 'x-sillok-csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCookieOptions(req: Request, maxAgeSeconds: number): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', maxAge: maxAgeSeconds * 1000 };
}

export function clearedSessionCookieOptions(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' };
}

export function sessionCookieToken(req: Request): string | null {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** True when a cookie-authenticated request may proceed: safe methods, or the CSRF header present. */
export function csrfSatisfied(req: Request): boolean {
  return SAFE_METHODS.has(req.method.toUpperCase()) || req.header(CSRF_HEADER) === '1';
}
