import type { Selectable } from 'kysely';
import type { ResultatenTable } from '../../../platform/database/tables/zaken.ts';
import { catalogiBaseUrlFrom, zaakUrl } from '../shared/urls.ts';

/** A stored resultaat. */
export type ResultaatRow = Selectable<ResultatenTable>;

/** The `Resultaat` resource (zaken-1.7.0.yaml), with `_expand` when asked for. */
export interface ResultaatJson {
  url: string;
  uuid: string;
  zaak: string;
  resultaattype: string;
  toelichting: string;
  _expand?: Record<string, unknown>;
}

/** The absolute URL of one resultaat. */
export function resultaatUrl(base: string, uuid: string): string {
  return `${base}/resultaten/${uuid}`;
}

/** The Catalogi API URL of a resultaattype beside this Zaken API. */
export function resultaattypeUrl(base: string, uuid: string): string {
  return `${catalogiBaseUrlFrom(base)}/resultaattypen/${uuid}`;
}

/**
 * A resultaat as API JSON, given the Zaken API's base URL (e.g. `https://host/zaken/api/v1`). Also what the ZAAK
 * resource's `expand=resultaat` shows.
 */
export function presentResultaat(row: ResultaatRow, base: string): ResultaatJson {
  return {
    url: resultaatUrl(base, row.uuid),
    uuid: row.uuid,
    zaak: zaakUrl(base, row.zaak_uuid),
    resultaattype: resultaattypeUrl(base, row.resultaattype_uuid),
    toelichting: row.toelichting,
  };
}

/** How a resultaat is named in the audit trail. */
export function resultaatWeergave(row: ResultaatRow): string {
  return row.toelichting === '' ? 'Resultaat van de zaak' : `Resultaat: ${row.toelichting}`.slice(0, 200);
}
