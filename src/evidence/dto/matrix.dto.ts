import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { MATRIX_CSV_VIEWS, type MatrixCsvView } from 'src/evidence/matrix/csv';
import { GAPS, type CaseMatrix, type CrimeRow, type ElementRow, type Gap, type LinkCounts, type PerpetratorCell, type PerpetratorRow, type StrongestItem } from 'src/evidence/matrix/matrix';

const FORMATS = ['json', 'csv'] as const;

export class MatrixQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The legal framework version to lay the evidence against' }) @IsUUID('all', { message: 'frameworkVersionId must be a legal framework version id' }) frameworkVersionId: string;
  @ApiPropertyOptional({ enum: FORMATS, default: 'json' }) @IsOptional() @IsIn(FORMATS as unknown as string[], { message: `format must be one of: ${FORMATS.join(', ')}` }) format: (typeof FORMATS)[number] = 'json';
  @ApiPropertyOptional({ enum: MATRIX_CSV_VIEWS, default: 'elements', description: 'CSV only: one line per element, or per perpetrator and mode of liability' })
  @IsOptional() @IsIn(MATRIX_CSV_VIEWS as unknown as string[], { message: `view must be one of: ${MATRIX_CSV_VIEWS.join(', ')}` })
  view: MatrixCsvView = 'elements';
}

export class LinkCountsDto implements LinkCounts {
  @ApiProperty() links: number;
  @ApiProperty() reviewed: number;
  @ApiProperty({ description: 'Links that are not weak' }) strong: number;
  @ApiProperty() reviewedStrong: number;
  @ApiProperty({ description: 'Distinct independent sources' }) sources: number;
  @ApiProperty() reviewedStrongSources: number;
}

export class StrongestItemDto implements StrongestItem {
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty() itemCode: string;
  @ApiProperty() itemKind: string;
  @ApiProperty({ format: 'uuid' }) linkId: string;
  @ApiProperty() probativeValue: number;
  @ApiProperty() sourceReliability: string;
  @ApiProperty() informationCredibility: number;
  @ApiProperty() reviewed: boolean;
  @ApiProperty() weak: boolean;
}

export class AlternativeSupportDto {
  @ApiProperty() letter: string;
  @ApiProperty() code: string;
  @ApiProperty() supporting: number;
  @ApiProperty() reviewedStrong: number;
}

export class SharedSupportDto {
  @ApiProperty() sharedRef: string;
  @ApiProperty() links: number;
  @ApiProperty() reviewedStrong: number;
  @ApiProperty() independentSources: number;
}

export class ElementRowDto implements ElementRow {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() number: number;
  @ApiProperty() kind: string;
  @ApiProperty() text: string;
  @ApiPropertyOptional({ nullable: true, type: String }) sharedRef: string | null;
  @ApiProperty({ type: LinkCountsDto }) supporting: LinkCountsDto;
  @ApiProperty({ type: LinkCountsDto }) undermining: LinkCountsDto;
  @ApiProperty({ type: LinkCountsDto }) context: LinkCountsDto;
  @ApiProperty({ description: 'Distinct independent sources among the supporting links' }) independentSources: number;
  @ApiPropertyOptional({ nullable: true, type: StrongestItemDto }) strongestItem: StrongestItemDto | null;
  @ApiProperty({ type: [AlternativeSupportDto] }) alternatives: AlternativeSupportDto[];
  @ApiPropertyOptional({ nullable: true, type: SharedSupportDto, description: 'Contextual elements: support linked to the shared requirement through any crime' }) sharedSupport: SharedSupportDto | null;
  @ApiPropertyOptional({ nullable: true, enum: GAPS }) gap: Gap | null;
  @ApiProperty({ description: 'A reviewed, not weak link undermines it' }) contested: boolean;
}

export class CrimeRowDto implements CrimeRow {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiPropertyOptional({ nullable: true, type: String }) referenceId: string | null;
  @ApiProperty() group: string;
  @ApiProperty() titleEn: string;
  @ApiPropertyOptional({ nullable: true, type: String }) titleKo: string | null;
  @ApiProperty({ type: [ElementRowDto] }) elements: ElementRowDto[];
  @ApiProperty() elementsWithGaps: number;
  @ApiProperty({ description: 'Every element has reviewed, not weak support' }) complete: boolean;
}

export class PerpetratorCellDto implements PerpetratorCell {
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) modeId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) modeCode: string | null;
  @ApiProperty() supporting: number;
  @ApiProperty() undermining: number;
  @ApiProperty() context: number;
  @ApiProperty() reviewedSupporting: number;
  @ApiProperty({ type: [String] }) crimeCodes: string[];
}

export class PerpetratorRowDto implements PerpetratorRow {
  @ApiProperty({ format: 'uuid' }) perpetratorId: string;
  @ApiProperty({ description: "A unit's name, or an individual's pseudonym code" }) label: string;
  @ApiPropertyOptional({ nullable: true, type: String }) kind: string | null;
  @ApiProperty({ type: [PerpetratorCellDto] }) cells: PerpetratorCellDto[];
}

export class MatrixModeColumnDto {
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) id: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) code: string | null;
  @ApiProperty() titleEn: string;
}

export class PerpetratorModesDto {
  @ApiProperty({ type: [MatrixModeColumnDto] }) modes: MatrixModeColumnDto[];
  @ApiProperty({ type: [PerpetratorRowDto] }) rows: PerpetratorRowDto[];
}

export class MatrixFrameworkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() version: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() status: string;
}

export class MatrixRulesDto {
  @ApiProperty() weak: string;
  @ApiProperty() gap: string;
  @ApiProperty() independentSource: string;
}

export class GapTotalsDto implements Record<Gap, number> {
  @ApiProperty() no_evidence: number;
  @ApiProperty() only_unreviewed: number;
  @ApiProperty() only_weak: number;
}

export class MatrixTotalsDto {
  @ApiProperty() crimes: number;
  @ApiProperty() elements: number;
  @ApiProperty() elementsWithGaps: number;
  @ApiProperty({ type: GapTotalsDto }) gaps: GapTotalsDto;
  @ApiProperty() items: number;
  @ApiProperty() links: number;
  @ApiProperty() reviewedLinks: number;
  @ApiProperty() independentSources: number;
}

export class CaseMatrixDto implements CaseMatrix {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ type: MatrixFrameworkDto }) framework: MatrixFrameworkDto;
  @ApiProperty() generatedAt: string;
  @ApiProperty({ type: MatrixRulesDto }) rules: MatrixRulesDto;
  @ApiProperty({ type: MatrixTotalsDto }) totals: MatrixTotalsDto;
  @ApiProperty({ type: [CrimeRowDto] }) crimes: CrimeRowDto[];
  @ApiProperty({ type: PerpetratorModesDto }) perpetratorModes: PerpetratorModesDto;
}

/** The computed matrix is already a plain, entity-free shape; the DTO classes describe it. */
export function mapMatrix(m: CaseMatrix): CaseMatrixDto {
  return m;
}
