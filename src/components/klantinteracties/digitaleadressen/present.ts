import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { presentBetrokkenen, type BetrokkeneJson } from '../betrokkenen/present.ts';
import type { KlantCaller } from '../shared/caller.ts';
import { below } from '../shared/expand.ts';
import { findRows, type KlantRow } from '../shared/rows.ts';
import { klantinteractiesBaseUrl, optionalForeignKey, resourceUrl, type ForeignKey } from '../shared/urls.ts';

export type DigitaalAdresRow = KlantRow<'ki_digitale_adressen'>;

/** The `DigitaalAdres` resource: an e-mail address, phone number or other channel to reach someone. */
export interface DigitaalAdresJson {
  uuid: string;
  url: string;
  verstrektDoorBetrokkene: ForeignKey | null;
  verstrektDoorPartij: ForeignKey | null;
  adres: string;
  soortDigitaalAdres: string;
  isStandaardAdres: boolean;
  omschrijving: string;
  referentie?: string;
  verificatieDatum: string | null;
  _expand?: { verstrektDoorBetrokkene?: BetrokkeneJson | null };
}

/** A digitaal adres as API JSON, without expansion. */
export function presentDigitaalAdres(row: DigitaalAdresRow, base: string): DigitaalAdresJson {
  return {
    uuid: row.uuid,
    url: resourceUrl(base, 'digitaleadressen', row.uuid),
    verstrektDoorBetrokkene: optionalForeignKey(base, 'betrokkenen', row.verstrekt_door_betrokkene_uuid),
    verstrektDoorPartij: optionalForeignKey(base, 'partijen', row.verstrekt_door_partij_uuid),
    adres: row.adres,
    soortDigitaalAdres: row.soort_digitaal_adres,
    isStandaardAdres: row.is_standaard_adres,
    omschrijving: row.omschrijving,
    verificatieDatum: row.verificatie_datum,
    // Left out when empty: the spec's pattern for referentie does not admit ''.
    ...(row.referentie === '' ? {} : { referentie: row.referentie }),
  };
}

/** Digitale adressen as API JSON, with `verstrektDoorBetrokkene` (and below it) expanded when asked. */
export async function presentDigitaleAdressen(db: Kysely<Database>, caller: KlantCaller, rows: readonly DigitaalAdresRow[], expand: ReadonlySet<string>): Promise<DigitaalAdresJson[]> {
  const base = klantinteractiesBaseUrl(caller);
  const json = rows.map((row) => presentDigitaalAdres(row, base));
  if (!expand.has('verstrektDoorBetrokkene')) return json;
  const betrokkeneRows = await findRows(db, 'ki_betrokkenen', caller.tenant.id, rows.flatMap((row) => row.verstrekt_door_betrokkene_uuid ?? []));
  const presented = await presentBetrokkenen(db, caller, betrokkeneRows, below(expand, 'verstrektDoorBetrokkene'));
  const byUuid = new Map(presented.map((betrokkene) => [betrokkene.uuid, betrokkene]));
  return json.map((adres, index) => {
    const uuid = rows[index]?.verstrekt_door_betrokkene_uuid;
    return { ...adres, _expand: { verstrektDoorBetrokkene: uuid ? (byUuid.get(uuid) ?? null) : null } };
  });
}
