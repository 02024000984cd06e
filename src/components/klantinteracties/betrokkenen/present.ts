import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { JsonRecord } from '../../../platform/database/tables/klantinteracties.ts';
import { presentDigitaalAdres, type DigitaalAdresJson } from '../digitaleadressen/present.ts';
import { presentKlantcontacten, type KlantcontactJson } from '../klantcontacten/present.ts';
import { presentPartijen, type PartijJson } from '../partijen/present.ts';
import type { KlantCaller } from '../shared/caller.ts';
import { below } from '../shared/expand.ts';
import { groupBy } from '../shared/grouping.ts';
import { adresGroup, contactnaamGroup, volledigeNaam } from '../shared/groups.ts';
import { findRows, rowsReferring, type KlantRow } from '../shared/rows.ts';
import { foreignKey, klantinteractiesBaseUrl, optionalForeignKey, resourceUrl, type ForeignKey } from '../shared/urls.ts';

export type BetrokkeneRow = KlantRow<'ki_betrokkenen'>;

/** The `Betrokkene` resource: a person or organisation as they took part in one klantcontact. */
export interface BetrokkeneJson {
  uuid: string;
  url: string;
  wasPartij: ForeignKey | null;
  hadKlantcontact: ForeignKey;
  digitaleAdressen: ForeignKey[];
  bezoekadres: JsonRecord | null;
  correspondentieadres: JsonRecord | null;
  contactnaam: JsonRecord | null;
  volledigeNaam: string;
  rol: string;
  organisatienaam: string;
  initiator: boolean;
  _expand?: { digitaleAdressen?: DigitaalAdresJson[]; hadKlantcontact?: KlantcontactJson; wasPartij?: PartijJson | null };
}

/**
 * Betrokkenen as API JSON. `expand` may hold `digitaleAdressen` (the spec's own), and, when reached from a
 * klantcontact or partij, `wasPartij` and `hadKlantcontact`.
 */
export async function presentBetrokkenen(db: Kysely<Database>, caller: KlantCaller, rows: readonly BetrokkeneRow[], expand: ReadonlySet<string>): Promise<BetrokkeneJson[]> {
  const base = klantinteractiesBaseUrl(caller);
  const adressen = groupBy(await rowsReferring(db, 'ki_digitale_adressen', caller.tenant.id, 'verstrekt_door_betrokkene_uuid', rows.map((row) => row.uuid)), (row) => row.verstrekt_door_betrokkene_uuid);
  const klantcontacten = expand.has('hadKlantcontact')
    ? new Map((await presentKlantcontacten(db, caller, await findRows(db, 'ki_klantcontacten', caller.tenant.id, rows.map((row) => row.klantcontact_uuid)), below(expand, 'hadKlantcontact'))).map((json) => [json.uuid, json]))
    : undefined;
  const partijen = expand.has('wasPartij')
    ? new Map((await presentPartijen(db, caller, await findRows(db, 'ki_partijen', caller.tenant.id, rows.flatMap((row) => row.partij_uuid ?? [])), new Set())).map((json) => [json.uuid, json]))
    : undefined;
  return rows.map((row) => {
    const own = adressen.get(row.uuid) ?? [];
    const json: BetrokkeneJson = {
      uuid: row.uuid,
      url: resourceUrl(base, 'betrokkenen', row.uuid),
      wasPartij: optionalForeignKey(base, 'partijen', row.partij_uuid),
      hadKlantcontact: foreignKey(base, 'klantcontacten', row.klantcontact_uuid),
      digitaleAdressen: own.map((adres) => foreignKey(base, 'digitaleadressen', adres.uuid)),
      bezoekadres: adresGroup(row.bezoekadres),
      correspondentieadres: adresGroup(row.correspondentieadres),
      contactnaam: contactnaamGroup(row.contactnaam),
      volledigeNaam: volledigeNaam(row.contactnaam) || row.organisatienaam,
      rol: row.rol,
      organisatienaam: row.organisatienaam,
      initiator: row.initiator,
    };
    const expanded: NonNullable<BetrokkeneJson['_expand']> = {};
    if (expand.has('digitaleAdressen')) expanded.digitaleAdressen = own.map((adres) => presentDigitaalAdres(adres, base));
    const klantcontact = klantcontacten?.get(row.klantcontact_uuid);
    if (klantcontact) expanded.hadKlantcontact = klantcontact;
    if (partijen) expanded.wasPartij = row.partij_uuid ? (partijen.get(row.partij_uuid) ?? null) : null;
    if (Object.keys(expanded).length > 0) json._expand = expanded;
    return json;
  });
}
