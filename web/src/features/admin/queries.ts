import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type User = Schemas['UserDto'];
export type UserRole = User['role'];
export type TwoFactorPolicy = Schemas['TwoFactorPolicyDto'];
export const USER_ROLES: UserRole[] = ['admin', 'investigator', 'analyst', 'reviewer'];
export const USERS_PAGE_SIZE = 25;

export function useUsers(filter: { q: string; role: UserRole | null; page: number }) {
  return useQuery({
    queryKey: ['admin', 'users', filter],
    queryFn: () =>
      unwrap(
        api.GET('/users', {
          params: { query: { q: filter.q.trim() || undefined, role: filter.role ?? undefined, limit: USERS_PAGE_SIZE, offset: (filter.page - 1) * USERS_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  return useQuery({ queryKey: ['admin', 'user', id], queryFn: () => unwrap(api.GET('/users/{id}', { params: { path: { id } } })) });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['admin'] });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: Schemas['CreateUserDto']) => unwrap(api.POST('/users', { body })),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateUser(id: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: Schemas['UpdateUserDto']) => unwrap(api.PATCH('/users/{id}', { params: { path: { id } }, body })),
    onSettled: () => invalidate(),
  });
}

export function useResetTwoFactor(id: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/users/{id}/2fa/reset', { params: { path: { id } } })),
    onSuccess: () => invalidate(),
  });
}

export function useTwoFactorPolicy() {
  return useQuery({ queryKey: ['admin', 'two-factor-policy'], queryFn: () => unwrap(api.GET('/auth/2fa/policy')) });
}

export function useUpdateTwoFactorPolicy() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: Schemas['UpdateTwoFactorPolicyDto']) => unwrap(api.PUT('/auth/2fa/policy', { body })),
    onSettled: () => invalidate(),
  });
}

/** Recomputes the audit log's hash chain now (an action, not a cached read). */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => unwrap(api.GET('/audit/verify')) });
}

/** An admin sets a new password for another user; the API ends every session of theirs. */
export function useSetUserPassword(id: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: Schemas['SetUserPasswordDto']) => unwrap(api.POST('/users/{id}/password', { params: { path: { id } }, body })),
    onSettled: () => invalidate(),
  });
}
