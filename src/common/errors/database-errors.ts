/** Whether a database error is a unique violation (SQLSTATE 23505), optionally of one constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driver = (error as { driverError?: { code?: string; constraint?: string }; code?: string; constraint?: string }) ?? {};
  const code = driver.driverError?.code ?? driver.code;
  const name = driver.driverError?.constraint ?? driver.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}
