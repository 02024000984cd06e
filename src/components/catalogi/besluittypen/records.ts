import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { textList } from '../shared/data.ts';
import { familyKey, familyLifetimes, publishedVersionsValidOn } from '../shared/repository.ts';
import { publishedZaaktypenNaming } from '../zaaktypen/repository.ts';
import type { BesluittypeRecord } from './present.ts';
import { resultaattypenNamingBesluittypen, type BesluittypeRow } from './repository.ts';

/**
 * Loads what presenting these besluittypen takes, for all of them at once: lifetimes, informatieobjecttypen
 * resolved on `date`, the published zaaktypen valid on `date` that name them, and the resultaattypen that relate
 * to them.
 */
export async function loadBesluittypeRecords(db: Kysely<Database>, tenantId: string, rows: readonly BesluittypeRow[], date: string): Promise<BesluittypeRecord[]> {
  if (rows.length === 0) return [];
  const catalogi = [...new Set(rows.map((row) => row.catalogus_uuid))];
  const iotNames = [...new Set(rows.flatMap((row) => textList(row.data, 'informatieobjecttypen')))];
  const ownNames = [...new Set(rows.map((row) => row.omschrijving).filter((name) => name !== ''))];
  // A besluittype without omschrijving has no family: nothing can name it, and it is its own lifetime.
  const named = rows.filter((row) => row.omschrijving !== '');
  const [iots, zaaktypen, resultaattypen, lifetimes] = await Promise.all([
    publishedVersionsValidOn(db, tenantId, 'informatieobjecttypen', catalogi, iotNames, date),
    publishedZaaktypenNaming(db, tenantId, 'besluittypen', catalogi, ownNames, date),
    resultaattypenNamingBesluittypen(db, tenantId, rows.map((row) => ({ uuid: row.uuid, catalogusUuid: row.catalogus_uuid, omschrijving: row.omschrijving }))),
    familyLifetimes(db, tenantId, 'besluittypen', named.map((row) => ({ catalogusUuid: row.catalogus_uuid, name: row.omschrijving }))),
  ]);
  return rows.map((row) => {
    const names = textList(row.data, 'informatieobjecttypen');
    const lifetime = (row.omschrijving !== '' ? lifetimes.get(familyKey(row.catalogus_uuid, row.omschrijving)) : undefined) ?? {
      beginObject: row.begin_geldigheid,
      eindeObject: row.einde_geldigheid,
    };
    return {
      row,
      beginObject: lifetime.beginObject,
      eindeObject: lifetime.eindeObject,
      informatieobjecttypen: names.flatMap((name) => iots.filter((iot) => iot.catalogusUuid === row.catalogus_uuid && iot.name === name).map((iot) => iot.uuid)),
      zaaktypen:
        row.omschrijving === ''
          ? []
          : zaaktypen
              .filter((zaaktype) => zaaktype.catalogus_uuid === row.catalogus_uuid && zaaktype.names.includes(row.omschrijving))
              .map((zaaktype) => ({ uuid: zaaktype.uuid, identificatie: zaaktype.identificatie })),
      resultaattypen: resultaattypen.filter((resultaattype) => resultaattype.besluittype_uuid === row.uuid).map((resultaattype) => ({ uuid: resultaattype.uuid, omschrijving: resultaattype.omschrijving })),
    };
  });
}
