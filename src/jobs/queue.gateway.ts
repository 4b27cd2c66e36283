import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { withTimeout } from 'src/common/async/with-timeout';
import { DomainException } from 'src/common/errors/domain.exception';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { DEFAULT_JOB_OPTIONS, JobEnvelope, QueueName } from 'src/jobs/job-definitions';

const ENQUEUE_TIMEOUT_MS = 3000;

/**
 * The api's producer side of BullMQ. The connection never queues commands while Redis is away
 * (enableOfflineQueue: false), so an enqueue fails fast with 503 instead of hanging, and the api
 * keeps serving everything that does not need the queue. Queues are created on first use
 * because BullMQ needs Redis reachable when a Queue is built.
 */
@Injectable()
export class QueueGateway implements OnModuleDestroy {
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.connection = new Redis(config.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => Math.min(times * 200, 2000),
      lazyConnect: false,
    });
    // Errors surface through status and health checks; an unhandled 'error' event would crash.
    this.connection.on('error', () => undefined);
  }

  get ready(): boolean {
    return this.connection.status === 'ready';
  }

  async ping(timeoutMs = 1000): Promise<boolean> {
    if (!this.ready) return false;
    try {
      return (await withTimeout(this.connection.ping(), timeoutMs)) === 'PONG';
    } catch {
      return false;
    }
  }

  async enqueue(queue: QueueName, envelope: JobEnvelope): Promise<void> {
    if (!this.ready) throw queueUnavailable();
    try {
      await withTimeout(this.queue(queue).add(envelope.name, envelope, { ...DEFAULT_JOB_OPTIONS, jobId: envelope.jobId }), ENQUEUE_TIMEOUT_MS);
    } catch {
      throw queueUnavailable();
    }
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.config.queuePrefix });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}

function queueUnavailable(): DomainException {
  return new DomainException('QUEUE_UNAVAILABLE', 'The job queue (Redis) is unreachable; nothing was stored. Retry when /health/ready reports redis up.');
}
