import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';

/*
 * The problems of one request, gathered from the JSON schema and from the rules, answered as one 400 so a client
 * learns everything at once. A field the schema already refused is not reported again by a rule that could not
 * read it.
 */

/** Throws the 400 when there is any problem. */
export function throwProblems(schemaProblems: readonly InvalidParam[], ruleProblems: readonly InvalidParam[]): void {
  const reported = new Set(schemaProblems.map((problem) => problem.name));
  const seen = new Set<string>();
  const problems = [...schemaProblems, ...ruleProblems.filter((problem) => !reported.has(problem.name))].filter((problem) => {
    const key = `${problem.name}\u0000${problem.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (problems.length > 0) throw invalid(problems);
}

/** The 404 of a part. */
export function partNotFound(label: string, uuid: string): ProblemError {
  return new ProblemError('not_found', `${label.charAt(0).toUpperCase()}${label.slice(1)} ${uuid} bestaat niet.`);
}

/** Whether a database error is a unique violation (PostgreSQL 23505), optionally of one constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && (constraint === undefined || violated === constraint || (typeof violated !== 'string' && String(error).includes(constraint)));
}

/** Whether a database error is a foreign key violation (PostgreSQL 23503): zaken still refer to the part. */
export function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23503';
}

/** The 409 of a part that zaken still use (only a forced delete of a published zaaktype's part gets this far). */
export function partInUse(label: string): ProblemError {
  return new ProblemError('conflict', `Dit ${label} is in gebruik door zaken en kan niet worden verwijderd.`);
}
