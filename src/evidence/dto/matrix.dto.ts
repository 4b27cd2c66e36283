import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Min } from 'class-validator';
import { MATRIX_CSV_VIEWS, type MatrixCsvView } from 'src/evidence/matrix/csv';
import { ELEMENT_STATUSES, STANDARDS_OF_PROOF, type ElementStatus, type StandardOfProof } from 'src/evidence/matrix/standards';
import { GAPS, type CaseMatrix, type MatrixFilters, type CrimeRow, type ElementRow, type Gap, type LinkCounts, type PerpetratorCell, type PerpetratorRow, type StrongestItem } from 'src/evidence/matrix/matrix';

const FORMATS = ['json', 'csv'] as const;

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export class MatrixQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The legal framework version to lay the evidence against' }) @IsUUID('all', { message: 'frameworkVersionId must be a legal framework version id' }) frameworkVersionId: string;
  @ApiPropertyOptional({ enum: FORMATS, default: 'json' }) @IsOptional() @IsIn(FORMATS as unknown as string[], { message: `format must be one of: ${FORMATS.join(', ')}` }) format: (typeof FORMATS)[number] = 'json';
  @ApiPropertyOptional({ enum: MATRIX_CSV_VIEWS, default: 'elements', description: 'CSV only: one line per element, or per perpetrator and mode of liability' })
  @IsOptional() @IsIn(MATRIX_CSV_VIEWS as unknown as string[], { message: `view must be one of: ${MATRIX_CSV_VIEWS.join(', ')}` })
  view: MatrixCsvView = 'elements';
  @ApiPropertyOptional({ format: 'uuid', description: 'Only links naming this perpetrator (one suspect)' }) @IsOptional() @IsUUID('all', { message: 'perpetratorId must be a perpetrator id' }) perpetratorId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only links tied to this incident' }) @IsOptional() @IsUUID('all', { message: 'incidentId must be an incident id' }) incidentId?: string;
  @ApiPropertyOptional({ example: '1995', description: 'Only links tied to an incident that may have happened on or after this (YYYY[-MM[-DD]]); incidents with an unknown date never match' })
  @IsOptional() @Matches(PERIOD, { message: 'from must be YYYY, YYYY-MM or YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ example: '1999-12', description: 'Only links tied to an incident that may have happened on or before this (YYYY[-MM[-DD]])' })
  @IsOptional() @Matches(PERIOD, { message: 'to must be YYYY, YYYY-MM or YYYY-MM-DD' }) to?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only links tied to an incident at this place or any place inside it' }) @IsOptional() @IsUUID('all', { message: 'placeId must be a place id' }) placeId?: string;
  @ApiPropertyOptional({ enum: STANDARDS_OF_PROOF, description: "What-if: judge by this standard instead of the case's setting" })
  @IsOptional() @IsIn(STANDARDS_OF_PROOF as unknown as string[], { message: `standardOfProof must be one of: ${STANDARDS_OF_PROOF.join(', ')}` }) standardOfProof?: StandardOfProof;
}

export class StandardOfProofDto {
  @ApiPropertyOptional({ description: 'The version last read (GET …/standard-of-proof), to refuse a lost update; 0 before the first setting' })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'version must be an integer' }) @Min(0, { message: 'version must be at least 0' }) version?: number;
  @ApiProperty({ enum: STANDARDS_OF_PROOF }) @IsIn(STANDARDS_OF_PROOF as unknown as string[], { message: `standardOfProof must be one of: ${STANDARDS_OF_PROOF.join(', ')}` }) standardOfProof: StandardOfProof;
}

export class StandardOfProofRuleDto {
  @ApiProperty({ enum: STANDARDS_OF_PROOF }) code: StandardOfProof;
  @ApiProperty({ enum: ['case', 'request', 'default'], description: "case: the case's setting; request: the what-if parameter; default: no setting yet" }) source: 'case' | 'request' | 'default';
  @ApiProperty({ description: 'The rule in English' }) rule: string;
  @ApiProperty({ description: 'The rule in Korean' }) ruleKo: string;
  @ApiProperty() minProbativeValue: number;
  @ApiProperty({ type: [String] }) sourceReliability: string[];
  @ApiProperty() maxInformationCredibility: number;
  @ApiProperty() minIndependentSources: number;
  @ApiProperty() minWitnesses: number;
  @ApiProperty({ description: 'A reviewed, not weak undermining link keeps the element from supported' }) uncontested: boolean;
}

export class CaseStandardOfProofDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ type: StandardOfProofRuleDto }) standard: StandardOfProofRuleDto;
  @ApiProperty({ type: [StandardOfProofRuleDto], description: 'Every standard a case lead can choose, with its rule' }) available: StandardOfProofRuleDto[];
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) updatedBy: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) updatedAt: string | null;
  @ApiProperty({ description: '0 before the first setting' }) version: number;
}

export class MatrixFiltersDto implements MatrixFilters {
  @ApiPropertyOptional({ format: 'uuid' }) perpetratorId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) incidentId?: string;
  @ApiPropertyOptional() from?: string;
  @ApiPropertyOptional() to?: string;
  @ApiPropertyOptional({ format: 'uuid' }) placeId?: string;
}

export class LinkCountsDto implements LinkCounts {
  @ApiProperty() links: number;
  @ApiProperty() reviewed: number;
  @ApiProperty({ description: 'Links that are not weak' }) strong: number;
  @ApiProperty() reviewedStrong: number;
  @ApiProperty({ description: 'Distinct independent sources: witnesses + documents + physical items' }) sources: number;
  @ApiProperty({ description: 'Distinct people whose testimonies the links cite (one survivor interviewed twice is 1)' }) witnesses: number;
  @ApiProperty({ description: 'Distinct document contents (SHA-256); a working copy counts as its original' }) documents: number;
  @ApiProperty() physicalItems: number;
  @ApiProperty() reviewedStrongSources: number;
  @ApiProperty() reviewedStrongWitnesses: number;
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
  @ApiProperty({ description: 'English wording (same as textEn)' }) text: string;
  @ApiProperty() textEn: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Korean wording; null where not translated' }) textKo: string | null;
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
  @ApiProperty({ enum: ELEMENT_STATUSES, description: 'Under the standard of proof' }) status: ElementStatus;
  @ApiProperty({ description: 'Distinct witnesses among the links qualifying under the standard' }) qualifyingWitnesses: number;
  @ApiProperty({ description: 'Distinct documents and physical items among the links qualifying under the standard' }) qualifyingOtherSources: number;
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

export class StatusTotalsDto implements Record<ElementStatus, number> {
  @ApiProperty() no_evidence: number;
  @ApiProperty() only_unreviewed: number;
  @ApiProperty() weak: number;
  @ApiProperty() supported: number;
}

export class MatrixTotalsDto {
  @ApiProperty() crimes: number;
  @ApiProperty() elements: number;
  @ApiProperty() elementsWithGaps: number;
  @ApiProperty({ type: GapTotalsDto }) gaps: GapTotalsDto;
  @ApiProperty({ type: StatusTotalsDto }) statuses: StatusTotalsDto;
  @ApiProperty() items: number;
  @ApiProperty() links: number;
  @ApiProperty() reviewedLinks: number;
  @ApiProperty() independentSources: number;
  @ApiProperty() witnesses: number;
  @ApiProperty() documents: number;
  @ApiProperty() physicalItems: number;
}

export class CaseMatrixDto implements CaseMatrix {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ type: MatrixFrameworkDto }) framework: MatrixFrameworkDto;
  @ApiProperty() generatedAt: string;
  @ApiProperty({ type: MatrixRulesDto }) rules: MatrixRulesDto;
  @ApiProperty({ type: StandardOfProofRuleDto }) standardOfProof: StandardOfProofRuleDto;
  @ApiProperty({ type: MatrixFiltersDto }) filters: MatrixFiltersDto;
  @ApiProperty({ enum: ['aggregates', 'link_scan'], description: 'aggregates: kept per element as links change; link_scan: recounted from the filtered links' }) computedFrom: 'aggregates' | 'link_scan';
  @ApiProperty({ type: MatrixTotalsDto }) totals: MatrixTotalsDto;
  @ApiProperty({ type: [CrimeRowDto] }) crimes: CrimeRowDto[];
  @ApiProperty({ type: PerpetratorModesDto }) perpetratorModes: PerpetratorModesDto;
}

/** The computed matrix is already a plain, entity-free shape; the DTO classes describe it. */
export function mapMatrix(m: CaseMatrix): CaseMatrixDto {
  return m;
}
