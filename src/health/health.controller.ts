import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { withTimeout } from 'src/common/async/with-timeout';
import { Public } from 'src/common/auth/access.decorators';
import { QueueGateway } from 'src/jobs/queue.gateway';

const POSTGRES_PROBE_TIMEOUT_MS = 3000;

class ReadinessDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ example: { postgres: 'up', redis: 'up' } }) checks: { postgres: 'up' | 'down'; redis: 'up' | 'down' };
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueGateway,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness', description: 'The process answers. Public; no data; never a 4xx (a probe has nothing to get wrong).' })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } }, example: { status: 'ok' } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Redis reachable. 503 names what is down; reads may still work. */
  @Get('ready')
  @Public()
  @ApiOkResponse({ type: ReadinessDto })
  @ApiOperation({ summary: 'Readiness', description: 'Whether PostgreSQL and Redis are reachable; 503 names what is down (reads may still work). Public; no data; never a 4xx.' })
  @ApiServiceUnavailableResponse({ type: ReadinessDto, description: 'PostgreSQL or Redis is down: the readiness report names which', example: { status: 'degraded', checks: { postgres: 'up', redis: 'down' } } })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessDto> {
    const [postgres, redis] = await Promise.all([this.postgresUp(), this.queues.ping()]);
    const checks = { postgres: postgres ? 'up' : 'down', redis: redis ? 'up' : 'down' } as const;
    const ok = postgres && redis;
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', checks };
  }

  private async postgresUp(): Promise<boolean> {
    try {
      // Bounded: a blackholed database must not hang the probe until the pool's own timeout.
      await withTimeout(this.dataSource.query('SELECT 1'), POSTGRES_PROBE_TIMEOUT_MS);
      return true;
    } catch {
      return false;
    }
  }
}
