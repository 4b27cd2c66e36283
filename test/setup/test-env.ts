/** Names shared by the global setup and the per-file helpers (through process.env). */
export const ENV_ADMIN_URL = 'SILLOK_TEST_ADMIN_URL';
export const ENV_TEMPLATE_DB = 'SILLOK_TEST_TEMPLATE_DB';
export const ENV_REDIS_URL = 'SILLOK_TEST_REDIS_URL';

/** A fixed key for tests only; production keys come from SILLOK_MASTER_KEY. */
export const TEST_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
