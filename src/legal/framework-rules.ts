/**
 * Rules for building a legal framework version through the API. Pure: the service loads the
 * draft's tree, applies a change in memory and asks these functions what is wrong with it.
 * They mirror the seed conventions (migrations/seed/README.md): element codes `<crime>-E<n>`,
 * requirement codes `<mode>-R<n>`, alternatives lettered a, b, … with codes `<element><letter>`,
 * every code unique within the framework version.
 */
export interface FieldProblem {
  field: string;
  problems: string[];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export interface NumberedInput {
  alternatives?: ReadonlyArray<{ text: string }>;
}

export interface Numbered {
  number: number;
  code: string;
  alternatives: Array<{ code: string; letter: string; text: string }>;
}

/** Numbers items 1..n in the order given and derives their codes and alternative letters. */
export function numberItems(parentCode: string, prefix: 'E' | 'R', items: readonly NumberedInput[]): Numbered[] {
  return items.map((item, i) => {
    const code = `${parentCode}-${prefix}${i + 1}`;
    return { number: i + 1, code, alternatives: (item.alternatives ?? []).map((a, j) => ({ code: `${code}${LETTERS[j]}`, letter: LETTERS[j], text: a.text })) };
  });
}

export interface TreeElement {
  code: string;
  kind: string;
  sharedRef: string | null;
  alternatives: ReadonlyArray<{ code: string }>;
}

export interface FrameworkTree {
  groups: ReadonlyArray<{ key: string }>;
  shared: ReadonlyArray<{ code: string }>;
  crimes: ReadonlyArray<{ code: string; groupKey: string; elements: readonly TreeElement[] }>;
  modes: ReadonlyArray<{ code: string; appliesTo: readonly string[] | null; requirements: ReadonlyArray<{ code: string; alternatives: ReadonlyArray<{ code: string }> }> }>;
}

/**
 * What is wrong with a framework tree. While drafting: duplicate codes, unknown shared
 * requirements and unknown groups. To publish, also: at least one crime.
 */
export function frameworkProblems(tree: FrameworkTree, options: { publishing: boolean }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, problem: string) => problems.push({ field, problems: [problem] });
  const seen = new Map<string, string>();
  const claim = (code: string, where: string) => {
    const previous = seen.get(code);
    if (previous !== undefined) add(`${where}.code`, `"${code}" is already used by ${previous} in this framework version`);
    else seen.set(code, where);
  };
  const groupKeys = new Set(tree.groups.map((g) => g.key));
  const sharedCodes = new Set(tree.shared.map((s) => s.code));

  tree.shared.forEach((s) => claim(s.code, `sharedRequirements[${s.code}]`));
  for (const crime of tree.crimes) {
    const where = `crimes[${crime.code}]`;
    claim(crime.code, where);
    if (groupKeys.size > 0 && !groupKeys.has(crime.groupKey)) add(`${where}.group`, `"${crime.groupKey}" is not a group of this framework version`);
    crime.elements.forEach((e, i) => {
      claim(e.code, `${where}.elements[${i}]`);
      e.alternatives.forEach((a, j) => claim(a.code, `${where}.elements[${i}].alternatives[${j}]`));
      if (e.sharedRef !== null && !sharedCodes.has(e.sharedRef)) add(`${where}.elements[${i}].sharedRef`, `"${e.sharedRef}" is not a shared requirement of this framework version`);
    });
  }
  for (const mode of tree.modes) {
    const where = `modesOfLiability[${mode.code}]`;
    claim(mode.code, where);
    for (const g of mode.appliesTo ?? []) {
      if (groupKeys.size > 0 && !groupKeys.has(g)) add(`${where}.appliesTo`, `"${g}" is not a group of this framework version`);
    }
    mode.requirements.forEach((r, i) => {
      claim(r.code, `${where}.requirements[${i}]`);
      r.alternatives.forEach((a, j) => claim(a.code, `${where}.requirements[${i}].alternatives[${j}]`));
    });
  }
  if (options.publishing && tree.crimes.length === 0) add('crimes', 'a framework version needs at least one crime before it is published');
  return problems;
}
