import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import { ApiError } from '../../api/errors';

export type Enrolment = Schemas['TwoFactorEnrolmentDto'];

/** A code typed by the user: six digits are an authenticator code, anything else a recovery code. */
export function secondFactorProof(code: string): { totpCode: string } | { recoveryCode: string } {
  const trimmed = code.trim();
  return /^\d{6}$/.test(trimmed) ? { totpCode: trimmed } : { recoveryCode: trimmed };
}

/** A new TOTP secret with its QR code; kept only in this mutation's memory, never cached or stored. */
export function useEnrolTwoFactor() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/auth/2fa/enrol')) });
}

export function useConfirmTwoFactor() {
  return useMutation({ mutationFn: (totpCode: string) => unwrap(api.POST('/auth/2fa/confirm', { body: { totpCode: totpCode.trim() } })) });
}

export function useDisableTwoFactor() {
  return useMutation({ mutationFn: (code: string) => unwrap(api.POST('/auth/2fa/disable', { body: secondFactorProof(code) })) });
}

export function useRegenerateRecoveryCodes() {
  return useMutation({ mutationFn: (code: string) => unwrap(api.POST('/auth/2fa/recovery-codes', { body: secondFactorProof(code) })) });
}

/** The API's answer to a wrong, expired or used code: a 400 naming totpCode or recoveryCode. */
export function isWrongCode(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.fieldProblems.some((f) => f.field === 'totpCode' || f.field === 'recoveryCode');
}

/** Changes the caller's password; the API keeps this session and ends every other one. */
export function useChangePassword() {
  return useMutation({ mutationFn: (body: Schemas['ChangePasswordDto']) => unwrap(api.POST('/auth/password', { body })) });
}
