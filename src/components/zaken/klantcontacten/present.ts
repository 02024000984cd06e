import type { Selectable } from 'kysely';
import type { KlantcontactenTable } from '../../../platform/database/tables/zaken.ts';
import { zaakUrl } from '../shared/urls.ts';

/** A stored klantcontact. */
export type KlantcontactRow = Selectable<KlantcontactenTable>;

/** The `KlantContact` resource (zaken-1.7.0.yaml; deprecated there in favour of the contactmomenten). */
export interface KlantcontactJson {
  url: string;
  uuid: string;
  zaak: string;
  identificatie: string;
  datumtijd: string;
  kanaal: string;
  onderwerp: string;
  toelichting: string;
}

/** The absolute URL of one klantcontact. */
export function klantcontactUrl(base: string, uuid: string): string {
  return `${base}/klantcontacten/${uuid}`;
}

/** A klantcontact as API JSON, given the Zaken API's base URL. */
export function presentKlantcontact(row: KlantcontactRow, base: string): KlantcontactJson {
  return {
    url: klantcontactUrl(base, row.uuid),
    uuid: row.uuid,
    zaak: zaakUrl(base, row.zaak_uuid),
    identificatie: row.identificatie,
    datumtijd: new Date(row.datumtijd).toISOString(),
    kanaal: row.kanaal,
    onderwerp: row.onderwerp,
    toelichting: row.toelichting,
  };
}
