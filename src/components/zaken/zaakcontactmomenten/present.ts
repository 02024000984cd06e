import type { Selectable } from 'kysely';
import type { ZaakcontactmomentenTable } from '../../../platform/database/tables/zaken.ts';
import { zaakUrl } from '../shared/urls.ts';

/** A stored zaakcontactmoment. */
export type ZaakcontactmomentRow = Selectable<ZaakcontactmomentenTable>;

/** The `ZaakContactMoment` resource (zaken-1.7.0.yaml). */
export interface ZaakcontactmomentJson {
  url: string;
  uuid: string;
  zaak: string;
  contactmoment: string;
}

/** The absolute URL of one zaakcontactmoment. */
export function zaakcontactmomentUrl(base: string, uuid: string): string {
  return `${base}/zaakcontactmomenten/${uuid}`;
}

/** A zaakcontactmoment as API JSON, given the Zaken API's base URL. */
export function presentZaakcontactmoment(row: ZaakcontactmomentRow, base: string): ZaakcontactmomentJson {
  return { url: zaakcontactmomentUrl(base, row.uuid), uuid: row.uuid, zaak: zaakUrl(base, row.zaak_uuid), contactmoment: row.contactmoment };
}
