import { Foundation1795374660273 } from './1795374660273-Foundation';

/**
 * Every migration in order. Tests migrate their template database from this list; the compiled
 * app finds the same files by name in dist/migrations. A unit spec checks the two agree.
 */
export const ALL_MIGRATIONS = [Foundation1795374660273];
