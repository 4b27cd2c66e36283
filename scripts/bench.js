#!/usr/bin/env node
// Runs every benchmark in test/bench/ (or those whose name contains argv[2]) one after another,
// each in its own Node process so one's memory does not colour the next one's figures.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = path.join(__dirname, '..', 'test', 'bench');
const filter = process.argv[2] ?? '';
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();
const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
process.stdout.write(`machine: ${os.cpus().length} x ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}\n`);
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n== ${file}\n`);
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', path.join(dir, file)], {
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: path.join(__dirname, '..', 'tsconfig.json') },
  });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
