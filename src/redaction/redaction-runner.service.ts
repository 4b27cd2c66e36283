import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, In } from 'typeorm';
import { CaseKeysService } from 'src/cases/case-keys.service';
import { DomainException } from 'src/common/errors/domain.exception';
import type { JsonObject } from 'src/common/json';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import type { JobContext } from 'src/jobs/job-runner.service';
import type { JobPayloads } from 'src/jobs/job-definitions';
import { compileDictionaryAsync, compilePatterns, ENGINE_VERSION, redact, RedactionInputError, type CompiledDictionary, type CompiledPatterns } from 'src/redaction/engine';
import { RedactionEntity } from 'src/redaction/entities/redaction.entity';
import { redactionConfigKey, type RedactionInputs, RedactionInputsService } from 'src/redaction/redaction-inputs.service';
import { TestimonyEntity } from 'src/testimonies/entities/testimony.entity';
import { TranscriptEntity, TranscriptVersionEntity } from 'src/testimonies/entities/transcript.entity';
import { transcriptAad } from 'src/testimonies/transcript-aad';

/** Testimonies redacted and written together (one read of versions, one multi-row INSERT). */
const BATCH_TESTIMONIES = 128;
/** … unless their texts together pass this many UTF-16 code units first. */
const BATCH_TEXT_UNITS = 4 * 1024 * 1024;
/** Longest stretch of synchronous redaction before the event loop gets a turn (job-lock renewal). */
const SLICE_MS = 25;
/** Compiled dictionaries kept in the worker, most recently used last. */
const DICTIONARY_CACHE_SIZE = 2;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The worker's side of a redaction job. Re-running it is harmless: a transcript version already
 * redacted with the same engine, profile and dictionary is skipped, so a job retried after a
 * crash finishes the rest and writes nothing twice.
 *
 * Speed (issue 12): the cost used to be per testimony (four statements each, a dictionary compile
 * per job). Now the registry's compiled dictionary is cached per case and dictionary version (a
 * hash of the registry's content: any change to the registry is a new key, so a stale dictionary
 * is never used), testimonies are read, redacted and written in batches (one query for the latest
 * versions joined with those already done, one multi-row INSERT … ON CONFLICT DO NOTHING), and the
 * compile and the redaction give the event loop a turn regularly so the job lock keeps renewing.
 * A crash loses at most the batch in flight, which the next attempt redoes.
 */
@Injectable()
export class RedactionRunner {
  private patterns: CompiledPatterns | null = null;
  private readonly dictionaries = new Map<string, Promise<CompiledDictionary>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly inputs: RedactionInputsService,
    private readonly keys: CaseKeysService,
  ) {}

  /** The compiled dictionary for this case's registry content, compiled at most once per worker. */
  private async dictionaryFor(caseId: string, inputs: RedactionInputs): Promise<CompiledDictionary> {
    const key = `${caseId}:${inputs.dictionaryVersion}`;
    let compiled = this.dictionaries.get(key);
    if (compiled) {
      this.dictionaries.delete(key);
    } else {
      compiled = compileDictionaryAsync(inputs.dictionary, SLICE_MS);
      // A failed compile is not kept: the next job tries again (and fails the same way if the input is bad).
      compiled.catch(() => this.dictionaries.delete(key));
    }
    this.dictionaries.set(key, compiled);
    // Older versions of the same case are dead (the registry changed); others make room by age.
    for (const other of this.dictionaries.keys()) if (other !== key && other.startsWith(`${caseId}:`)) this.dictionaries.delete(other);
    while (this.dictionaries.size > DICTIONARY_CACHE_SIZE) this.dictionaries.delete(this.dictionaries.keys().next().value as string);
    return compiled;
  }

  async run(data: JobPayloads['redaction.run'], ctx: JobContext): Promise<JsonObject> {
    const { caseId } = data;
    let profile;
    let inputs;
    let dictionary;
    try {
      profile = await this.inputs.profile(caseId, data.profile);
      inputs = await this.inputs.load(caseId);
      dictionary = await this.dictionaryFor(caseId, inputs);
    } catch (error) {
      // A profile that does not exist or a registry the engine rejects will not get better.
      if (error instanceof DomainException || error instanceof RedactionInputError) throw new UnrecoverableError(error.message);
      throw error;
    }
    this.patterns ??= compilePatterns();
    const patterns = this.patterns;
    const configKey = redactionConfigKey(profile, inputs.dictionaryVersion);
    const redactOptions = { dictionary, patterns, profile, pseudonymSecret: inputs.pseudonymSecret };

    const testimonies = await this.dataSource.getRepository(TestimonyEntity).find({
      where: data.testimonyIds ? { caseId, id: In(data.testimonyIds) } : { caseId },
      select: { id: true },
      order: { id: 'ASC' },
    });
    if (data.testimonyIds && testimonies.length !== new Set(data.testimonyIds).size) throw new UnrecoverableError('some testimonies do not exist in this case');

    // The throttle (REDACTION_THROTTLE_MS, for shared machines and the crash test) pauses after
    // every testimony, so with it each testimony is its own batch.
    const batchSize = this.config.redactionThrottleMs ? 1 : BATCH_TESTIMONIES;
    let created = 0;
    let skipped = 0;
    let doneCount = 0;

    // One batch, one query: the latest version of each transcript of its testimonies, and whether it
    // is already redacted with this configuration (the unique index allows at most one such row).
    const readBatch = async (batch: string[]) => {
      const versions = await this.dataSource.createQueryBuilder(TranscriptVersionEntity, 'v').addSelect('v.textSealed')
        .innerJoin(TranscriptEntity, 't', 't.id = v.transcript_id AND v.version = t.latest_version')
        .leftJoin(RedactionEntity, 'r', 'r.transcript_version_id = v.id AND r.config_key = :configKey', { configKey })
        .addSelect('t.testimony_id', 'testimony_id')
        .addSelect('r.id', 'redaction_id')
        .where('t.testimony_id IN (:...batch)', { batch })
        .orderBy('v.id')
        .getRawAndEntities();
      const raw = versions.raw as Array<{ v_id: string; testimony_id: string; redaction_id: string | null }>;
      const testimonyOf = new Map<string, string>(raw.map((r) => [r.v_id, r.testimony_id]));
      const already = new Set(raw.filter((r) => r.redaction_id !== null).map((r) => r.v_id));
      return { batch, versions: versions.entities, testimonyOf, already };
    };
    // Multi-row INSERT … ON CONFLICT DO NOTHING: a row another attempt already wrote is skipped.
    const writeRows = async (rows: Array<Record<string, unknown>>) => {
      for (let i = 0; i < rows.length;) {
        let units = 0;
        let j = i;
        while (j < rows.length && (j === i || units < BATCH_TEXT_UNITS)) units += (rows[j++].redactedText as string).length;
        const chunk = rows.slice(i, j);
        const inserted = await this.dataSource.createQueryBuilder().insert().into(RedactionEntity).values(chunk as never[]).orIgnore().returning(['id']).execute();
        const n = (inserted.raw as unknown[]).length;
        created += n;
        skipped += chunk.length - n;
        i = j;
      }
    };
    // Pipelined: while batch N is redacted (this process), batch N + 1 is read and batch N − 1 is
    // written (the database's processes). Progress counts only batches whose rows are committed.
    const batches: string[][] = [];
    for (let from = 0; from < testimonies.length; from += batchSize) batches.push(testimonies.slice(from, from + batchSize).map((t) => t.id));
    const quiet = <T>(p: Promise<T>) => (p.catch(() => undefined), p);
    let nextRead = batches.length ? quiet(readBatch(batches[0])) : null;
    let pendingWrite: Promise<void> | null = null;
    let sliceStart = performance.now();
    for (let b = 0; b < batches.length; b++) {
      const { batch, versions, testimonyOf, already } = await (nextRead as ReturnType<typeof readBatch>);
      nextRead = b + 1 < batches.length ? quiet(readBatch(batches[b + 1])) : null;
      const rows: Array<Record<string, unknown>> = [];
      for (const version of versions) {
        if (already.has(version.id)) { skipped++; continue; }
        const text = await this.keys.open<string>(caseId, version.textSealed, transcriptAad(version.id));
        const result = redact(text, redactOptions);
        rows.push({
          caseId,
          testimonyId: testimonyOf.get(version.id),
          transcriptId: version.transcriptId,
          transcriptVersionId: version.id,
          sourceSha256: version.textSha256,
          profile: profile.name,
          dictionaryVersion: inputs.dictionaryVersion,
          engineVersion: ENGINE_VERSION,
          configKey,
          status: 'proposed',
          redactedText: result.text,
          redactedSha256: createHash('sha256').update(result.text, 'utf8').digest('hex'),
          spans: result.spans.map((s) => ({ ...s }) as unknown as JsonObject),
          jobId: ctx.jobId,
        });
        if (performance.now() - sliceStart >= SLICE_MS) {
          await yieldToEventLoop();
          sliceStart = performance.now();
        }
      }
      if (pendingWrite) await pendingWrite;
      const count = batch.length;
      pendingWrite = quiet(writeRows(rows).then(async () => {
        doneCount += count;
        await ctx.reportProgress((doneCount / testimonies.length) * 100);
      }));
      if (this.config.redactionThrottleMs) {
        await pendingWrite;
        await sleep(this.config.redactionThrottleMs);
      }
      sliceStart = performance.now();
    }
    if (pendingWrite) await pendingWrite;
    return { testimonies: testimonies.length, created, skipped, profile: profile.name, dictionaryVersion: inputs.dictionaryVersion };
  }
}
