import type { FastifyRequest } from 'fastify';
import type { InvalidParam } from '../errors/catalogue.ts';
import { invalid } from '../errors/problem.ts';
import { invalidParamsFromValidation } from '../http/error-handler.ts';

/*
 * What every ZGW component does with a request body: its routes validate with `attachValidation`, so the schema's
 * problems and the rules that need no database reach the client together, in one 400.
 */

/**
 * Lists the body's schema problems (kept on the request by `attachValidation`) together with the rules that need
 * no database, so a client learns every problem at once. A failure outside the body goes the platform's way.
 */
export function assertValidBody(request: FastifyRequest, ruleProblems: (body: unknown) => InvalidParam[] = () => []): void {
  const failed = request.validationError;
  if (failed && failed.validationContext !== 'body') throw failed;
  const schemaProblems = failed ? invalidParamsFromValidation(failed.validation as Parameters<typeof invalidParamsFromValidation>[0], 'body') : [];
  const problems = [...schemaProblems, ...ruleProblems(request.body)];
  if (problems.length > 0) throw invalid(problems);
}

/** Whether a database error is a unique-constraint violation (a concurrent duplicate that passed the checks). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
