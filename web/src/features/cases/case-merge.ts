/**
 * Merging a case edit that met a version conflict (409): the fields the user edited, the fields as
 * someone else saved them meanwhile, and per field which one to keep. Pure, so it is unit-tested.
 */
export const CASE_EDIT_FIELDS = ['title', 'description'] as const;
export type CaseEditField = (typeof CASE_EDIT_FIELDS)[number];
export type CaseEditValues = Record<CaseEditField, string>;
export type MergeSide = 'mine' | 'theirs';
export type MergeChoices = Partial<Record<CaseEditField, MergeSide>>;

export interface FieldConflict {
  field: CaseEditField;
  mine: string;
  theirs: string;
  /** What the form proposes until the user chooses: theirs when I had not touched the field. */
  suggested: MergeSide;
}

/** Fields where my version and the server's differ (equal fields need no choice). */
export function fieldConflicts(base: CaseEditValues, mine: CaseEditValues, theirs: CaseEditValues): FieldConflict[] {
  return CASE_EDIT_FIELDS.filter((field) => mine[field] !== theirs[field]).map((field) => ({
    field,
    mine: mine[field],
    theirs: theirs[field],
    suggested: mine[field] === base[field] ? 'theirs' : 'mine',
  }));
}

/** The values to save: per conflicting field the chosen side (or the suggestion), else theirs. */
export function mergeCaseEdit(conflicts: FieldConflict[], theirs: CaseEditValues, choices: MergeChoices): CaseEditValues {
  const merged = { ...theirs };
  for (const c of conflicts) merged[c.field] = (choices[c.field] ?? c.suggested) === 'mine' ? c.mine : c.theirs;
  return merged;
}

/** Only the fields that differ from what the server has: what a PATCH must carry. */
export function changedFields(from: CaseEditValues, to: CaseEditValues): Partial<CaseEditValues> {
  const out: Partial<CaseEditValues> = {};
  for (const field of CASE_EDIT_FIELDS) if (from[field] !== to[field]) out[field] = to[field];
  return out;
}
