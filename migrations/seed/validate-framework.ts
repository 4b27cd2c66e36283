import {
  CONFIDENCE_LEVELS,
  ELEMENT_KINDS,
  GROUP_KEYS,
  type SeedElement,
  type SeedElementAlternative,
  type SeedFramework,
  type SeedRequirement,
} from './legal-types';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Structural checks on a legal framework seed. Pure; returns human-readable problems, empty when
 * the framework is consistent. Used by the seed's unit spec and usable by the migration before it
 * inserts anything.
 *
 * Checks: non-empty identity; codes unique across every node of the framework; every crime has at
 * least one element and every mode at least one requirement; numbering 1..n contiguous and in order;
 * element/requirement/alternative codes derived from their parent code; kinds, confidence tags and
 * groups valid; contextual elements point at an existing shared requirement; sort orders unique per
 * group; cross-references (definitionRefs, relatedCrimeCodes, refines) resolve.
 */
export function validateFramework(f: SeedFramework): string[] {
  const errors: string[] = [];
  const seen = new Map<string, string>();

  const claim = (code: string, where: string): void => {
    if (!code || code.trim() !== code) errors.push(`${where}: empty or padded code "${code}"`);
    const previous = seen.get(code);
    if (previous !== undefined) errors.push(`duplicate code "${code}" (${previous} and ${where})`);
    else seen.set(code, where);
  };
  const nonEmpty = (value: string, where: string): void => {
    if (value.trim().length === 0) errors.push(`${where}: empty text`);
  };
  const confidence = (value: string, where: string): void => {
    if (!(CONFIDENCE_LEVELS as readonly string[]).includes(value)) errors.push(`${where}: invalid confidence "${value}"`);
  };
  const kind = (value: string, where: string): void => {
    if (!(ELEMENT_KINDS as readonly string[]).includes(value)) errors.push(`${where}: invalid kind "${value}"`);
  };

  nonEmpty(f.code, 'framework.code');
  nonEmpty(f.version, 'framework.version');
  nonEmpty(f.titleEn, 'framework.titleEn');

  // Groups
  const groupKeys = new Set<string>();
  for (const g of f.groups) {
    claim(g.code, `group ${g.key}`);
    if (!(GROUP_KEYS as readonly string[]).includes(g.key)) errors.push(`group ${g.code}: invalid key "${g.key}"`);
    if (groupKeys.has(g.key)) errors.push(`group key "${g.key}" declared twice`);
    groupKeys.add(g.key);
  }

  // Shared requirements
  const sharedCodes = new Set(f.sharedRequirements.map((s) => s.code));
  for (const s of f.sharedRequirements) {
    const where = `shared requirement ${s.code}`;
    claim(s.code, where);
    kind(s.kind, where);
    confidence(s.confidence, where);
    nonEmpty(s.text, where);
    if (!groupKeys.has(s.group)) errors.push(`${where}: unknown group "${s.group}"`);
    if (s.refines !== undefined && !sharedCodes.has(s.refines)) errors.push(`${where}: refines unknown "${s.refines}"`);
  }

  const checkAlternatives = (parentCode: string, alternatives: readonly SeedElementAlternative[] | undefined, where: string): void => {
    if (alternatives === undefined) return;
    if (alternatives.length < 2) errors.push(`${where}: alternatives must list at least two options`);
    alternatives.forEach((a, i) => {
      const expectedLetter = LETTERS[i];
      if (a.letter !== expectedLetter) errors.push(`${where}: alternative ${i + 1} lettered "${a.letter}", expected "${expectedLetter}"`);
      if (a.code !== `${parentCode}${a.letter}`) errors.push(`${where}: alternative code "${a.code}" should be "${parentCode}${a.letter}"`);
      claim(a.code, `${where} alternative ${a.letter}`);
      nonEmpty(a.text, `${where} alternative ${a.letter}`);
    });
  };

  const checkNumbered = (
    parentCode: string,
    items: readonly (SeedElement | SeedRequirement)[],
    prefix: 'E' | 'R',
    label: string,
  ): void => {
    if (items.length === 0) errors.push(`${label} ${parentCode}: has no ${prefix === 'E' ? 'elements' : 'requirements'}`);
    items.forEach((item, i) => {
      const where = `${label} ${parentCode} ${prefix}${item.number}`;
      if (item.number !== i + 1) errors.push(`${label} ${parentCode}: item at position ${i + 1} is numbered ${item.number} (numbering must be 1..n, contiguous)`);
      if (item.code !== `${parentCode}-${prefix}${item.number}`) errors.push(`${where}: code "${item.code}" should be "${parentCode}-${prefix}${item.number}"`);
      claim(item.code, where);
      kind(item.kind, where);
      confidence(item.confidence, where);
      nonEmpty(item.text, where);
      checkAlternatives(item.code, item.alternatives, where);
      const sharedRef = 'sharedRef' in item ? item.sharedRef : undefined;
      if (sharedRef !== undefined && !sharedCodes.has(sharedRef)) errors.push(`${where}: sharedRef "${sharedRef}" does not exist`);
      if (item.kind === 'contextual' && sharedRef === undefined) errors.push(`${where}: contextual element without sharedRef`);
    });
  };

  // Glossary (claimed before crimes so definitionRefs can be resolved)
  const glossaryCodes = new Set<string>();
  for (const g of f.glossary) {
    claim(g.code, `glossary ${g.code}`);
    glossaryCodes.add(g.code);
    nonEmpty(g.text, `glossary ${g.code}`);
    confidence(g.confidence, `glossary ${g.code}`);
  }

  // Crimes
  const crimeCodes = new Set(f.crimes.map((c) => c.code));
  const sortOrders = new Map<string, Set<number>>();
  const takeSortOrder = (group: string, order: number, where: string): void => {
    const orders = sortOrders.get(group) ?? new Set<number>();
    if (orders.has(order)) errors.push(`${where}: sortOrder ${order} already used in group "${group}"`);
    orders.add(order);
    sortOrders.set(group, orders);
  };
  for (const c of f.crimes) {
    const where = `crime ${c.code}`;
    claim(c.code, where);
    nonEmpty(c.titleEn, where);
    nonEmpty(c.referenceId, `${where} referenceId`);
    confidence(c.confidence, where);
    if (!groupKeys.has(c.group) || c.group === ('liability' as string)) errors.push(`${where}: invalid crime group "${c.group}"`);
    if ((c.group === 'war-crimes') !== (c.armedConflict !== undefined)) errors.push(`${where}: armedConflict must be set for war crimes only`);
    takeSortOrder(c.group, c.sortOrder, where);
    for (const ref of c.definitionRefs) if (!glossaryCodes.has(ref)) errors.push(`${where}: definitionRef "${ref}" does not exist`);
    checkNumbered(c.code, c.elements, 'E', 'crime');
    for (const v of c.variants ?? []) {
      claim(v.code, `${where} variant`);
      confidence(v.confidence, `${where} variant ${v.code}`);
    }
    const groundKeys = new Set<string>();
    for (const g of c.persecutionGrounds ?? []) {
      claim(g.code, `${where} ground`);
      if (groundKeys.has(g.key)) errors.push(`${where}: persecution ground "${g.key}" listed twice`);
      groundKeys.add(g.key);
    }
  }

  // Modes of liability
  for (const m of f.modesOfLiability) {
    const where = `mode ${m.code}`;
    claim(m.code, where);
    nonEmpty(m.titleEn, where);
    confidence(m.confidence, where);
    takeSortOrder('liability', m.sortOrder, where);
    if (m.appliesTo !== 'all') {
      if (m.appliesTo.length === 0) errors.push(`${where}: appliesTo is empty`);
      for (const g of m.appliesTo) if (!groupKeys.has(g)) errors.push(`${where}: appliesTo unknown group "${g}"`);
    }
    checkNumbered(m.code, m.requirements, 'R', 'mode');
  }

  // Cross-references that need every crime code
  for (const g of f.glossary) {
    for (const ref of g.relatedCrimeCodes) if (!crimeCodes.has(ref)) errors.push(`glossary ${g.code}: relatedCrimeCode "${ref}" does not exist`);
  }

  for (const n of f.guidanceNotes) {
    claim(n.code, `guidance note ${n.code}`);
    nonEmpty(n.text, `guidance note ${n.code}`);
    confidence(n.confidence, `guidance note ${n.code}`);
  }

  return errors;
}
