import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { NestedDto } from 'src/common/http/nested';
import { EvidenceItemDto, PassageDto } from 'src/evidence/dto/evidence-item.dto';
import { CreateEvidenceLinkDto, EvidenceLinkDto } from 'src/evidence/dto/evidence-link.dto';
import { LiabilityLinkDto } from 'src/liability/dto/liability.dto';

/** The element link of a new passage: a link without its item (the item is made in the same request). */
export class PassageElementLinkDto extends OmitType(CreateEvidenceLinkDto, ['itemId'] as const) {}

/**
 * A transcript passage, its link to an element of a crime and optionally its link to a
 * requirement of the link's mode of liability, in one request and one transaction: either all of
 * them are recorded or none (a retry after a refused link never leaves a second item behind).
 */
export class CreatePassageEvidenceDto {
  @ApiProperty({ example: 'Punishment cell without trial', description: 'A short label; keep names out of it' }) @IsString() @MinLength(1) @MaxLength(300) title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) description?: string;
  @ApiProperty({ type: PassageDto }) @NestedDto(() => PassageDto) passage: PassageDto;
  @ApiProperty({ type: PassageElementLinkDto, description: 'The element the passage is evidence on, with the assessment' }) @NestedDto(() => PassageElementLinkDto) link: PassageElementLinkDto;
  @ApiPropertyOptional({
    format: 'uuid',
    description: "Also evidence on this requirement of the link's mode of liability, against the link's perpetrator (an individual), with the same assessment",
  })
  @IsOptional() @IsUUID('all', { message: 'requirementId must be a mode-of-liability requirement id' }) requirementId?: string;
}

export class PassageEvidenceDto {
  @ApiProperty({ type: EvidenceItemDto }) item: EvidenceItemDto;
  @ApiProperty({ type: EvidenceLinkDto }) link: EvidenceLinkDto;
  @ApiPropertyOptional({ type: LiabilityLinkDto, nullable: true, description: 'When requirementId was given' }) liabilityLink: LiabilityLinkDto | null;
}
