import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import { ApiError } from '../../api/errors';
import i18n, { isLanguage, type Language } from '../../i18n';

export type Me = Schemas['MeDto'];
export const ME_QUERY_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no live session (401). */
export function useMe() {
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await unwrap(api.GET('/auth/me'));
        if (isLanguage(me.language)) await i18n.changeLanguage(me.language);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * Drops every cached answer except the "me" query. (QueryClient.clear() would also detach the
 * observers of "me", so the page would not notice the sign-out.)
 */
function forgetEverythingButMe(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
  queryClient.getMutationCache().clear();
}

export interface SignInInput {
  email: string;
  password: string;
  totpCode?: string;
  recoveryCode?: string;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignInInput): Promise<Me> => {
      await unwrap(api.POST('/auth/session', { body: input }));
      // The whole "me" (two-factor status, whether this session may only enrol), not just the user.
      return unwrap(api.GET('/auth/me'));
    },
    onSuccess: async (me) => {
      // Someone else signed in at the re-sign-in prompt: nothing of the previous user may stay.
      const previous = queryClient.getQueryData<Me | null>(ME_QUERY_KEY);
      if (previous && previous.id !== me.id) forgetEverythingButMe(queryClient);
      if (isLanguage(me.language)) await i18n.changeLanguage(me.language);
      queryClient.setQueryData(ME_QUERY_KEY, me);
      // Anything that failed while the session was gone is fetched again.
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
    },
  });
}

/** Sign-out: the server revokes the session and clears the cookie; the client forgets all data. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await unwrap(api.DELETE('/auth/session'));
      } catch (error) {
        // Already expired: nothing to revoke, the outcome is the same.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: () => {
      queryClient.setQueryData(ME_QUERY_KEY, null);
      forgetEverythingButMe(queryClient);
    },
  });
}

/** Revokes every session of the user (this one too); the client forgets all data. */
export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/auth/logout-all')),
    onSuccess: () => {
      queryClient.setQueryData(ME_QUERY_KEY, null);
      forgetEverythingButMe(queryClient);
    },
  });
}

/** Reads "me" again (after enrolment, or a change of two-factor status). */
export function useRefreshMe() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
}

/** Switches the interface language now and remembers it for the user. */
export function useSetLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (language: Language) => {
      await i18n.changeLanguage(language);
      return unwrap(api.PATCH('/auth/me', { body: { language } }));
    },
    onSuccess: (me) => queryClient.setQueryData(ME_QUERY_KEY, me),
  });
}
