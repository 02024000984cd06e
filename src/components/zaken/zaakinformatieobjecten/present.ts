import type { Selectable } from 'kysely';
import type { ZaakinformatieobjectenTable } from '../../../platform/database/tables/zaken.ts';
import { zaakUrl } from '../shared/urls.ts';

/** A stored zaakinformatieobject. */
export type ZaakinformatieobjectRow = Selectable<ZaakinformatieobjectenTable>;

/** `aardRelatieWeergave` per stored aard (AardRelatieWeergaveEnum). A zaak's relation is always hoort_bij (zrc-004). */
export const AARD_RELATIE_WEERGAVE: Record<string, string> = {
  hoort_bij: 'Hoort bij, omgekeerd: kent',
  legt_vast: 'Legt vast, omgekeerd: kan vastgelegd zijn als',
};

/** The `ZaakInformatieObject` resource (zaken-1.7.0.yaml), with `_expand` when asked for. */
export interface ZaakinformatieobjectJson {
  url: string;
  uuid: string;
  informatieobject: string;
  zaak: string;
  aardRelatieWeergave: string;
  titel: string;
  beschrijving: string;
  registratiedatum: string;
  vernietigingsdatum: string | null;
  status: string | null;
  _expand?: Record<string, unknown>;
}

/** The absolute URL of one zaakinformatieobject. */
export function zaakinformatieobjectUrl(base: string, uuid: string): string {
  return `${base}/zaakinformatieobjecten/${uuid}`;
}

/** The absolute URL of a status of this Zaken API. */
export function statusUrl(base: string, uuid: string): string {
  return `${base}/statussen/${uuid}`;
}

function isoTime(value: Date | string): string {
  return new Date(value).toISOString();
}

/** A zaakinformatieobject as API JSON, given the Zaken API's base URL. */
export function presentZaakinformatieobject(row: ZaakinformatieobjectRow, base: string): ZaakinformatieobjectJson {
  return {
    url: zaakinformatieobjectUrl(base, row.uuid),
    uuid: row.uuid,
    informatieobject: row.informatieobject,
    zaak: zaakUrl(base, row.zaak_uuid),
    aardRelatieWeergave: AARD_RELATIE_WEERGAVE[row.aard_relatie] ?? row.aard_relatie,
    titel: row.titel,
    beschrijving: row.beschrijving,
    registratiedatum: isoTime(row.registratiedatum),
    vernietigingsdatum: row.vernietigingsdatum === null ? null : isoTime(row.vernietigingsdatum),
    status: row.status_uuid === null ? null : statusUrl(base, row.status_uuid),
  };
}

/** How a zaakinformatieobject is named in the audit trail. */
export function zaakinformatieobjectWeergave(row: ZaakinformatieobjectRow): string {
  return row.titel !== '' ? row.titel : row.informatieobject;
}
