import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import { CaseKeysService } from 'src/cases/case-keys.service';
import { memberMay } from 'src/cases/case-permissions';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, IdentityClearanceRequiredException, NotFoundDomainException } from 'src/common/errors/domain.exception';
import type { ReadingDto, ReadingPassageDto, ReadingView } from 'src/evidence/dto/reading.dto';
import { originalToRedacted, type MappingSpan } from 'src/evidence/passage-mapping';
import { RedactionEntity } from 'src/redaction/entities/redaction.entity';
import { TranscriptVersionEntity } from 'src/testimonies/entities/transcript.entity';
import { transcriptAad } from 'src/testimonies/transcripts.service';

interface PassageRow {
  id: string;
  code: string;
  title: string;
  passage_start: number;
  passage_end: number;
  redaction_id: string | null;
  redacted_start: number | null;
  redacted_end: number | null;
  links: string;
  reviewed_links: string;
}

/**
 * The transcript reader: the text of a version that the caller may see — the original for a
 * member with identity clearance (decrypted here, the read audited), otherwise the latest
 * approved redaction of that version — with the case's passages on it as offsets into THAT text.
 * Text a member is not cleared for is never sent.
 */
@Injectable()
export class ReaderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly keys: CaseKeysService,
    private readonly audit: AuditService,
  ) {}

  async read(caseId: string, versionId: string, requested: ReadingView | undefined, actor: AuthenticatedUser): Promise<ReadingDto> {
    const member = await this.access.require(caseId, actor, 'read');
    const cleared = memberMay(member, 'identity');
    const view: ReadingView = requested ?? (cleared ? 'original' : 'redacted');
    // Checked before anything is read.
    if (view === 'original' && !cleared) throw new IdentityClearanceRequiredException('Reading the original transcript', 'read its approved redaction (view=redacted)');
    return this.dataSource.transaction(async (manager) => {
      const qb = manager.createQueryBuilder(TranscriptVersionEntity, 'v').innerJoinAndSelect('v.transcript', 't').where('v.id = :versionId AND v.case_id = :caseId AND t.case_id = :caseId', { versionId, caseId });
      if (view === 'original') qb.addSelect('v.textSealed');
      const version = await qb.getOne();
      if (!version?.transcript) throw new NotFoundDomainException('Transcript version');
      const rows: PassageRow[] = await manager.query(
        `SELECT i.id, i.code, i.title, i.passage_start, i.passage_end, i.redaction_id, i.redacted_start, i.redacted_end,
           (SELECT count(*) FROM evidence_links l WHERE l.item_id = i.id) AS links,
           (SELECT count(*) FROM evidence_links l WHERE l.item_id = i.id AND l.status = 'reviewed') AS reviewed_links
         FROM evidence_items i WHERE i.case_id = $1 AND i.transcript_version_id = $2 ORDER BY i.passage_start, i.code`,
        [caseId, versionId],
      );
      const passage = (r: PassageRow, start: number, end: number): ReadingPassageDto => ({ itemId: r.id, code: r.code, title: r.title, start, end, links: Number(r.links), reviewedLinks: Number(r.reviewed_links) });
      const base = {
        transcriptVersionId: version.id, transcriptId: version.transcriptId, testimonyId: version.transcript.testimonyId, kind: version.transcript.kind,
        language: version.transcript.language, version: version.version, translatesVersionId: version.translatesVersionId,
      };
      if (view === 'original') {
        const text = await this.keys.open<string>(caseId, version.textSealed, transcriptAad(version.id), manager);
        await this.audit.record(manager, { actorId: actor.id, action: 'transcript.read', subjectType: 'transcript', subjectId: version.transcriptId, caseId, details: { version: version.version, via: 'reader' } });
        return { ...base, view, redactionId: null, profile: null, text, passages: rows.map((r) => passage(r, r.passage_start, r.passage_end)) };
      }
      const redaction = await manager.findOne(RedactionEntity, { where: { caseId, transcriptVersionId: version.id, status: 'approved' }, order: { reviewedAt: 'DESC', id: 'ASC' } });
      if (!redaction) {
        throw new DomainException('CONFLICT', 'This transcript version has no approved redaction yet: a reviewer must approve one before it can be read without identity clearance', { reason: 'no_approved_redaction' });
      }
      const spans = redaction.spans as unknown as MappingSpan[];
      const passages: ReadingPassageDto[] = [];
      for (const r of rows) {
        if (r.redaction_id === redaction.id && r.redacted_start !== null && r.redacted_end !== null) {
          passages.push(passage(r, r.redacted_start, r.redacted_end));
          continue;
        }
        const mapped = originalToRedacted(spans, r.passage_start, r.passage_end);
        if (mapped && mapped.end <= redaction.redactedText.length) passages.push(passage(r, mapped.start, mapped.end));
      }
      passages.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
      return { ...base, view, redactionId: redaction.id, profile: redaction.profile, text: redaction.redactedText, passages };
    });
  }
}
