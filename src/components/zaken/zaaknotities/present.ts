import type { Selectable } from 'kysely';
import type { ZaaknotitiesTable } from '../../../platform/database/tables/zaken.ts';
import { zaakUrl } from '../shared/urls.ts';

/** A stored zaaknotitie. */
export type ZaaknotitieRow = Selectable<ZaaknotitiesTable>;

/** The `ZaakNotitie` resource (zaken-1.7.0.yaml, experimental there). It carries no `uuid` field; its url ends in one. */
export interface ZaaknotitieJson {
  url: string;
  onderwerp: string;
  tekst: string;
  aangemaaktDoor: string;
  notitieType: string;
  status: string;
  aanmaakdatum: string;
  wijzigingsdatum: string;
  gerelateerdAan: string;
}

/** The absolute URL of one zaaknotitie. */
export function zaaknotitieUrl(base: string, uuid: string): string {
  return `${base}/zaaknotities/${uuid}`;
}

/** A zaaknotitie as API JSON, given the Zaken API's base URL. */
export function presentZaaknotitie(row: ZaaknotitieRow, base: string): ZaaknotitieJson {
  return {
    url: zaaknotitieUrl(base, row.uuid),
    onderwerp: row.onderwerp,
    tekst: row.tekst,
    aangemaaktDoor: row.aangemaakt_door,
    notitieType: row.notitie_type,
    status: row.status,
    aanmaakdatum: new Date(row.aanmaakdatum).toISOString(),
    wijzigingsdatum: new Date(row.wijzigingsdatum).toISOString(),
    gerelateerdAan: zaakUrl(base, row.zaak_uuid),
  };
}
