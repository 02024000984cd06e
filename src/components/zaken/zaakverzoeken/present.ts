import type { Selectable } from 'kysely';
import type { ZaakverzoekenTable } from '../../../platform/database/tables/zaken.ts';
import { zaakUrl } from '../shared/urls.ts';

/** A stored zaakverzoek. */
export type ZaakverzoekRow = Selectable<ZaakverzoekenTable>;

/** The `ZaakVerzoek` resource (zaken-1.7.0.yaml). */
export interface ZaakverzoekJson {
  url: string;
  uuid: string;
  zaak: string;
  verzoek: string;
}

/** The absolute URL of one zaakverzoek. */
export function zaakverzoekUrl(base: string, uuid: string): string {
  return `${base}/zaakverzoeken/${uuid}`;
}

/** A zaakverzoek as API JSON, given the Zaken API's base URL. */
export function presentZaakverzoek(row: ZaakverzoekRow, base: string): ZaakverzoekJson {
  return { url: zaakverzoekUrl(base, row.uuid), uuid: row.uuid, zaak: zaakUrl(base, row.zaak_uuid), verzoek: row.verzoek };
}
