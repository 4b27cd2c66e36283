import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseKeysService } from 'src/cases/case-keys.service';
import { DomainException } from 'src/common/errors/domain.exception';
import { PersonEntity } from 'src/people/entities/person.entity';
import { placeNameKey } from 'src/places/place-names';
import { identityAad } from 'src/people/identity-aad';
import type { PersonIdentityDto } from 'src/people/dto/person.dto';
import { RedactionProfileEntity } from 'src/redaction/entities/redaction-profile.entity';
import { RedactionTermEntity } from 'src/redaction/entities/redaction-term.entity';
import { BUILT_IN_PROFILES, defineProfile, dictionaryVersion, ENGINE_VERSION, keptIdentifyingCategories, RedactionInputError, resolveProfile, type BuiltInProfileName, type Category, type DictionaryInput, type ProfileSpec, type RedactionProfile } from 'src/redaction/engine';
import { profileFingerprint } from 'src/redaction/engine/profiles';
import { parseRegisteredDate } from 'src/redaction/engine/registered-dates';

export const termAad = (termId: string) => `redaction-term:${termId}`;

/** Why a case profile may not keep identifying categories as they are in the original. */
const KEEP_IDENTIFYING_REASON = 'redacted text is read by members without identity clearance, indexed for search and exported';
export const KEEP_IDENTIFYING_PROBLEM = `cannot be keep: ${KEEP_IDENTIFYING_REASON}; use pseudonym, label or remove`;

export interface RedactionInputs {
  dictionary: DictionaryInput;
  dictionaryVersion: string;
  /** Per-case secret for pseudonym tokens of unregistered values (phone numbers, …). */
  pseudonymSecret: Buffer;
}

/** Builds what the engine needs from the case's registry: decrypted only inside this process. */
@Injectable()
export class RedactionInputsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: CaseKeysService,
  ) {}

  async load(caseId: string): Promise<RedactionInputs> {
    const key = await this.keys.dataKey(caseId);
    const people = await this.dataSource.getRepository(PersonEntity).createQueryBuilder('p').addSelect('p.identitySealed')
      .where('p.case_id = :caseId AND p.identity_sealed IS NOT NULL', { caseId }).orderBy('p.code').getMany();
    const dictionary: DictionaryInput = { people: [], places: [], customTerms: [], dates: [] };
    for (const person of people) {
      const identity = await this.keys.open<PersonIdentityDto>(caseId, person.identitySealed as Buffer, identityAad(person.id));
      const names = [...(identity.namesHangul ?? []), ...(identity.namesRomanised ?? [])].filter((n) => n.trim());
      const aliases = (identity.aliases ?? []).filter((n) => n.trim());
      if (names.length || aliases.length) dictionary.people.push({ ref: person.code, category: 'person', names: names.length ? names : aliases, aliases });
      // Everything else in the identity identifies too: relatives by name, where the person was
      // born or lives, their contacts. Each gets a ref derived from the person's code, for the
      // span log that cleared members read; the ref is private, so the redacted text (read by
      // everyone, indexed, exported) gets a keyed token that says nothing about whose it is.
      for (const [i, relative] of (identity.relatives ?? []).entries()) {
        if (relative.name?.trim()) dictionary.people.push({ ref: `${person.code}.R${i + 1}`, category: 'person', names: [relative.name], privateRef: true });
      }
      // Places are expanded into both scripts by the engine (`place: true`) and through the
      // gazetteer: every spelling the gazetteer knows for the same place (`Hoeryong` ↔ 회령).
      for (const [suffix, value] of [['BP', identity.birthplace], ['LOC', identity.currentLocation]] as const) {
        if (!value?.trim()) continue;
        for (const term of [value, ...(await this.gazetteerSpellings(value))]) {
          dictionary.customTerms?.push({ term, category: 'custom', ref: `${person.code}.${suffix}`, privateRef: true, place: true });
        }
      }
      // A registered date of birth is found in every written format anywhere in the text.
      const birthDate = identity.birthDate?.date;
      if (birthDate && parseRegisteredDate(birthDate)) dictionary.dates?.push({ ref: `${person.code}.DOB`, date: birthDate, category: 'date-of-birth', privateRef: true });
      for (const [i, contact] of (identity.contacts ?? []).entries()) {
        const category: Category = contact.kind === 'phone' ? 'phone' : contact.kind === 'email' ? 'email' : contact.kind === 'messaging' ? 'handle' : 'custom';
        if (contact.value?.trim()) dictionary.customTerms?.push({ term: contact.value, category, ref: `${person.code}.C${i + 1}`, privateRef: true });
      }
    }
    const terms = await this.dataSource.getRepository(RedactionTermEntity).createQueryBuilder('t').addSelect('t.termSealed')
      .where('t.case_id = :caseId', { caseId }).orderBy('t.ref').getMany();
    for (const term of terms) {
      const text = await this.keys.open<string>(caseId, term.termSealed, termAad(term.id));
      if (term.category === 'place') dictionary.places?.push({ ref: term.ref, names: [text, ...(await this.gazetteerSpellings(text))] });
      else dictionary.customTerms?.push({ term: text, category: term.category as Category, ref: term.ref });
    }
    return {
      dictionary,
      dictionaryVersion: dictionaryVersion(dictionary),
      pseudonymSecret: createHmac('sha256', key).update('sillok:redaction:pseudonym-secret').digest(),
    };
  }

  /**
   * Every other spelling the gazetteer (public geography: place_names) has for the place whose
   * name has the same search key as `value` (`Hoeryong` → 회령, 회령시, Hoeryŏng …); none when the
   * gazetteer does not know it or the key is ambiguous (several places).
   */
  private async gazetteerSpellings(value: string): Promise<string[]> {
    const key = placeNameKey(value);
    if (!key) return [];
    const rows: Array<{ place_id: string; name: string }> = await this.dataSource.query(
      'SELECT n.place_id, n.name FROM place_names n WHERE n.place_id IN (SELECT place_id FROM place_names WHERE key = $1) ORDER BY n.name',
      [key],
    );
    if (new Set(rows.map((r) => r.place_id)).size !== 1) return [];
    return [...new Set(rows.map((r) => r.name))].filter((n) => n !== value.trim()).slice(0, 12);
  }

  /** A built-in profile by name, or a custom profile of the case. */
  async profile(caseId: string, name: string): Promise<RedactionProfile> {
    if (name in BUILT_IN_PROFILES) return resolveProfile(name as BuiltInProfileName);
    const custom = await this.dataSource.getRepository(RedactionProfileEntity).findOne({ where: { caseId, name } });
    if (!custom) throw new DomainException('VALIDATION_FAILED', `profile "${name}" is neither built in (${Object.keys(BUILT_IN_PROFILES).join(', ')}) nor defined for this case`, [{ field: 'profile', problems: ['is not a known profile'] }]);
    let profile: RedactionProfile;
    try {
      profile = defineProfile(custom.spec as unknown as ProfileSpec);
    } catch (error) {
      if (error instanceof RedactionInputError) throw new DomainException('VALIDATION_FAILED', `profile "${name}" is invalid: ${error.message}`);
      throw error;
    }
    // A profile stored before this rule: never used to render text from the original.
    const kept = keptIdentifyingCategories(profile);
    if (kept.length) throw new DomainException('VALIDATION_FAILED', `profile "${name}" keeps ${kept.join(', ')} as in the original, which is refused: ${KEEP_IDENTIFYING_REASON}`, [{ field: 'profile', problems: ['keeps identifying categories'] }]);
    return profile;
  }
}

/** Same engine, profile and dictionary → same key → same output (the jobs' idempotency). */
export function redactionConfigKey(profile: RedactionProfile, dictionaryVersionHash: string): string {
  return createHash('sha256').update(JSON.stringify({ engine: ENGINE_VERSION, profile: profileFingerprint(profile), dictionary: dictionaryVersionHash })).digest('hex');
}
