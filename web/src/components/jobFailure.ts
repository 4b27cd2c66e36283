/** Known failure reasons of jobs (the worker's stored text), as i18n keys under jobs.failures. */
const KNOWN: [RegExp, string][] = [
  [/^database error/, 'database'],
  [/^unknown failure$/, 'unknown'],
  [/some testimonies do not exist/, 'missingTestimonies'],
  [/unknown profile/, 'unknownProfile'],
  [/integrity check|does not match its (recorded )?SHA-256/, 'integrity'],
  [/importing user is disabled|may no longer import/, 'importerAccess'],
  [/does not exist|disappeared/, 'gone'],
  [/^unknown job/, 'unknownJob'],
];

/** The i18n key (jobs.failures.<key>) for a stored job error, or null when we do not know it. */
export function jobFailureKey(error: string | null | undefined): string | null {
  if (!error) return null;
  return KNOWN.find(([pattern]) => pattern.test(error))?.[1] ?? null;
}
