import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';

/*
 * Concepts and publishing (Catalogi API, "Concepten"). A published type (concept=false) is what zaken, besluiten
 * and documenten are made of, so by ztc-009 it may not be replaced (PUT), changed (PATCH, except only its
 * eindeGeldigheid) or deleted. A correctie is the exception: with `catalogi.geforceerd-schrijven` a published
 * type may be changed, provided the change is an extension: nothing it relates to may disappear, and it stays
 * the same type (same catalogus, same identifying name).
 */

/** The reference implementation's code for a change a published type does not allow. */
export const NON_CONCEPT_OBJECT = 'non-concept-object';

function refused(reason: string): InvalidParam {
  return { name: 'nonFieldErrors', code: NON_CONCEPT_OBJECT, reason };
}

/**
 * ztc-009 for PUT and PATCH: throws unless the stored version is a concept, the change touches eindeGeldigheid
 * alone (PATCH), or the caller makes a correctie.
 *
 * @param writtenFields the writable attributes present in the request body
 */
export function assertMayChange(type: { concept: boolean; label: string }, request: { partial: boolean; writtenFields: readonly string[]; forced: boolean }): void {
  if (type.concept) return;
  if (request.partial && request.writtenFields.length === 1 && request.writtenFields[0] === 'eindeGeldigheid') return;
  if (request.forced) return;
  const how = request.partial ? 'deels bij te werken' : 'bij te werken';
  throw invalid([refused(`Het is niet toegestaan om een gepubliceerd ${type.label} ${how}; alleen eindeGeldigheid mag nog veranderen, of een correctie met de scope catalogi.geforceerd-schrijven.`)]);
}

/** ztc-009 for DELETE: throws unless the type is a concept or the caller holds `catalogi.geforceerd-verwijderen`. */
export function assertMayDelete(type: { concept: boolean; label: string }, forced: boolean): void {
  if (type.concept || forced) return;
  throw invalid([refused(`Alleen concepten kunnen worden verwijderd; dit ${type.label} is gepubliceerd.`)]);
}

/** What a correctie must keep: identifying values, and the names in each relation list. */
export interface CorrectieSnapshot {
  identity: Record<string, string>;
  relations: Record<string, readonly string[]>;
}

/**
 * The problems of a correctie on a published type: a changed identity (catalogus, identificatie or omschrijving)
 * or a relation that disappears. Empty for an allowed extension.
 */
export function correctieProblems(before: CorrectieSnapshot, after: CorrectieSnapshot): InvalidParam[] {
  const problems: InvalidParam[] = [];
  for (const [field, value] of Object.entries(before.identity)) {
    if (after.identity[field] !== value) {
      problems.push({ name: field, code: NON_CONCEPT_OBJECT, reason: `Een correctie mag ${field} van een gepubliceerd type niet wijzigen.` });
    }
  }
  for (const [field, names] of Object.entries(before.relations)) {
    const kept = new Set(after.relations[field] ?? []);
    const removed = names.filter((name) => !kept.has(name));
    if (removed.length > 0) {
      problems.push({ name: field, code: NON_CONCEPT_OBJECT, reason: `Een correctie mag alleen uitbreiden; verwijderd uit ${field}: ${removed.join(', ')}.` });
    }
  }
  return problems;
}
