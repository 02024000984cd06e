import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { JsonRecord } from '../../../platform/database/tables/klantinteracties.ts';
import { presentBetrokkenen, type BetrokkeneJson } from '../betrokkenen/present.ts';
import { presentCategorieRelaties, type CategorieRelatieJson } from '../categorie-relaties/present.ts';
import { presentDigitaalAdres, type DigitaalAdresJson } from '../digitaleadressen/present.ts';
import { presentPartijIdentificator, type PartijIdentificatorJson } from '../partij-identificatoren/present.ts';
import type { KlantCaller } from '../shared/caller.ts';
import { below } from '../shared/expand.ts';
import { groupBy } from '../shared/grouping.ts';
import { adresGroup, contactnaamGroup, volledigeNaam } from '../shared/groups.ts';
import { rowsReferring, type KlantRow } from '../shared/rows.ts';
import { foreignKey, klantinteractiesBaseUrl, optionalForeignKey, resourceUrl, type ForeignKey } from '../shared/urls.ts';
import { vertegenwoordigdenOf } from './repository.ts';

export type PartijRow = KlantRow<'ki_partijen'>;

/** The `Partij` resource: a person, organisation or contactpersoon the municipality has contact with. */
export interface PartijJson {
  uuid: string;
  url: string;
  nummer: string;
  interneNotitie: string;
  betrokkenen: ForeignKey[];
  categorieRelaties: { uuid: string; url: string; categorieNaam: string | null; beginDatum: string | null; eindDatum: string | null }[];
  digitaleAdressen: ForeignKey[];
  voorkeursDigitaalAdres: ForeignKey | null;
  vertegenwoordigden: ForeignKey[];
  rekeningnummers: ForeignKey[];
  voorkeursRekeningnummer: ForeignKey | null;
  partijIdentificatoren: PartijIdentificatorJson[];
  soortPartij: string;
  indicatieGeheimhouding: boolean | null;
  voorkeurstaal: string;
  indicatieActief: boolean;
  bezoekadres: JsonRecord | null;
  correspondentieadres: JsonRecord | null;
  partijIdentificatie: JsonRecord;
  _expand?: { betrokkenen?: BetrokkeneJson[]; categorieRelaties?: CategorieRelatieJson[]; digitaleAdressen?: DigitaalAdresJson[] };
}

/** `partijIdentificatie` as the soort partij presents it. */
function identificatie(row: PartijRow, base: string): JsonRecord {
  if (row.soort_partij === 'organisatie') return { naam: typeof row.partij_identificatie.naam === 'string' ? row.partij_identificatie.naam : '' };
  const contactnaam = contactnaamGroup(row.partij_identificatie.contactnaam as JsonRecord | null | undefined);
  if (row.soort_partij === 'persoon') return { contactnaam, volledigeNaam: volledigeNaam(contactnaam) };
  return { uuid: row.uuid, werkteVoorPartij: optionalForeignKey(base, 'partijen', row.werkte_voor_partij_uuid), contactnaam, volledigeNaam: volledigeNaam(contactnaam) };
}

/** Partijen as API JSON, their relations loaded for all of them at once, expanded as asked. */
export async function presentPartijen(db: Kysely<Database>, caller: KlantCaller, rows: readonly PartijRow[], expand: ReadonlySet<string>): Promise<PartijJson[]> {
  const base = klantinteractiesBaseUrl(caller);
  const tenantId = caller.tenant.id;
  const uuids = rows.map((row) => row.uuid);
  const [betrokkenen, relaties, adressen, rekeningnummers, identificatoren, vertegenwoordigden] = await Promise.all([
    rowsReferring(db, 'ki_betrokkenen', tenantId, 'partij_uuid', uuids),
    rowsReferring(db, 'ki_categorie_relaties', tenantId, 'partij_uuid', uuids),
    rowsReferring(db, 'ki_digitale_adressen', tenantId, 'verstrekt_door_partij_uuid', uuids),
    rowsReferring(db, 'ki_rekeningnummers', tenantId, 'partij_uuid', uuids),
    rowsReferring(db, 'ki_partij_identificatoren', tenantId, 'partij_uuid', uuids),
    vertegenwoordigdenOf(db, tenantId, uuids),
  ]);
  const presentedRelaties = await presentCategorieRelaties(db, caller, relaties);
  const relatieByUuid = new Map(presentedRelaties.map((json) => [json.uuid, json]));
  const expandedBetrokkenen = expand.has('betrokkenen') ? new Map((await presentBetrokkenen(db, caller, betrokkenen, below(expand, 'betrokkenen'))).map((json) => [json.uuid, json])) : undefined;
  const of = {
    betrokkenen: groupBy(betrokkenen, (row) => row.partij_uuid),
    relaties: groupBy(relaties, (row) => row.partij_uuid),
    adressen: groupBy(adressen, (row) => row.verstrekt_door_partij_uuid),
    rekeningnummers: groupBy(rekeningnummers, (row) => row.partij_uuid),
    identificatoren: groupBy(identificatoren, (row) => row.partij_uuid),
    vertegenwoordigden: groupBy(vertegenwoordigden, (row) => row.van),
  };
  return rows.map((row) => {
    const own = {
      betrokkenen: of.betrokkenen.get(row.uuid) ?? [],
      relaties: (of.relaties.get(row.uuid) ?? []).flatMap((relatie) => relatieByUuid.get(relatie.uuid) ?? []),
      adressen: of.adressen.get(row.uuid) ?? [],
    };
    const json: PartijJson = {
      uuid: row.uuid,
      url: resourceUrl(base, 'partijen', row.uuid),
      nummer: row.nummer,
      interneNotitie: row.interne_notitie,
      betrokkenen: own.betrokkenen.map((item) => foreignKey(base, 'betrokkenen', item.uuid)),
      categorieRelaties: own.relaties.map((relatie) => ({ uuid: relatie.uuid, url: relatie.url, categorieNaam: relatie.categorie?.naam ?? null, beginDatum: relatie.beginDatum, eindDatum: relatie.eindDatum })),
      digitaleAdressen: own.adressen.map((item) => foreignKey(base, 'digitaleadressen', item.uuid)),
      voorkeursDigitaalAdres: optionalForeignKey(base, 'digitaleadressen', row.voorkeurs_digitaal_adres_uuid),
      vertegenwoordigden: (of.vertegenwoordigden.get(row.uuid) ?? []).map((item) => foreignKey(base, 'partijen', item.partij)),
      rekeningnummers: (of.rekeningnummers.get(row.uuid) ?? []).map((item) => foreignKey(base, 'rekeningnummers', item.uuid)),
      voorkeursRekeningnummer: optionalForeignKey(base, 'rekeningnummers', row.voorkeurs_rekeningnummer_uuid),
      partijIdentificatoren: (of.identificatoren.get(row.uuid) ?? []).map((item) => presentPartijIdentificator(item, base)),
      soortPartij: row.soort_partij,
      indicatieGeheimhouding: row.indicatie_geheimhouding,
      voorkeurstaal: row.voorkeurstaal,
      indicatieActief: row.indicatie_actief,
      bezoekadres: adresGroup(row.bezoekadres),
      correspondentieadres: adresGroup(row.correspondentieadres),
      partijIdentificatie: identificatie(row, base),
    };
    const expanded: NonNullable<PartijJson['_expand']> = {};
    if (expandedBetrokkenen) expanded.betrokkenen = own.betrokkenen.flatMap((item) => expandedBetrokkenen.get(item.uuid) ?? []);
    if (expand.has('categorieRelaties')) expanded.categorieRelaties = own.relaties;
    if (expand.has('digitaleAdressen')) expanded.digitaleAdressen = own.adressen.map((item) => presentDigitaalAdres(item, base));
    if (Object.keys(expanded).length > 0) json._expand = expanded;
    return json;
  });
}
