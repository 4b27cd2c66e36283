#!/usr/bin/env node
// Drift check: migrate an empty database with the committed migrations, then ask TypeORM whether
// the entities would need any further change. Exit 1 (and print the SQL) when they would.
// Uses DATABASE_URL's server (default: local PostgreSQL) and a throwaway database on it.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { Client } = require('pg');

async function main() {
  const admin = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `sillok_drift_${process.pid}`;
  const scratch = new URL(admin);
  scratch.pathname = `/${name}`;
  let client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  let embedded;
  try {
    await client.connect();
  } catch {
    // No PostgreSQL here: use an embedded one for the check, as the tests do.
    const { startEmbeddedPostgres } = require(path.join(__dirname, '..', 'dist', 'database', 'embedded-postgres.js'));
    const dir = require('node:fs').mkdtempSync(path.join(require('node:os').tmpdir(), 'sillok-drift-pg-'));
    embedded = await startEmbeddedPostgres(dir, 55330 + (process.pid % 1000), false);
    const url = new URL(embedded.url);
    url.pathname = '/postgres';
    admin.href = url.href;
    client = new Client({ connectionString: admin.toString() });
    await client.connect();
  }
  scratch.href = admin.href;
  scratch.pathname = `/${name}`;
  await client.query(`CREATE DATABASE ${name}`);
  try {
    const { runMigrations } = require(path.join(__dirname, '..', 'dist', 'database', 'migrate.js'));
    const applied = await runMigrations(scratch.toString());
    process.stdout.write(`applied ${applied.length} migrations to an empty database\n`);
    const check = spawnSync(
      process.execPath,
      [require.resolve('typeorm/cli.js'), 'migration:generate', '--check', '-d', path.join('dist', 'database', 'data-source.js'), path.join('migrations', 'Drift')],
      { env: { ...process.env, DATABASE_URL: scratch.toString() }, stdio: 'inherit', cwd: path.join(__dirname, '..') },
    );
    if (check.status !== 0) {
      process.stderr.write('Schema drift: entities differ from the migrations. Run npm run migration:generate -- migrations/<Name> and commit it.\n');
      process.exitCode = 1;
    } else {
      process.stdout.write('no schema drift\n');
    }
  } finally {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
    if (embedded) await embedded.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
