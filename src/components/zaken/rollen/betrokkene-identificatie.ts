import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { isValidBsn } from '../../../platform/personal-data/bsn.ts';
import { OBJECT_IDENTIFICATIE } from '../zaakobjecten/object-identificatie.ts';
import { checkShape, keepKnown } from '../zaakobjecten/shape.ts';

/*
 * A ROL's `betrokkeneIdentificatie` per `betrokkeneType`: the spec's polymorphic Rol (discriminator betrokkeneType)
 * uses the same Rol… groups as a zaakobject about a person, organisation or employee (RolNatuurlijkPersoon,
 * RolNietNatuurlijkPersoon, RolVestiging, RolOrganisatorischeEenheid, RolMedewerker), so their shapes are shared:
 * a BSN passes the 11-proef, an RSIN too. The identifying attributes are also kept in columns, for the list filters.
 */

/** The five kinds of betrokkene (BetrokkeneTypeEnum). */
export const BETROKKENE_TYPES = ['natuurlijk_persoon', 'niet_natuurlijk_persoon', 'vestiging', 'organisatorische_eenheid', 'medewerker'] as const;
export type BetrokkeneType = (typeof BETROKKENE_TYPES)[number];

export function isBetrokkeneType(value: unknown): value is BetrokkeneType {
  return typeof value === 'string' && (BETROKKENE_TYPES as readonly string[]).includes(value);
}

function shapeOf(type: BetrokkeneType) {
  const shape = OBJECT_IDENTIFICATIE[type];
  if (!shape) throw new Error(`no identification shape for betrokkeneType ${type}`);
  return shape;
}

/** Every way the identification differs from the shape of its betrokkeneType. */
export function betrokkeneIdentificatieProblems(type: BetrokkeneType, identificatie: unknown): InvalidParam[] {
  return checkShape(shapeOf(type), identificatie, 'betrokkeneIdentificatie');
}

/** The identification to store: only the attributes its betrokkeneType defines. */
export function storedBetrokkeneIdentificatie(type: BetrokkeneType, identificatie: unknown): Record<string, unknown> {
  return keepKnown(shapeOf(type), identificatie) as Record<string, unknown>;
}

/** The identification columns of `rollen`, as the list filters search them. */
export interface IdentificationColumns {
  inp_bsn: string | null;
  anp_identificatie: string | null;
  inp_a_nummer: string | null;
  inn_nnp_id: string | null;
  ann_identificatie: string | null;
  vestigings_nummer: string | null;
  medewerker_identificatie: string | null;
  organisatorische_eenheid_identificatie: string | null;
}

/** The list filters on the identification, by query parameter, and the column each one searches. */
export const IDENTIFICATION_FILTERS = {
  betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: 'inp_bsn',
  betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie: 'anp_identificatie',
  betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer: 'inp_a_nummer',
  betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId: 'inn_nnp_id',
  betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie: 'ann_identificatie',
  betrokkeneIdentificatie__vestiging__vestigingsNummer: 'vestigings_nummer',
  betrokkeneIdentificatie__organisatorischeEenheid__identificatie: 'organisatorische_eenheid_identificatie',
  betrokkeneIdentificatie__medewerker__identificatie: 'medewerker_identificatie',
} as const satisfies Record<string, keyof IdentificationColumns>;
export type IdentificationFilter = keyof typeof IDENTIFICATION_FILTERS;

function text(identificatie: Record<string, unknown> | undefined, key: string): string | null {
  const value = identificatie?.[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The column values of a stored identification (null where the betrokkeneType has no such attribute). */
export function identificationColumns(type: BetrokkeneType, identificatie: Record<string, unknown> | undefined): IdentificationColumns {
  return {
    inp_bsn: type === 'natuurlijk_persoon' ? text(identificatie, 'inpBsn') : null,
    anp_identificatie: type === 'natuurlijk_persoon' ? text(identificatie, 'anpIdentificatie') : null,
    inp_a_nummer: type === 'natuurlijk_persoon' ? text(identificatie, 'inpA_nummer') : null,
    inn_nnp_id: type === 'niet_natuurlijk_persoon' ? text(identificatie, 'innNnpId') : null,
    ann_identificatie: type === 'niet_natuurlijk_persoon' ? text(identificatie, 'annIdentificatie') : null,
    vestigings_nummer: type === 'vestiging' ? text(identificatie, 'vestigingsNummer') : null,
    medewerker_identificatie: type === 'medewerker' ? text(identificatie, 'identificatie') : null,
    organisatorische_eenheid_identificatie: type === 'organisatorische_eenheid' ? text(identificatie, 'identificatie') : null,
  };
}

/** A BSN worth a processing-log subject: one that passes the 11-proef (anything else identifies nobody). */
export function loggableBsn(value: string | null | undefined): string | undefined {
  return typeof value === 'string' && isValidBsn(value) ? value : undefined;
}
