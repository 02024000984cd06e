import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { passesElevenTest } from '../../../platform/tenants/rsin.ts';
import { geometryProblem } from './geometry.ts';

/*
 * The rules of a zaak that need nothing but the request body and the values they are checked against: checked on
 * the raw body so they are listed together with the schema's findings, or on the merged result of an update.
 */

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The RSIN fields of a zaak: both must be a valid RSIN (nine digits passing the 11-proef). */
const RSIN_FIELDS = ['bronorganisatie', 'verantwoordelijkeOrganisatie'] as const;

/**
 * The body rules a JSON schema cannot state: RSINs pass the 11-proef, the zaakgeometrie is valid GeoJSON, and
 * `laatsteBetaaldatum` does not lie in the future (`future_not_allowed`, as the reference implementation names it).
 */
export function zaakBodyProblems(body: unknown, now: Date = new Date()): InvalidParam[] {
  if (!isObject(body)) return [];
  const problems: InvalidParam[] = [];
  for (const field of RSIN_FIELDS) {
    const value = body[field];
    if (typeof value === 'string' && value.length <= 9 && !passesElevenTest(value)) {
      problems.push({ name: field, code: 'invalid', reason: 'Dit is geen geldig RSIN: negen cijfers die voldoen aan de 11-proef.' });
    }
  }
  if (body.zaakgeometrie !== undefined && body.zaakgeometrie !== null) {
    const problem = geometryProblem(body.zaakgeometrie);
    if (problem !== undefined) problems.push({ name: 'zaakgeometrie', code: 'invalid', reason: problem });
  }
  const betaald = body.laatsteBetaaldatum;
  if (typeof betaald === 'string' && Date.parse(betaald) > now.getTime()) {
    problems.push({ name: 'laatsteBetaaldatum', code: 'future_not_allowed', reason: 'De laatste betaaldatum mag niet in de toekomst liggen.' });
  }
  return problems;
}

/**
 * zrc-014: with betalingsindicatie `nvt` there is nothing to pay, so a laatsteBetaaldatum the client sends is refused
 * (`betaling-nvt`); one that was stored before the indicatie became `nvt` is cleared instead.
 */
export function betalingProblems(betalingsindicatie: string, laatsteBetaaldatumSent: string | null | undefined): InvalidParam[] {
  if (betalingsindicatie !== 'nvt' || laatsteBetaaldatumSent === undefined || laatsteBetaaldatumSent === null) return [];
  return [{ name: 'laatsteBetaaldatum', code: 'betaling-nvt', reason: 'De laatste betaaldatum kan niet gezet worden als de betalingsindicatie "nvt" is.' }];
}

/**
 * zrc-015: the zaak's producten of diensten must be among its zaaktype's (`invalid-products-services`, as the
 * reference implementation names it).
 */
export function productenProblems(productenOfDiensten: readonly string[], ofZaaktype: readonly string[]): InvalidParam[] {
  const allowed = new Set(ofZaaktype);
  if (productenOfDiensten.every((product) => allowed.has(product))) return [];
  return [{ name: 'productenOfDiensten', code: 'invalid-products-services', reason: 'Niet alle producten/diensten komen voor in de producten/diensten van het zaaktype.' }];
}

/**
 * zrc-022: a zaak archived (archiefstatus other than `nog_te_archiveren`) must have an archiefnominatie and an
 * archiefactiedatum (`archiefnominatie-not-set`, `archiefactiedatum-not-set`).
 */
export function archiveringProblems(values: { archiefstatus: string; archiefnominatie: string | null; archiefactiedatum: string | null }): InvalidParam[] {
  if (values.archiefstatus === 'nog_te_archiveren') return [];
  const problems: InvalidParam[] = [];
  const reason = "Moet van een waarde voorzien zijn als de archiefstatus een andere waarde heeft dan 'nog_te_archiveren'.";
  if (!values.archiefnominatie) problems.push({ name: 'archiefnominatie', code: 'archiefnominatie-not-set', reason });
  if (!values.archiefactiedatum) problems.push({ name: 'archiefactiedatum', code: 'archiefactiedatum-not-set', reason });
  return problems;
}

/** A field that may not change after creation (`wijzigen-niet-toegelaten`, as vng-api-common names it). */
export function immutableProblem(name: string): InvalidParam {
  return { name, code: 'wijzigen-niet-toegelaten', reason: 'Dit veld mag niet gewijzigd worden.' };
}
