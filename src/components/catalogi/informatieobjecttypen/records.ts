import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { publishedBesluittypenNamingInformatieobjecttypen } from '../besluittypen/repository.ts';
import { familyKey, familyLifetimes } from '../shared/repository.ts';
import { publishedZaaktypenUsingInformatieobjecttypen } from '../zaaktypen/repository.ts';
import type { InformatieobjecttypeRecord } from './present.ts';
import type { InformatieobjecttypeRow } from './repository.ts';

/**
 * Loads what presenting these informatieobjecttypen takes, for all of them at once: their lifetime over all
 * versions, and the published zaaktypen (through zaaktype-informatieobjecttypen) and besluittypen valid on `date`
 * that name their omschrijving in the same catalogus.
 */
export async function loadInformatieobjecttypeRecords(
  db: Kysely<Database>,
  tenantId: string,
  rows: readonly InformatieobjecttypeRow[],
  date: string,
): Promise<InformatieobjecttypeRecord[]> {
  if (rows.length === 0) return [];
  const catalogi = [...new Set(rows.map((row) => row.catalogus_uuid))];
  const names = [...new Set(rows.map((row) => row.omschrijving))];
  const [zaaktypen, besluittypen, lifetimes] = await Promise.all([
    publishedZaaktypenUsingInformatieobjecttypen(db, tenantId, catalogi, names, date),
    publishedBesluittypenNamingInformatieobjecttypen(db, tenantId, catalogi, names, date),
    familyLifetimes(db, tenantId, 'informatieobjecttypen', rows.map((row) => ({ catalogusUuid: row.catalogus_uuid, name: row.omschrijving }))),
  ]);
  return rows.map((row) => {
    const lifetime = lifetimes.get(familyKey(row.catalogus_uuid, row.omschrijving)) ?? { beginObject: row.begin_geldigheid, eindeObject: row.einde_geldigheid };
    return {
      row,
      beginObject: lifetime.beginObject,
      eindeObject: lifetime.eindeObject,
      zaaktypen: zaaktypen
        .filter((zaaktype) => zaaktype.catalogus_uuid === row.catalogus_uuid && zaaktype.omschrijving === row.omschrijving)
        .map((zaaktype) => ({ uuid: zaaktype.uuid, identificatie: zaaktype.identificatie })),
      besluittypen: besluittypen
        .filter((besluittype) => besluittype.catalogus_uuid === row.catalogus_uuid && besluittype.names.includes(row.omschrijving))
        .map((besluittype) => ({ uuid: besluittype.uuid, omschrijving: besluittype.omschrijving })),
    };
  });
}
