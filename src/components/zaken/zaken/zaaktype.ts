import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { uuidFromUrl } from '../../../platform/auth/autorisaties.ts';

/*
 * The zaaktype of a zaak, read from the catalogue's table (the Zaken API reads zaaktypen directly, see
 * migrations/0009): what creating a zaak checks against it (zrc-001, zrc-015) and derives from it (zrc-009, dates).
 */

/** What the Zaken API needs of a zaaktype. */
export interface ZaakZaaktype {
  uuid: string;
  concept: boolean;
  beginGeldigheid: string;
  eindeGeldigheid: string | null;
  vertrouwelijkheidaanduiding: string;
  doorlooptijd: string;
  servicenorm: string | null;
  productenOfDiensten: string[];
}

const ZAAKTYPE_PATH = /^\/catalogi\/api\/v1\/zaaktypen\/[0-9a-f-]{36}\/?$/i;

/** The uuid a zaaktype URL of this installation names (any host), or null for any other URL. */
export function zaaktypeUuidFromUrl(url: string): string | null {
  try {
    if (!ZAAKTYPE_PATH.test(new URL(url).pathname)) return null;
  } catch {
    return null;
  }
  return uuidFromUrl(url);
}

/** The tenant's zaaktype with this uuid, or undefined. */
export async function findZaakZaaktype(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ZaakZaaktype | undefined> {
  const row = await db
    .selectFrom('zaaktypen')
    .select(['uuid', 'concept', 'begin_geldigheid', 'einde_geldigheid', 'vertrouwelijkheidaanduiding', 'doorlooptijd', 'servicenorm', 'data'])
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .executeTakeFirst();
  if (!row) return undefined;
  const producten = row.data.productenOfDiensten;
  return {
    uuid: row.uuid,
    concept: row.concept,
    beginGeldigheid: row.begin_geldigheid,
    eindeGeldigheid: row.einde_geldigheid,
    vertrouwelijkheidaanduiding: row.vertrouwelijkheidaanduiding,
    doorlooptijd: row.doorlooptijd,
    servicenorm: row.servicenorm,
    productenOfDiensten: Array.isArray(producten) ? producten.map(String) : [],
  };
}

/**
 * zrc-001: the zaaktype must exist in this tenant's catalogue (`bad-url` otherwise), be published (`zaaktype-concept`
 * for a concept) and be valid on the zaak's startdatum (`zaaktype-geldigheid`).
 */
export function zaaktypeProblems(zaaktype: ZaakZaaktype | undefined, startdatum: string): InvalidParam[] {
  if (!zaaktype) return [{ name: 'zaaktype', code: 'bad-url', reason: 'De URL verwijst niet naar een zaaktype van deze catalogus.' }];
  if (zaaktype.concept) return [{ name: 'zaaktype', code: 'zaaktype-concept', reason: 'Het zaaktype is nog een concept; een zaak kan alleen een gepubliceerd zaaktype hebben.' }];
  if (startdatum < zaaktype.beginGeldigheid || (zaaktype.eindeGeldigheid !== null && startdatum > zaaktype.eindeGeldigheid)) {
    const periode = `${zaaktype.beginGeldigheid} tot en met ${zaaktype.eindeGeldigheid ?? 'heden'}`;
    return [{ name: 'zaaktype', code: 'zaaktype-geldigheid', reason: `Het zaaktype is op de startdatum ${startdatum} niet geldig (geldig van ${periode}).` }];
  }
  return [];
}
