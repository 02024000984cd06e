import { ProblemError } from '../../platform/errors/problem.ts';

/*
 * A refused action as messages per form field. The actions and the ZGW services refuse bad input with
 * `invalid(...)`; a problem about a field the form has is shown beside that field, every other one (the services'
 * nonFieldErrors, a zaak that changed meanwhile) above the form as `nonFieldErrors`.
 */

export type FieldErrors = Record<string, string>;

/** The field messages of a validation problem; undefined for any other error (which the caller rethrows). */
export function fieldErrorsOf(error: unknown, fields: readonly string[] = []): FieldErrors | undefined {
  if (!(error instanceof ProblemError) || error.code !== 'invalid') return undefined;
  const errors: FieldErrors = {};
  const add = (name: string, reason: string) => {
    errors[name] = errors[name] === undefined ? reason : `${errors[name]} ${reason}`;
  };
  for (const param of error.invalidParams) add(fields.includes(param.name) ? param.name : 'nonFieldErrors', param.reason);
  if (error.invalidParams.length === 0) add('nonFieldErrors', error.detail ?? error.message);
  return errors;
}
