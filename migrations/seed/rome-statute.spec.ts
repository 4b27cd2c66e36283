import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementKind, SeedCrime, SeedElement, SeedFramework } from './legal-types';
import { ROME_STATUTE_FRAMEWORK as F } from './rome-statute';
import { validateFramework } from './validate-framework';

/*
 * Expected element counts, transcribed independently from /work/shared/docs/legal-reference.md
 * (§1.2 table for art. 7, §2 table for art. 6, §3 table for art. 8). Keys are the EOC IDs exactly as
 * the reference writes them. Do NOT derive these from the seed.
 */
const ART7_COUNTS: Record<string, number> = {
  '7(1)(a)': 3, // Murder
  '7(1)(b)': 4, // Extermination
  '7(1)(c)': 3, // Enslavement
  '7(1)(d)': 5, // Deportation or forcible transfer
  '7(1)(e)': 5, // Imprisonment / severe deprivation of liberty
  '7(1)(f)': 5, // Torture
  '7(1)(g)-1': 4, // Rape
  '7(1)(g)-2': 4, // Sexual slavery
  '7(1)(g)-3': 4, // Enforced prostitution
  '7(1)(g)-4': 3, // Forced pregnancy
  '7(1)(g)-5': 4, // Enforced sterilization
  '7(1)(g)-6': 5, // Sexual violence
  '7(1)(h)': 6, // Persecution
  '7(1)(i)': 8, // Enforced disappearance (elements 1-3 with (a)/(b) alternatives)
  '7(1)(j)': 7, // Apartheid
  '7(1)(k)': 5, // Other inhumane acts
};

const ART6_COUNTS: Record<string, number> = {
  '6(a)': 4, // Killing members of the group
  '6(b)': 4, // Serious bodily or mental harm
  '6(c)': 5, // Conditions of life
  '6(d)': 5, // Measures to prevent births
  '6(e)': 7, // Forcibly transferring children
};

/** Art. 8 rows of the §3 table that carry a count ("a / b  5 / 5" rows expanded). */
const ART8_COUNTS_FROM_REFERENCE: Record<string, number> = {
  '8(2)(a)(i)': 5, // Wilful killing
  '8(2)(a)(ii)-1': 6, // Torture (purpose required)
  '8(2)(a)(ii)-2': 5, // Inhuman treatment
  '8(2)(a)(vi)': 5, // Denying a fair trial
  '8(2)(a)(vii)-1': 5, // Unlawful deportation or transfer
  '8(2)(a)(vii)-2': 5, // Unlawful confinement
  '8(2)(b)(i)': 5, // Attacking civilians
  '8(2)(b)(vi)': 5, // Killing or wounding a person hors de combat
  '8(2)(b)(xii)': 5, // Denying quarter
  '8(2)(b)(xvi)': 5, // Pillaging
  '8(2)(b)(xxi)': 4, // Outrages upon personal dignity
  '8(2)(b)(xxvi)': 5, // Using/conscripting/enlisting children (IAC)
  '8(2)(e)(vii)': 5, // Using/conscripting/enlisting children (NIAC)
  '8(2)(c)(i)-1': 5, // Murder (NIAC)
  '8(2)(c)(i)-4': 6, // Torture (NIAC)
  '8(2)(c)(ii)': 6, // Outrages upon personal dignity (NIAC)
  '8(2)(c)(iv)': 7, // Sentencing/execution without due process
};

/**
 * Art. 8 crimes the §3 table lists WITHOUT a count ("—" / "not counted here"). Counts read by the
 * seed author from the same EOC transcription (robertocarroll/icc-beta@b262bd3, elements-of-crimes.html).
 */
const ART8_COUNTS_READ_FROM_EOC: Record<string, number> = {
  '8(2)(b)(ii)': 5, // Attacking civilian objects
  '8(2)(b)(iv)': 5, // Excessive incidental death, injury or damage
  '8(2)(b)(xxv)': 4, // Starvation as a method of warfare (IAC)
};

const byReferenceId = new Map<string, SeedCrime>(F.crimes.map((c) => [c.referenceId, c]));
const crimesIn = (group: SeedCrime['group']): SeedCrime[] => F.crimes.filter((c) => c.group === group);
const crime = (referenceId: string): SeedCrime => {
  const c = byReferenceId.get(referenceId);
  if (c === undefined) throw new Error(`crime ${referenceId} missing from seed`);
  return c;
};
const lastTwo = (c: SeedCrime): SeedElement[] => c.elements.slice(-2);

describe('Rome Statute seed framework', () => {
  it('passes validateFramework with no errors', () => {
    expect(validateFramework(F)).toEqual([]);
  });

  it('is versioned and names the instrument versions it reflects', () => {
    expect(F.code).toBe('rome-statute');
    expect(F.version).toBe('2011-icc-ed');
    expect(F.instrumentVersions).toEqual({ statute: 'RS@2011-ICC-ed', elements: 'EOC@2011-ICC-ed' });
  });

  describe('element counts match legal-reference.md', () => {
    it.each(Object.entries(ART7_COUNTS))('art. 7: %s has %i elements', (id, count) => {
      expect(crime(id).group).toBe('crimes-against-humanity');
      expect(crime(id).elements).toHaveLength(count);
    });

    it.each(Object.entries(ART6_COUNTS))('art. 6: %s has %i elements', (id, count) => {
      expect(crime(id).group).toBe('genocide');
      expect(crime(id).elements).toHaveLength(count);
    });

    it.each(Object.entries(ART8_COUNTS_FROM_REFERENCE))('art. 8: %s has %i elements', (id, count) => {
      expect(crime(id).group).toBe('war-crimes');
      expect(crime(id).elements).toHaveLength(count);
    });

    it.each(Object.entries(ART8_COUNTS_READ_FROM_EOC))('art. 8 (count read from EOC, not in reference table): %s has %i elements', (id, count) => {
      expect(crime(id).group).toBe('war-crimes');
      expect(crime(id).elements).toHaveLength(count);
    });

    it('has exactly the expected crimes in each group, no more and no fewer', () => {
      const ids = (group: SeedCrime['group']) => crimesIn(group).map((c) => c.referenceId).sort();
      expect(ids('crimes-against-humanity')).toEqual(Object.keys(ART7_COUNTS).sort());
      expect(ids('genocide')).toEqual(Object.keys(ART6_COUNTS).sort());
      expect(ids('war-crimes')).toEqual([...Object.keys(ART8_COUNTS_FROM_REFERENCE), ...Object.keys(ART8_COUNTS_READ_FROM_EOC)].sort());
    });
  });

  describe('coverage', () => {
    it('contains every art. 7(1) act (a)-(k)', () => {
      const letters = new Set(crimesIn('crimes-against-humanity').map((c) => /^7\(1\)\(([a-k])\)/.exec(c.referenceId)?.[1]));
      expect([...letters].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k']);
    });

    it('represents the six 7(1)(g) sub-crimes as separate crimes', () => {
      const g = crimesIn('crimes-against-humanity').filter((c) => c.referenceId.startsWith('7(1)(g)'));
      expect(g.map((c) => [c.referenceId, c.titleEn])).toEqual([
        ['7(1)(g)-1', 'Rape'],
        ['7(1)(g)-2', 'Sexual slavery'],
        ['7(1)(g)-3', 'Enforced prostitution'],
        ['7(1)(g)-4', 'Forced pregnancy'],
        ['7(1)(g)-5', 'Enforced sterilization'],
        ['7(1)(g)-6', 'Sexual violence'],
      ]);
      expect(new Set(g.map((c) => c.code)).size).toBe(6);
    });

    it('contains all five art. 6 acts', () => {
      expect(crimesIn('genocide').map((c) => c.referenceId)).toEqual(['6(a)', '6(b)', '6(c)', '6(d)', '6(e)']);
    });

    it('contains every art. 25(3) mode (a)-(f) and art. 28(a)/(b)', () => {
      expect(F.modesOfLiability.map((m) => m.referenceId)).toEqual([
        'ML-25-3-a-direct',
        'ML-25-3-a-joint',
        'ML-25-3-a-indirect',
        'ML-25-3-b',
        'ML-25-3-c',
        'ML-25-3-d',
        'ML-25-3-e',
        'ML-25-3-f',
        'ML-28-a',
        'ML-28-b',
      ]);
      for (const m of F.modesOfLiability) expect(m.requirements.length).toBeGreaterThan(0);
    });

    it('limits 25(3)(e) incitement to genocide', () => {
      const e = F.modesOfLiability.find((m) => m.referenceId === 'ML-25-3-e');
      expect(e?.appliesTo).toEqual(['genocide']);
    });

    it('covers the statutory sub-paragraphs of art. 28 and 25(3)(d)', () => {
      const refs = (id: string) => F.modesOfLiability.find((m) => m.referenceId === id)?.requirements.map((r) => r.statuteRef) ?? [];
      expect(refs('ML-28-a')).toEqual(expect.arrayContaining(['RS 28(a)(i)', 'RS 28(a)(ii)']));
      expect(refs('ML-28-b')).toEqual(expect.arrayContaining(['RS 28(b)(i)', 'RS 28(b)(ii)', 'RS 28(b)(iii)']));
      const d4 = F.modesOfLiability.find((m) => m.referenceId === 'ML-25-3-d')?.requirements[3];
      expect(d4?.alternatives?.map((a) => a.letter)).toEqual(['a', 'b']);
    });

    it('has the 7(2)(a)-(i) definitions and 7(3) as glossary entries', () => {
      expect(F.glossary.map((g) => g.statuteRef)).toEqual([
        'RS 7(2)(a)',
        'RS 7(2)(b)',
        'RS 7(2)(c)',
        'RS 7(2)(d)',
        'RS 7(2)(e)',
        'RS 7(2)(f)',
        'RS 7(2)(g)',
        'RS 7(2)(h)',
        'RS 7(2)(i)',
        'RS 7(3)',
      ]);
    });
  });

  describe('structure', () => {
    it('models 7(1)(i) elements 1-3 as (a)/(b) alternatives: 8 elements + 6 sub-alternatives = 14 EOC bullets', () => {
      const ed = crime('7(1)(i)');
      const withAlternatives = ed.elements.filter((e) => e.alternatives !== undefined);
      expect(withAlternatives.map((e) => e.number)).toEqual([1, 2, 3]);
      for (const e of withAlternatives) {
        expect(e.alternatives?.map((a) => a.code)).toEqual([`${e.code}a`, `${e.code}b`]);
      }
      const subAlternatives = withAlternatives.reduce((sum, e) => sum + (e.alternatives?.length ?? 0), 0);
      expect(subAlternatives).toBe(6);
      expect(ed.elements.length + subAlternatives).toBe(14);
      expect(ed.elements[0].code).toBe('RS-7-1-i-E1');
      expect(ed.elements[0].alternatives?.[1].code).toBe('RS-7-1-i-E1b');
    });

    it('puts persecution grounds as data on the persecution crime', () => {
      expect(crime('7(1)(h)').persecutionGrounds?.map((g) => g.key)).toEqual([
        'political',
        'racial',
        'national',
        'ethnic',
        'cultural',
        'religious',
        'gender',
        'other-universally-impermissible',
      ]);
      const others = F.crimes.filter((c) => c.persecutionGrounds !== undefined && c.referenceId !== '7(1)(h)');
      expect(others).toEqual([]);
    });

    it('keeps deportation / forcible transfer as tagging variants of one 7(1)(d) crime', () => {
      expect(crime('7(1)(d)').variants?.map((v) => v.code)).toEqual(['RS-7-1-d-deportation', 'RS-7-1-d-forcible-transfer']);
    });

    it('ends every crime against humanity with CTX-1, CTX-2', () => {
      for (const c of crimesIn('crimes-against-humanity')) {
        expect([c.code, ...lastTwo(c).map((e) => [e.kind, e.sharedRef])]).toEqual([
          c.code,
          ['contextual', 'RS-7-CTX-1'],
          ['contextual', 'RS-7-CTX-2'],
        ]);
        // No other element of a CAH is contextual.
        expect(c.elements.slice(0, -2).filter((e) => e.kind === 'contextual')).toEqual([]);
      }
    });

    it('gives every genocide act the group (2), intent (3) and manifest-pattern (last) elements', () => {
      for (const c of crimesIn('genocide')) {
        expect(c.elements[1].sharedRef).toBe('RS-6-GEN-GROUP');
        expect(c.elements[2].sharedRef).toBe('RS-6-GEN-INTENT');
        expect(c.elements[2].kind).toBe('mental');
        expect(c.elements[c.elements.length - 1].sharedRef).toBe('RS-6-GEN-CTX');
      }
    });

    it('ends every war crime with the armed-conflict nexus matching its conflict type, then awareness', () => {
      for (const c of crimesIn('war-crimes')) {
        const nexus = c.armedConflict === 'international' ? 'RS-8-CTX-1-IAC' : 'RS-8-CTX-1-NIAC';
        expect([c.code, ...lastTwo(c).map((e) => e.sharedRef)]).toEqual([c.code, nexus, 'RS-8-CTX-2']);
        const sub = /^8\(2\)\(([a-e])\)/.exec(c.referenceId)?.[1];
        expect([c.code, c.armedConflict]).toEqual([c.code, sub === 'a' || sub === 'b' ? 'international' : 'non-international']);
      }
    });

    it('uses only the three element kinds', () => {
      const kinds = new Set<ElementKind>(F.crimes.flatMap((c) => c.elements.map((e) => e.kind)));
      expect([...kinds].sort()).toEqual(['contextual', 'material', 'mental']);
    });

    it('derives element codes from crime codes (e.g. RS-7-1-c-E1)', () => {
      expect(crime('7(1)(c)').code).toBe('RS-7-1-c');
      expect(crime('7(1)(c)').elements.map((e) => e.code)).toEqual(['RS-7-1-c-E1', 'RS-7-1-c-E2', 'RS-7-1-c-E3']);
      expect(crime('7(1)(g)-1').code).toBe('RS-7-1-g-1');
      expect(crime('8(2)(a)(ii)-1').code).toBe('RS-8-2-a-ii-1');
      expect(crime('6(e)').code).toBe('RS-6-e');
    });

    it('never claims a Korean rendering as verified (the reference gives none)', () => {
      const korean = [
        F.titleKo,
        ...F.groups.map((g) => g.titleKo),
        ...F.crimes.map((c) => c.titleKo),
        ...F.crimes.flatMap((c) => (c.variants ?? []).map((v) => v.titleKo)),
        ...F.crimes.flatMap((c) => (c.persecutionGrounds ?? []).map((g) => g.labelKo)),
        ...F.modesOfLiability.map((m) => m.titleKo),
        ...F.glossary.map((g) => g.termKo),
      ];
      for (const k of korean) if (k !== null) expect(['S', 'U']).toContain(k.confidence);
    });
  });

  describe('module purity (the migration must be able to load it without application code)', () => {
    const dir = __dirname;
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

    it.each(sources)('%s imports only sibling files in migrations/seed', (file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const specifiers = [...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
        (m) => m[1] ?? m[2] ?? m[3],
      );
      for (const s of specifiers) expect(s).toMatch(/^\.\/[A-Za-z0-9._-]+$/);
    });
  });
});

describe('validateFramework', () => {
  const replaceCrime = (f: SeedFramework, referenceId: string, change: (c: SeedCrime) => SeedCrime): SeedFramework => ({
    ...f,
    crimes: f.crimes.map((c) => (c.referenceId === referenceId ? change(c) : c)),
  });

  it('reports a crime without elements', () => {
    const broken = replaceCrime(F, '7(1)(a)', (c) => ({ ...c, elements: [] }));
    expect(validateFramework(broken)).toEqual(expect.arrayContaining([expect.stringContaining('RS-7-1-a: has no elements')]));
  });

  it('reports non-contiguous element numbering', () => {
    const broken = replaceCrime(F, '7(1)(c)', (c) => ({ ...c, elements: [c.elements[0], c.elements[2]] }));
    expect(validateFramework(broken).join('\n')).toMatch(/RS-7-1-c: item at position 2 is numbered 3/);
  });

  it('reports duplicate codes', () => {
    const broken = replaceCrime(F, '7(1)(b)', (c) => ({ ...c, code: 'RS-7-1-a' }));
    expect(validateFramework(broken).join('\n')).toMatch(/duplicate code "RS-7-1-a"/);
  });

  it('reports invalid kinds and contextual elements without a shared requirement', () => {
    const broken = replaceCrime(F, '7(1)(a)', (c) => ({
      ...c,
      elements: [{ ...c.elements[0], kind: 'procedural' as ElementKind }, { ...c.elements[1], sharedRef: undefined }, c.elements[2]],
    }));
    const errors = validateFramework(broken).join('\n');
    expect(errors).toMatch(/RS-7-1-a E1: invalid kind "procedural"/);
    expect(errors).toMatch(/RS-7-1-a E2: contextual element without sharedRef/);
  });

  it('reports alternatives that are mislettered', () => {
    const broken = replaceCrime(F, '7(1)(i)', (c) => ({
      ...c,
      elements: c.elements.map((e) =>
        e.number === 1 && e.alternatives ? { ...e, alternatives: [e.alternatives[0], { ...e.alternatives[1], letter: 'c' }] } : e,
      ),
    }));
    expect(validateFramework(broken).join('\n')).toMatch(/alternative 2 lettered "c", expected "b"/);
  });
});
