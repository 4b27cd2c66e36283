import { readdirSync } from 'node:fs';
import { ALL_MIGRATIONS } from './index';

describe('migrations/index', () => {
  it('lists every migration file, in timestamp order', () => {
    const files = readdirSync(__dirname).filter((f) => /^\d+-\w+\.ts$/.test(f)).sort();
    const names = ALL_MIGRATIONS.map((m) => m.name);
    expect(names).toEqual(files.map((f) => f.replace(/^(\d+)-(\w+)\.ts$/, '$2$1')));
  });
});
