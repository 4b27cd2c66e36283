import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one error shape every endpoint returns. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'Validation failed: email must be an email' }) message: string;
  @ApiPropertyOptional({ description: 'Field problems or other structured details' }) details?: unknown;
  @ApiProperty({ example: '2f1c6a4e-1b7e-4c61-9a9e-9f0b6c1d2e3f' }) correlationId: string;
}
