import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import { CaseKeysService } from 'src/cases/case-keys.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ValidationDomainException } from 'src/common/errors/domain.exception';
import type { PersonIdentityDto } from 'src/people/dto/person.dto';
import { PersonEntity } from 'src/people/entities/person.entity';
import { identityAad } from 'src/people/identity-aad';
import { buildSnippet } from 'src/search/search-query';
import { TranscriptVersionEntity } from 'src/testimonies/entities/transcript.entity';
import { transcriptAad } from 'src/testimonies/transcript-aad';

// Sealed text cannot sit in an index, so it is decrypted and scanned on demand: bounded, so one
// query cannot make the server decrypt an unlimited amount.
const MAX_SCAN_CHARS = 50_000_000;

export interface RawHit {
  kind: 'person' | 'transcript';
  id: string;
  code: string;
  testimonyId: string | null;
  version: number | null;
  language: string | null;
  /** For people: which identity fields matched (the values stay behind the audited identity endpoint). */
  matchedFields: string[];
  matches: number;
  snippet: string | null;
}

export interface RawSearchResult {
  items: RawHit[];
  scanned: { people: number; transcripts: number };
  truncated: boolean;
}

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** The identity fields a person could be found by, as [field, value] pairs. */
function identityFields(identity: PersonIdentityDto): Array<[string, string]> {
  return [
    ...(identity.namesHangul ?? []).map((v): [string, string] => ['namesHangul', v]),
    ...(identity.namesRomanised ?? []).map((v): [string, string] => ['namesRomanised', v]),
    ...(identity.aliases ?? []).map((v): [string, string] => ['aliases', v]),
    ...(identity.relatives ?? []).map((r): [string, string] => ['relatives', r.name]),
    ...(identity.contacts ?? []).map((c): [string, string] => ['contacts', c.value]),
    ['birthplace', identity.birthplace ?? ''],
    ['currentLocation', identity.currentLocation ?? ''],
  ];
}

/**
 * Search of what the index never holds: identities and raw transcript text. Only for members
 * with identity clearance, one case at a time, and every search is audited (without the query,
 * which may itself be a name).
 */
@Injectable()
export class RawSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly keys: CaseKeysService,
    private readonly audit: AuditService,
  ) {}

  async search(caseId: string, q: string, limit: number, actor: AuthenticatedUser): Promise<RawSearchResult> {
    await this.access.require(caseId, actor, 'identity');
    const needle = q.trim().normalize('NFC').toLowerCase();
    if ([...needle].length < 2) throw new ValidationDomainException('q', 'must have at least two characters');

    const people = await this.dataSource.getRepository(PersonEntity).createQueryBuilder('p').addSelect('p.identitySealed')
      .where('p.case_id = :caseId AND p.identity_sealed IS NOT NULL', { caseId }).orderBy('p.code').getMany();
    const hits: RawHit[] = [];
    for (const person of people) {
      const identity = await this.keys.open<PersonIdentityDto>(caseId, person.identitySealed as Buffer, identityAad(person.id));
      const matched = identityFields(identity).filter(([, value]) => value.normalize('NFC').toLowerCase().includes(needle));
      if (matched.length) {
        hits.push({ kind: 'person', id: person.id, code: person.code, testimonyId: null, version: null, language: null, matchedFields: [...new Set(matched.map(([f]) => f))], matches: matched.length, snippet: null });
      }
    }

    // Latest version of every transcript, with the interviewee's pseudonym; texts fetched one by one.
    const versions = (await this.dataSource.query(
      `SELECT v.id, v.transcript_id, v.version, v.text_length, t.testimony_id, t.language, p.code
         FROM transcript_versions v
         JOIN transcripts t ON t.id = v.transcript_id AND v.version = t.latest_version
         JOIN testimonies ts ON ts.id = t.testimony_id
         JOIN people p ON p.id = ts.interviewee_id
        WHERE v.case_id = $1
        ORDER BY t.testimony_id, t.kind, t.language`,
      [caseId],
    )) as Array<{ id: string; transcript_id: string; version: number; text_length: number; testimony_id: string; language: string; code: string }>;
    let scannedChars = 0;
    let scannedTranscripts = 0;
    let truncated = false;
    const transcriptHits: RawHit[] = [];
    for (const v of versions) {
      if (scannedChars + v.text_length > MAX_SCAN_CHARS) { truncated = true; break; }
      scannedChars += v.text_length;
      scannedTranscripts++;
      const row = await this.dataSource.createQueryBuilder(TranscriptVersionEntity, 'v').addSelect('v.textSealed').where('v.id = :id', { id: v.id }).getOneOrFail();
      const text = (await this.keys.open<string>(caseId, row.textSealed, transcriptAad(v.id))).normalize('NFC');
      const matches = count(text.toLowerCase(), needle);
      if (!matches) continue;
      transcriptHits.push({ kind: 'transcript', id: v.transcript_id, code: v.code, testimonyId: v.testimony_id, version: v.version, language: v.language, matchedFields: [], matches, snippet: buildSnippet(text, { substrings: [needle], stems: [], keys: [] }) });
    }
    transcriptHits.sort((a, b) => b.matches - a.matches);
    const items = [...hits, ...transcriptHits].slice(0, limit);

    await this.audit.recordStandalone({
      actorId: actor.id,
      action: 'search.raw',
      subjectType: 'case',
      subjectId: caseId,
      caseId,
      details: { peopleMatched: hits.length, transcriptsMatched: transcriptHits.length, transcriptsScanned: scannedTranscripts, truncated },
    });
    return { items, scanned: { people: people.length, transcripts: scannedTranscripts }, truncated };
  }
}
