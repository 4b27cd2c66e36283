import { createHash } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Korean wording for RS-8-2-b-xii "Denying quarter", the one crime the Korean seed left without
 * a Korean title (its note said no established rendering could be confirmed). Our own paraphrase
 * of what the crime is — declaring or ordering that there shall be no survivors — tagged `U`
 * like the other Korean renderings, with a note that says so.
 *
 * The built-in framework is published and its content frozen by triggers; as the earlier Korean
 * migration does, this one lifts them for one update of one row's title and notes (no code,
 * number or element changes, so no evidence link is affected).
 */
const NAMESPACE = 'sillok:legal';
const BUILTIN_KEY = 'rome-statute@2011-icc-ed';
const CODE = 'RS-8-2-b-xii';
const TITLE_KO = { text: '항복 불허 (생존자를 남기지 않겠다는 선언 또는 명령)', confidence: 'U', note: 'Paraphrase: no established Korean rendering of "denying quarter" confirmed' };
const OLD_NOTE = 'No Korean title: we could not confirm an established Korean rendering of "denying quarter".';
const NEW_NOTE = { text: 'Korean title is our paraphrase (declaring or ordering that there shall be no survivors); no established Korean rendering of "denying quarter" was confirmed.', source: 'seed author', confidence: 'U' };

/** The seed migration's name-based UUID (same ids on every installation). */
function seedId(name: string): string {
  const h = createHash('sha1').update(`${NAMESPACE}:${name}`, 'utf8').digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

type Notes = Array<{ text: string; source: string; confidence: string }>;

export class DenyingQuarterKorean1795381200000 implements MigrationInterface {
  name = 'DenyingQuarterKorean1795381200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.set(queryRunner, (notes) => [...notes.filter((n) => n.text !== OLD_NOTE), NEW_NOTE], JSON.stringify(TITLE_KO));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.set(queryRunner, (notes) => [...notes.filter((n) => n.text !== NEW_NOTE.text), { text: OLD_NOTE, source: 'seed author', confidence: 'U' }], null);
  }

  private async set(queryRunner: QueryRunner, notes: (n: Notes) => Notes, titleKo: string | null): Promise<void> {
    const id = seedId(`${BUILTIN_KEY}/${CODE}`);
    const [row] = (await queryRunner.query('SELECT details FROM legal_crimes WHERE id = $1 AND code = $2', [id, CODE])) as Array<{ details: { notes?: Notes } }>;
    if (!row) return;
    await queryRunner.query(`ALTER TABLE "legal_crimes" DISABLE TRIGGER USER`);
    await queryRunner.query('UPDATE legal_crimes SET title_ko = $2::jsonb, details = $3::jsonb WHERE id = $1', [id, titleKo, JSON.stringify({ ...row.details, notes: notes(row.details.notes ?? []) })]);
    await queryRunner.query(`ALTER TABLE "legal_crimes" ENABLE TRIGGER USER`);
  }
}
