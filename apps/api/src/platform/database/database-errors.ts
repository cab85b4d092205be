import { QueryFailedError } from 'typeorm';

/** PostgreSQL's unique_violation: the database, not a prior SELECT, decides that a value is taken. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (!constraint || driverError.constraint === constraint);
}
