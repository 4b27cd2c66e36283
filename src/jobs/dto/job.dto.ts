import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from 'src/common/http/pagination';
import type { JsonObject } from 'src/common/json';
import { JOB_STATUSES, JobEntity, type JobStatus } from 'src/jobs/entities/job.entity';

export class JobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() queue: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: JOB_STATUSES }) status: JobStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty() attempts: number;
  @ApiPropertyOptional({ nullable: true, type: Object }) result: JsonObject | null;
  @ApiPropertyOptional({ nullable: true, type: String }) error: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) caseId: string | null;
  @ApiPropertyOptional({ nullable: true, type: [String], description: 'The testimonies the job works on (a redaction of some testimonies), so a screen can find its job again; null when it is not about chosen testimonies' })
  testimonyIds: string[] | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) finishedAt: string | null;
}

function jobTestimonyIds(payload: JsonObject | null): string[] | null {
  const ids = payload?.testimonyIds;
  return Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? (ids as string[]) : null;
}

export function mapJob(job: JobEntity): JobDto {
  return {
    id: job.id,
    queue: job.queue,
    name: job.name,
    status: job.status,
    progress: job.progress,
    attempts: job.attempts,
    result: job.result,
    error: job.error,
    caseId: job.caseId,
    testimonyIds: jobTestimonyIds(job.payload),
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
  };
}

export class EchoJobDto {
  @ApiProperty({ example: 'ping', description: 'Echoed back by the worker; not personal data' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  message: string;
}

export class ListCaseJobsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: JOB_STATUSES })
  @IsOptional()
  @IsIn(JOB_STATUSES)
  status?: JobStatus;

  @ApiPropertyOptional({ enum: ['redaction', 'export', 'import'], description: 'Only jobs of this queue' })
  @IsOptional()
  @IsIn(['redaction', 'export', 'import'])
  queue?: string;
}

export class JobPageDto {
  @ApiProperty({ type: [JobDto] }) items: JobDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
