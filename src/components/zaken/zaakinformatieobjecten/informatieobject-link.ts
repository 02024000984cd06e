import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { uuidFromResourceUrl } from '../zaakobjecten/zaak-relation.ts';

/*
 * Where a zaakinformatieobject meets the Documenten API. Loket's own Documenten API arrives later; until then the
 * Zaken API can check only the form of an informatieobject URL. The two functions below are the places where the
 * rest of zrc-003, zrc-017 and zrc-005 plug in once it exists.
 */

/** The collection whose members a zaak may relate to (an ENKELVOUDIGINFORMATIEOBJECT of a Documenten API). */
export const ENKELVOUDIGINFORMATIEOBJECTEN = '/documenten/api/v1/enkelvoudiginformatieobjecten';

/**
 * zrc-003: the `informatieobject` of a new relation must be an existing ENKELVOUDIGINFORMATIEOBJECT. Checked now:
 * that the URL has that form (`…/documenten/api/v1/enkelvoudiginformatieobjecten/<uuid>`, any host). To add when
 * the Documenten API lands: that the document exists (`bad-url` otherwise) and that its informatieobjecttype is
 * one of the zaak's zaaktype (zrc-017, `missing-zaaktype-informatieobjecttype-relation`).
 */
export function informatieobjectProblems(url: string): InvalidParam[] {
  if (uuidFromResourceUrl(url, ENKELVOUDIGINFORMATIEOBJECTEN) !== null) return [];
  return [{ name: 'informatieobject', code: 'bad-url', reason: 'De URL verwijst niet naar een enkelvoudig informatieobject van een Documenten API.' }];
}

/** A relation between a zaak and an informatieobject that was made or removed. */
export interface InformatieobjectRelationChange {
  actie: 'create' | 'destroy';
  zaakUrl: string;
  informatieobject: string;
}

/**
 * zrc-005: the Documenten API mirrors every zaak-informatieobject relation as an OBJECTINFORMATIEOBJECT (objectType
 * `zaak`). Called inside the transaction that makes or removes the relation, so the mirror will commit or roll
 * back with it. There is no Documenten API in Loket yet, so there is no mirror to keep; when it lands, its
 * objectinformatieobject is written (or removed) here.
 */
export async function mirrorInObjectinformatieobjecten(_trx: Transaction<Database>, _change: InformatieobjectRelationChange): Promise<void> {}
