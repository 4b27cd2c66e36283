import { Client } from 'pg';
import { KEY_CHECK_ALGORITHM, masterKeyCheckValue, matchesKeyCheck } from 'src/common/crypto/key-check';
import { DecryptionError, unwrapDataKey } from 'src/common/crypto/envelope';
import { AppConfig, ConfigError } from 'src/config/config';

// Serialises first-boot writers; any fixed 64-bit number distinct from the other advisory locks.
const KEY_CHECK_LOCK_KEY = 74_110_003;

export type MasterKeyCheckOutcome = 'verified' | 'recorded';

/**
 * Refuses to start with a master key other than the one the database was set up with (a wrong
 * key would start normally and then fail on every identity and file read). The first boot
 * after the key-check migration records the check value; a database that already holds sealed
 * data must first prove the key opens it (the oldest case's data key), so a wrong key can never
 * become the recorded one. The check and the write run in one transaction under an advisory
 * lock, so concurrent starters agree: whichever records first wins and the others compare.
 */
export async function verifyMasterKey(databaseUrl: string, config: Pick<AppConfig, 'masterKey' | 'masterKeySource' | 'dataDir'>): Promise<MasterKeyCheckOutcome> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'sillok-key-check' });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [KEY_CHECK_LOCK_KEY]);
    const stored = await client.query<{ algorithm: string; check_value: Buffer }>('SELECT algorithm, check_value FROM master_key_check WHERE id = 1');
    if (stored.rowCount) {
      const row = stored.rows[0];
      if (row.algorithm !== KEY_CHECK_ALGORITHM) throw new Error(`master_key_check holds an unknown algorithm "${row.algorithm}"; this version of Sillok cannot verify it`);
      if (!matchesKeyCheck(config.masterKey, row.check_value)) throw mismatch(config);
      await client.query('COMMIT');
      return 'verified';
    }
    const oldest = await client.query<{ id: string; wrapped_data_key: Buffer }>('SELECT id, wrapped_data_key FROM cases ORDER BY created_at, id LIMIT 1');
    if (oldest.rowCount) {
      try {
        unwrapDataKey(config.masterKey, oldest.rows[0].wrapped_data_key, oldest.rows[0].id);
      } catch (error) {
        if (error instanceof DecryptionError) throw mismatch(config);
        throw error;
      }
    }
    await client.query('INSERT INTO master_key_check (id, algorithm, check_value) VALUES (1, $1, $2)', [KEY_CHECK_ALGORITHM, masterKeyCheckValue(config.masterKey)]);
    await client.query('COMMIT');
    return 'recorded';
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

function mismatch(config: Pick<AppConfig, 'masterKeySource' | 'dataDir'>): ConfigError {
  const source = config.masterKeySource === 'dev-key-file' ? ` (it is unset, so the development key file under ${config.dataDir} was used)` : '';
  return new ConfigError(
    'SILLOK_MASTER_KEY',
    `does not match the key this database was set up with${source}: nothing sealed (identities, transcripts, files) could be opened. Start with the original key; never replace it.`,
  );
}
