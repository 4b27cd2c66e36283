/**
 * The one place that lists queues, job names and their payloads. Payloads carry ids and the
 * actor/correlation context, never entities or personal data.
 */
export const QUEUES = ['system', 'redaction', 'export', 'import'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobPayloads {
  /** Diagnostic round trip api → Redis → worker → PostgreSQL. */
  'system.echo': { message: string };
  /** Redact the latest transcript versions of some (or all) testimonies of a case. */
  'redaction.run': { caseId: string; testimonyIds: string[] | null; profile: string };
  /** Reads one uploaded import file (imports row) in batches: people, incidents or perpetrators. */
  'import.run': { importId: string };
  /** Builds one case-file export package (exports row): consent-checked, signed BagIt zip. */
  'export.build': { exportId: string };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { [N in JobName]: QueueName } = {
  'system.echo': 'system',
  'redaction.run': 'redaction',
  'import.run': 'import',
  'export.build': 'export',
};

/** What goes through Redis: the durable job row's id plus context. */
export interface JobEnvelope<N extends JobName = JobName> {
  jobId: string;
  name: N;
  actorId: string | null;
  correlationId: string | null;
  data: JobPayloads[N];
}

export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
