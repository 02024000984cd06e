import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { passesElevenTest } from '../../../platform/tenants/rsin.ts';
import { isIsoDuration } from './duration.ts';
import { isCalendarDate } from './geldigheid.ts';

/*
 * Body checks shared by the catalogue types. The JSON schema finds shape problems; the rules here find what a
 * schema cannot say. Both are listed together, so a client learns every problem of a request at once.
 */

type Body = Record<string, unknown>;

/** The schema's problems and the rules' problems together; a field the schema already refused is not reported twice. */
export function combineProblems(schemaProblems: InvalidParam[], ruleProblems: InvalidParam[]): InvalidParam[] {
  const reported = new Set(schemaProblems.map((problem) => problem.name));
  return [...schemaProblems, ...ruleProblems.filter((problem) => !reported.has(problem.name))];
}

/** ISO 8601 duration problems of the named fields (null and absent are the schema's business). */
export function durationProblems(body: Body, fields: readonly string[]): InvalidParam[] {
  return fields.flatMap((field) => {
    const value = body[field];
    return typeof value === 'string' && !isIsoDuration(value)
      ? [{ name: field, code: 'invalid', reason: 'Geef een tijdsduur in ISO 8601-formaat op, bijvoorbeeld P8W of P30D.' }]
      : [];
  });
}

/** Calendar-date problems of the named fields (`2026-02-30` passes a pattern but is no date). */
export function dateProblems(body: Body, fields: readonly string[]): InvalidParam[] {
  return fields.flatMap((field) => {
    const value = body[field];
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !isCalendarDate(value)
      ? [{ name: field, code: 'invalid', reason: 'Deze datum bestaat niet.' }]
      : [];
  });
}

/** An RSIN that does not pass the 11-proef, at `name`. */
export function rsinProblem(value: unknown, name: string): InvalidParam[] {
  return typeof value === 'string' && /^\d{9}$/.test(value) && !passesElevenTest(value)
    ? [{ name, code: 'invalid', reason: 'Het RSIN voldoet niet aan de 11-proef.' }]
    : [];
}

/** eindeGeldigheid before beginGeldigheid (the reference implementation's `date-mismatch`). */
export function geldigheidProblem(begin: string | null | undefined, einde: string | null | undefined): InvalidParam[] {
  return typeof begin === 'string' && typeof einde === 'string' && einde < begin
    ? [{ name: 'eindeGeldigheid', code: 'date-mismatch', reason: 'eindeGeldigheid mag niet voor beginGeldigheid liggen.' }]
    : [];
}

/** The writable attributes present in a body, for ztc-009's "only eindeGeldigheid" exception. */
export function writtenFields(body: Body, writable: readonly string[]): string[] {
  return writable.filter((field) => field in body);
}

/** A list of names without blanks or duplicates, in the order given. */
export function uniqueNames(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).map((value) => value.trim()).filter((value) => value !== ''))];
}
