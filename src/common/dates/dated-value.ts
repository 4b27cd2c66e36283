/** How exactly a date is known. Stored with the date, never guessed. */
export const DATE_PRECISIONS = ['day', 'month', 'year', 'approximate', 'unknown'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

const SHAPES: Record<DatePrecision, RegExp | null> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
  approximate: /^\d{4}(-\d{2}(-\d{2})?)?$/,
  unknown: null,
};

const SHAPE_HINT: Record<DatePrecision, string> = { day: 'YYYY-MM-DD', month: 'YYYY-MM', year: 'YYYY', approximate: 'YYYY, YYYY-MM or YYYY-MM-DD', unknown: '' };

/** Checks that a date string has the shape its precision says and names a real calendar date. */
export function datedValueProblem(value: string | null | undefined, precision: DatePrecision): string | null {
  if (precision === 'unknown') return value ? 'must be empty when precision is unknown' : null;
  if (!value) return `is required when precision is ${precision}`;
  const shape = SHAPES[precision];
  if (shape && !shape.test(value)) return `must look like ${SHAPE_HINT[precision]} for precision ${precision}`;
  const [y, m = 1, d = 1] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'is not a real calendar date';
  if (y < 1850 || date.getTime() > Date.now() + 86_400_000) return 'is out of range';
  return null;
}
