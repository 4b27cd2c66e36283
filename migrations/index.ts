import { Foundation1795374660273 } from './1795374660273-Foundation';
import { CasesPeopleTestimonies1795375895113 } from './1795375895113-CasesPeopleTestimonies';

/**
 * Every migration in order. Tests migrate their template database from this list; the compiled
 * app finds the same files by name in dist/migrations. A unit spec checks the two agree.
 */
export const ALL_MIGRATIONS = [Foundation1795374660273, CasesPeopleTestimonies1795375895113];
