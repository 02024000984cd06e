import type { InvalidParam } from '../../platform/errors/catalogue.ts';
import { ProblemError } from '../../platform/errors/problem.ts';

/*
 * The beheer pages call services that refuse with a validation ProblemError (`invalid`, with invalidParams). A page
 * shows those beside its fields; anything else (not found, forbidden) stays an error for the central handler.
 */

/** Runs a service call; resolves to its result, or to the problems of a validation refusal. */
export async function weigeringOf<T>(work: () => Promise<T>): Promise<{ result: T; problems?: undefined } | { result?: undefined; problems: InvalidParam[] }> {
  try {
    return { result: await work() };
  } catch (error) {
    if (error instanceof ProblemError && (error.code === 'invalid' || error.code === 'conflict')) {
      return { problems: error.invalidParams.length > 0 ? error.invalidParams : [{ name: 'nonFieldErrors', code: error.code, reason: error.detail ?? error.title }] };
    }
    throw error;
  }
}
