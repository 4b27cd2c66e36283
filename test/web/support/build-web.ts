import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const WEB = join(ROOT, 'web');
const BUILT = join(WEB, 'dist', 'index.html');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), 0);
}

/** True when web/dist is missing or older than anything it is built from. */
export function webBuildIsStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const sources = Math.max(newestMtime(join(WEB, 'src')), newestMtime(join(WEB, 'index.html')), newestMtime(join(WEB, 'vite.config.ts')), newestMtime(join(ROOT, 'package-lock.json')));
  return sources > statSync(BUILT).mtimeMs;
}

/**
 * Global setup of the `web` test project: the journeys need the built app, so build web/dist when
 * it is missing or stale (about 5 s). CI builds it before the tests, so this is then a no-op.
 */
export default function buildWeb(): void {
  if (!webBuildIsStale()) return;
  process.stdout.write('[test] web/dist is missing or older than web/: npm run build:web\n');
  // A production build, as users get and as `npm run bench -- web` measures: vitest sets
  // NODE_ENV=test, which would otherwise give React's development build (~90 KB more gzip).
  const result = spawnSync('npm', ['run', '-s', 'build:web'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error('npm run build:web failed');
}
