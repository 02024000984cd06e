import type { Selectable } from 'kysely';
import type { ZaakeigenschappenTable } from '../../../platform/database/tables/zaken.ts';
import { catalogiBaseUrlFrom, zaakUrl } from '../shared/urls.ts';

/** A stored zaakeigenschap. */
export type ZaakeigenschapRow = Selectable<ZaakeigenschappenTable>;

/** The `ZaakEigenschap` resource (zaken-1.7.0.yaml). */
export interface ZaakeigenschapJson {
  url: string;
  uuid: string;
  zaak: string;
  eigenschap: string;
  naam: string;
  waarde: string;
}

/** The absolute URL of one zaakeigenschap (nested under its zaak). */
export function zaakeigenschapUrl(base: string, zaakUuid: string, uuid: string): string {
  return `${zaakUrl(base, zaakUuid)}/zaakeigenschappen/${uuid}`;
}

/** The Catalogi API URL of an eigenschap beside this Zaken API. */
export function eigenschapUrl(base: string, uuid: string): string {
  return `${catalogiBaseUrlFrom(base)}/eigenschappen/${uuid}`;
}

/** A zaakeigenschap as API JSON, given the Zaken API's base URL. */
export function presentZaakeigenschap(row: ZaakeigenschapRow, base: string): ZaakeigenschapJson {
  return {
    url: zaakeigenschapUrl(base, row.zaak_uuid, row.uuid),
    uuid: row.uuid,
    zaak: zaakUrl(base, row.zaak_uuid),
    eigenschap: eigenschapUrl(base, row.eigenschap_uuid),
    naam: row.naam,
    waarde: row.waarde,
  };
}

/** How a zaakeigenschap is named in the audit trail. */
export function zaakeigenschapWeergave(row: ZaakeigenschapRow): string {
  return `${row.naam}: ${row.waarde}`;
}
