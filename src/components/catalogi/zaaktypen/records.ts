import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { textList } from '../shared/data.ts';
import { familyKey, familyLifetimes, publishedVersionsValidOn, type VersionRef } from '../shared/repository.ts';
import { storedRelaties, type ZaaktypeRecord } from './present.ts';
import { zaaktypeParts, type ZaaktypeRow } from './repository.ts';

/** The published versions by family key, for looking names up per catalogus. */
function byFamily(versions: readonly VersionRef[]): Map<string, VersionRef[]> {
  const grouped = new Map<string, VersionRef[]>();
  for (const version of versions) {
    const key = familyKey(version.catalogusUuid, version.name);
    grouped.set(key, [...(grouped.get(key) ?? []), version]);
  }
  return grouped;
}

function resolve(grouped: Map<string, VersionRef[]>, catalogusUuid: string, names: readonly string[]): VersionRef[] {
  return names.flatMap((name) => grouped.get(familyKey(catalogusUuid, name)) ?? []);
}

/**
 * Loads what presenting these zaaktypen takes, for all of them at once: their parts, their lifetime over all
 * versions, and their relations by name (informatieobjecttypen via zaaktype-informatieobjecttypen, besluittypen,
 * deelzaaktypen, gerelateerde zaaktypen) resolved to the published versions valid on `date`.
 */
export async function loadZaaktypeRecords(db: Kysely<Database>, tenantId: string, rows: readonly ZaaktypeRow[], date: string): Promise<ZaaktypeRecord[]> {
  if (rows.length === 0) return [];
  const catalogi = [...new Set(rows.map((row) => row.catalogus_uuid))];
  const parts = await zaaktypeParts(db, tenantId, rows.map((row) => row.uuid));
  const iotNames = [...new Set([...parts.values()].flatMap((part) => part.informatieobjecttypeOmschrijvingen))];
  const besluittypeNames = [...new Set(rows.flatMap((row) => textList(row.data, 'besluittypen')))];
  const zaaktypeNames = [...new Set(rows.flatMap((row) => [...textList(row.data, 'deelzaaktypen'), ...storedRelaties(row).map((relatie) => relatie.zaaktype)]))];
  const [iots, besluittypen, zaaktypen, lifetimes] = await Promise.all([
    publishedVersionsValidOn(db, tenantId, 'informatieobjecttypen', catalogi, iotNames, date),
    publishedVersionsValidOn(db, tenantId, 'besluittypen', catalogi, besluittypeNames, date),
    publishedVersionsValidOn(db, tenantId, 'zaaktypen', catalogi, zaaktypeNames, date),
    familyLifetimes(db, tenantId, 'zaaktypen', rows.map((row) => ({ catalogusUuid: row.catalogus_uuid, name: row.identificatie }))),
  ]);
  const [iotsByName, besluittypenByName, zaaktypenByName] = [byFamily(iots), byFamily(besluittypen), byFamily(zaaktypen)];
  return rows.map((row) => {
    const own = parts.get(row.uuid);
    if (!own) throw new Error(`no parts for zaaktype ${row.uuid}`);
    const lifetime = lifetimes.get(familyKey(row.catalogus_uuid, row.identificatie)) ?? { beginObject: row.begin_geldigheid, eindeObject: row.einde_geldigheid };
    return {
      row,
      parts: own,
      beginObject: lifetime.beginObject,
      eindeObject: lifetime.eindeObject,
      informatieobjecttypen: resolve(iotsByName, row.catalogus_uuid, own.informatieobjecttypeOmschrijvingen).map((version) => version.uuid),
      besluittypen: resolve(besluittypenByName, row.catalogus_uuid, textList(row.data, 'besluittypen')).map((version) => version.uuid),
      deelzaaktypen: resolve(zaaktypenByName, row.catalogus_uuid, textList(row.data, 'deelzaaktypen')).map((version) => version.uuid),
      gerelateerdeZaaktypen: storedRelaties(row).flatMap((relatie) =>
        resolve(zaaktypenByName, row.catalogus_uuid, [relatie.zaaktype]).map((version) => ({
          uuid: version.uuid,
          identificatie: version.name,
          aardRelatie: relatie.aardRelatie,
          toelichting: relatie.toelichting,
        })),
      ),
    };
  });
}
