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
import { compileDictionary, compilePatterns, ENGINE_VERSION, redact, RedactionInputError, type CompiledPatterns } from 'src/redaction/engine';
import { RedactionEntity } from 'src/redaction/entities/redaction.entity';
import { redactionConfigKey, RedactionInputsService } from 'src/redaction/redaction-inputs.service';
import { TestimonyEntity } from 'src/testimonies/entities/testimony.entity';
import { TranscriptEntity, TranscriptVersionEntity } from 'src/testimonies/entities/transcript.entity';
import { transcriptAad } from 'src/testimonies/transcript-aad';

/**
 * The worker's side of a redaction job. Re-running it is harmless: a transcript version already
 * redacted with the same engine, profile and dictionary is skipped, so a job retried after a
 * crash finishes the rest and writes nothing twice.
 */
@Injectable()
export class RedactionRunner {
  private patterns: CompiledPatterns | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly inputs: RedactionInputsService,
    private readonly keys: CaseKeysService,
  ) {}

  async run(data: JobPayloads['redaction.run'], ctx: JobContext): Promise<JsonObject> {
    const { caseId } = data;
    let profile;
    let inputs;
    try {
      profile = await this.inputs.profile(caseId, data.profile);
      inputs = await this.inputs.load(caseId);
    } catch (error) {
      // A profile that does not exist or a registry the engine rejects will not get better.
      if (error instanceof DomainException || error instanceof RedactionInputError) throw new UnrecoverableError(error.message);
      throw error;
    }
    const dictionary = compileDictionary(inputs.dictionary);
    this.patterns ??= compilePatterns();
    const configKey = redactionConfigKey(profile, inputs.dictionaryVersion);

    const testimonies = await this.dataSource.getRepository(TestimonyEntity).find({
      where: data.testimonyIds ? { caseId, id: In(data.testimonyIds) } : { caseId },
      select: { id: true },
      order: { id: 'ASC' },
    });
    if (data.testimonyIds && testimonies.length !== new Set(data.testimonyIds).size) throw new UnrecoverableError('some testimonies do not exist in this case');

    let created = 0;
    let skipped = 0;
    for (const [index, testimony] of testimonies.entries()) {
      const latest = await this.dataSource.createQueryBuilder(TranscriptVersionEntity, 'v').addSelect('v.textSealed')
        .innerJoin(TranscriptEntity, 't', 't.id = v.transcript_id AND v.version = t.latest_version')
        .where('t.testimony_id = :testimonyId', { testimonyId: testimony.id })
        .getMany();
      for (const version of latest) {
        const done = await this.dataSource.getRepository(RedactionEntity).exists({ where: { transcriptVersionId: version.id, configKey } });
        if (done) { skipped++; continue; }
        const text = await this.keys.open<string>(caseId, version.textSealed, transcriptAad(version.id));
        const result = redact(text, { dictionary, patterns: this.patterns, profile, pseudonymSecret: inputs.pseudonymSecret });
        const inserted = await this.dataSource.createQueryBuilder().insert().into(RedactionEntity).values({
          caseId,
          testimonyId: testimony.id,
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
        } as never).orIgnore().execute();
        if (inserted.identifiers.length) created++;
        else skipped++;
      }
      await ctx.reportProgress(((index + 1) / testimonies.length) * 100);
      if (this.config.redactionThrottleMs) await sleep(this.config.redactionThrottleMs);
    }
    return { testimonies: testimonies.length, created, skipped, profile: profile.name, dictionaryVersion: inputs.dictionaryVersion };
  }
}
