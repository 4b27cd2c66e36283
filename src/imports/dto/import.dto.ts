import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IMPORT_ENTITY_TYPES, IMPORT_FORMATS, ImportEntity, ImportRowErrorEntity, type ImportEntityType, type ImportFormat } from 'src/imports/entities/import.entity';
import { JOB_STATUSES, JobEntity, type JobStatus } from 'src/jobs/entities/job.entity';

/** The multipart form of POST /cases/{caseId}/imports: `file` is read by the upload reader, the other fields validated like a JSON body. */
export class CreateImportFormDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'A CSV file (header row; lists separated by ;) or a JSON file (an array of objects, or JSON Lines)' }) file: unknown;
  @ApiProperty({ enum: IMPORT_ENTITY_TYPES })
  @IsIn(IMPORT_ENTITY_TYPES as unknown as string[], { message: `entityType must be one of: ${IMPORT_ENTITY_TYPES.join(', ')}` }) entityType: ImportEntityType;
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'Check every row and report, storing nothing' })
  @IsOptional() @IsIn(['true', 'false'], { message: 'dryRun must be true or false' }) dryRun?: 'true' | 'false';
  @ApiPropertyOptional({ enum: IMPORT_FORMATS, description: 'Defaults from the file name (.csv, .json, .jsonl, .ndjson) or its media type' })
  @IsOptional() @IsIn(IMPORT_FORMATS as unknown as string[], { message: `format must be one of: ${IMPORT_FORMATS.join(', ')}` }) format?: ImportFormat;
}

export class ImportCountsDto {
  @ApiProperty({ description: 'Data rows read so far' }) processed: number;
  @ApiProperty({ description: 'Rows stored (a dry run: rows that would be stored)' }) created: number;
  @ApiProperty({ description: 'Rows whose external_id was imported before: left as they are' }) skipped: number;
  @ApiProperty({ description: 'Rows refused; each has entries in the report' }) failed: number;
}

export class ImportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) jobId: string;
  @ApiProperty({ enum: IMPORT_ENTITY_TYPES }) entityType: ImportEntityType;
  @ApiProperty({ enum: IMPORT_FORMATS }) format: ImportFormat;
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ enum: JOB_STATUSES }) status: JobStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why the job failed, when it did' }) error: string | null;
  @ApiProperty({ description: 'SHA-256 of the uploaded file' }) sha256: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ type: ImportCountsDto }) counts: ImportCountsDto;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) finishedAt: string | null;
}

export class ImportRowErrorDto {
  @ApiProperty({ description: '1-based data row (the header is not counted); 0 for the file as a whole' }) row: number;
  @ApiProperty({ example: 'date' }) field: string;
  @ApiProperty({ example: 'must look like YYYY-MM for precision month' }) message: string;
}

export class ImportReportPageDto {
  @ApiProperty({ type: [ImportRowErrorDto] }) items: ImportRowErrorDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class ImportDetailDto extends ImportDto {
  @ApiProperty({ type: ImportReportPageDto, description: 'The per-row report, in row order (limit/offset page it)' }) report: ImportReportPageDto;
}

export function mapImport(imp: ImportEntity, job: JobEntity): ImportDto {
  return {
    id: imp.id,
    jobId: imp.jobId,
    entityType: imp.entityType,
    format: imp.format,
    dryRun: imp.dryRun,
    status: job.status,
    progress: job.progress,
    error: job.error,
    sha256: imp.sha256,
    sizeBytes: Number(imp.sizeBytes),
    counts: { processed: imp.rowsProcessed, created: imp.rowsCreated, skipped: imp.rowsSkipped, failed: imp.rowsFailed },
    createdAt: imp.createdAt.toISOString(),
    finishedAt: imp.finishedAt?.toISOString() ?? null,
  };
}

export function mapRowError(e: ImportRowErrorEntity): ImportRowErrorDto {
  return { row: e.row, field: e.field, message: e.message };
}
