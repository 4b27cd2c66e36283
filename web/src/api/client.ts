import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import i18n from 'i18next';
import { ApiError, type ErrorBody } from './errors';

export type Schemas = components['schemas'];

/** Fired when a request other than sign-in answers 401: the UI asks to sign in again, in place. */
export const SESSION_EXPIRED_EVENT = 'sillok:session-expired';

const SIGN_IN_PATH = '/auth/session';

const sessionMiddleware: Middleware = {
  // The API answers field problems and messages in the language the interface shows.
  onRequest({ request }) {
    if (i18n.language) request.headers.set('Accept-Language', i18n.language);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && new URL(request.url).pathname !== SIGN_IN_PATH) {
      window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
    }
    return undefined;
  },
};

/**
 * The one API client. The session is the httpOnly cookie (never readable here); every request
 * carries the CSRF header that only our own code can send.
 */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
  headers: { 'X-Sillok-CSRF': '1' },
});
api.use(sessionMiddleware);

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits an api call and returns its data, or throws an ApiError (also for network failures).
 * Use in every query and mutation: `queryFn: () => unwrap(api.GET('/cases'))`.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (cause) {
    throw new ApiError(0, { statusCode: 0, error: 'NETWORK', message: cause instanceof Error ? cause.message : String(cause) });
  }
  if (result.response.ok) return result.data as T;
  throw new ApiError(result.response.status, result.error as ErrorBody | undefined);
}
