import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';

/*
 * Where the Besluiten API meets the Documenten API. The Documenten API arrives later in Loket; until then the rules
 * that need a document are written against this interface, and the routes are given `DOCUMENTEN_API_PENDING`:
 * the URL form of an informatieobject is checked, its existence and type cannot be yet. When the Documenten API
 * lands, its service implements this interface and is handed in where the Besluiten routes are registered.
 */

/** What the Besluiten API needs to know of an ENKELVOUDIGINFORMATIEOBJECT. */
export interface InformatieobjectFacts {
  informatieobjecttypeUuid: string;
}

/** The Documenten API, as far as the Besluiten API uses it. */
export interface Documenten {
  /**
   * brc-003: the tenant's informatieobject with this uuid (its facts), `null` when it does not exist, or
   * `'niet-te-controleren'` while no Documenten API can tell.
   */
  findInformatieobject(db: Kysely<Database>, tenantId: string, uuid: string): Promise<InformatieobjectFacts | null | 'niet-te-controleren'>;
  /**
   * brc-005: mirror a new BESLUITINFORMATIEOBJECT as OBJECTINFORMATIEOBJECT (objectType `besluit`), in the caller's
   * transaction so both relations exist or neither does.
   */
  linkBesluit(trx: Kysely<Database>, tenantId: string, relation: { informatieobjectUuid: string; besluitUuid: string }): Promise<void>;
  /** brc-005 / brc-009: remove the mirrored OBJECTINFORMATIEOBJECT when the relation (or its besluit) goes. */
  unlinkBesluit(trx: Kysely<Database>, tenantId: string, relation: { informatieobjectUuid: string; besluitUuid: string }): Promise<void>;
}

/** The stand-in until the Documenten API exists: nothing can be verified, nothing needs mirroring. */
export const DOCUMENTEN_API_PENDING: Documenten = {
  findInformatieobject: async () => 'niet-te-controleren',
  linkBesluit: async () => undefined,
  unlinkBesluit: async () => undefined,
};
