import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import type { UserEntity } from 'src/users/entities/user.entity';
import { mapUser, UserDto } from 'src/users/dto/user.dto';

export class LoginDto {
  @ApiProperty({ example: 'analyst@example.org' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Bearer token; send as Authorization: Bearer <token>' }) accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty() expiresAt: string;
  @ApiProperty({ type: UserDto }) user: UserDto;
}

export function mapLogin(token: string, expiresAt: Date, user: UserEntity): LoginResponseDto {
  return { accessToken: token, tokenType: 'Bearer', expiresAt: expiresAt.toISOString(), user: mapUser(user) };
}
