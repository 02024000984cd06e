import type { InvalidParam } from '../../platform/errors/catalogue.ts';
import type { AutorisatieInput } from './schemas.ts';

/*
 * The Autorisaties API's rules on an applicatie as a whole (docs: autorisaties_index.md). ac-001 (a client id
 * belongs to one applicatie) needs the database and is checked in service.ts.
 */

/** ac-002: either heeftAlleAutorisaties, or autorisaties, never both and never neither. */
export function autorisatiesSpecificationProblems(heeftAlleAutorisaties: boolean, autorisaties: readonly AutorisatieInput[]): InvalidParam[] {
  if (heeftAlleAutorisaties && autorisaties.length > 0) {
    return [{ name: 'nonFieldErrors', code: 'ambiguous-authorizations-specified', reason: 'Geef heeftAlleAutorisaties of autorisaties op, niet allebei.' }];
  }
  if (!heeftAlleAutorisaties && autorisaties.length === 0) {
    return [{ name: 'nonFieldErrors', code: 'missing-authorizations', reason: 'Geef heeftAlleAutorisaties of ten minste één autorisatie op.' }];
  }
  return [];
}

/** Which fields an autorisatie of a component needs once its scopes concern that component's resources (ac-003). */
const REQUIRED_BY_COMPONENT: Partial<Record<AutorisatieInput['component'], { resource: string; fields: (keyof AutorisatieInput)[] }>> = {
  zrc: { resource: 'zaken', fields: ['zaaktype', 'maxVertrouwelijkheidaanduiding'] },
  drc: { resource: 'documenten', fields: ['informatieobjecttype', 'maxVertrouwelijkheidaanduiding'] },
  brc: { resource: 'besluiten', fields: ['besluittype'] },
};

/** ac-003: the type (and for zaken and documenten the maximum vertrouwelijkheid) that scopes on those resources need. */
export function autorisatieFieldProblems(autorisaties: readonly AutorisatieInput[]): InvalidParam[] {
  return autorisaties.flatMap((autorisatie, index) => {
    const required = REQUIRED_BY_COMPONENT[autorisatie.component];
    if (!required || !autorisatie.scopes.some((scope) => scope.startsWith(`${required.resource}.`))) return [];
    return required.fields
      .filter((field) => autorisatie[field] === undefined || autorisatie[field] === '')
      .map((field) => ({ name: `autorisaties.${index}.${field}`, code: 'required', reason: `Dit veld is verplicht bij scopes voor ${required.resource} (ac-003).` }));
  });
}

/** Client ids named twice in one applicatie. */
export function duplicateClientIdProblems(clientIds: readonly string[]): InvalidParam[] {
  const seen = new Set<string>();
  const doubles = clientIds.filter((clientId) => (seen.has(clientId) ? true : (seen.add(clientId), false)));
  return doubles.length === 0 ? [] : [{ name: 'clientIds', code: 'unique', reason: `Client id ${doubles[0]} staat meer dan eens in clientIds.` }];
}
