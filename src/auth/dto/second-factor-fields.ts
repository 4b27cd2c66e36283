import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const withoutSpaces = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value);

/** The 6-digit code of an authenticator app (spaces allowed, as apps show "123 456"). */
export function TotpCodeField(options: { required: boolean }) {
  return applyDecorators(
    (options.required ? ApiProperty : ApiPropertyOptional)({ example: '492039', description: 'The 6-digit code your authenticator app shows now' }),
    ...(options.required ? [] : [IsOptional()]),
    Transform(withoutSpaces),
    IsString({ message: 'totpCode must be a string of 6 digits' }),
    Matches(/^\d{6}$/, { message: 'totpCode must be 6 digits' }),
  );
}

/** One of the recovery codes shown when two-factor sign-in was turned on (xxxx-xxxx-xxxx-xxxx). */
export function RecoveryCodeField() {
  return applyDecorators(
    ApiPropertyOptional({ example: '7k3m-q9x2-hp4d-0c8v', description: 'A one-time recovery code, instead of totpCode' }),
    IsOptional(),
    IsString({ message: 'recoveryCode must be a string' }),
    MaxLength(64),
    // 16 characters of Crockford base32 (any case; dashes and spaces ignored; u never occurs).
    Matches(/^(?:[\s-]*[0-9a-tv-z]){16}[\s-]*$/i, { message: 'recoveryCode must look like xxxx-xxxx-xxxx-xxxx' }),
  );
}
