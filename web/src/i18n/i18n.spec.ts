import en from './en.json';
import ko from './ko.json';

type Catalogue = { [key: string]: string | Catalogue };

function keys(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function lookup(catalogue: Catalogue, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Catalogue)[part] : undefined), catalogue);
}

/** Literal keys of t('…') calls; template keys (t(`roles.${role}`)) are checked by their prefix. */
export function usedKeys(source: string): { literal: string[]; prefixes: string[] } {
  const literal = [...source.matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'/g)].map((m) => m[1] as string);
  const prefixes = [...source.matchAll(/\bt\(\s*`([A-Za-z0-9_.]+)\.\$\{/g)].map((m) => m[1] as string);
  return { literal, prefixes };
}

const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.spec.ts', '!../api/schema.d.ts'], { query: '?raw', import: 'default', eager: true });

describe('i18n catalogues', () => {
  it('ko and en have exactly the same keys', () => {
    const koKeys = new Set(keys(ko));
    const enKeys = new Set(keys(en));
    expect([...koKeys].filter((k) => !enKeys.has(k)), 'in ko.json, missing in en.json').toEqual([]);
    expect([...enKeys].filter((k) => !koKeys.has(k)), 'in en.json, missing in ko.json').toEqual([]);
  });

  it('no value is empty, and both use the same {{placeholders}}', () => {
    for (const key of keys(en)) {
      const e = lookup(en, key) as string;
      const k = lookup(ko, key) as string;
      expect(e.trim(), `en ${key}`).not.toBe('');
      expect(k.trim(), `ko ${key}`).not.toBe('');
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(vars(k), key).toEqual(vars(e));
    }
  });

  it('every key used in web/src exists in both languages', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(5);
    const missing: string[] = [];
    for (const [file, source] of Object.entries(sources)) {
      const { literal, prefixes } = usedKeys(source);
      for (const key of literal) {
        for (const [lang, cat] of [['ko', ko], ['en', en]] as const) if (typeof lookup(cat, key) !== 'string') missing.push(`${lang}: ${key} (${file})`);
      }
      for (const prefix of prefixes) {
        for (const [lang, cat] of [['ko', ko], ['en', en]] as const) if (typeof lookup(cat, prefix) !== 'object') missing.push(`${lang}: ${prefix}.* (${file})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the scan finds keys (so the check above cannot pass vacuously)', () => {
    expect(usedKeys(`t('signIn.title'); t(\`roles.\${r}\`)`)).toEqual({ literal: ['signIn.title'], prefixes: ['roles'] });
    const all = Object.values(sources).flatMap((s) => usedKeys(s).literal);
    expect(all).toContain('signIn.submit');
  });
});
