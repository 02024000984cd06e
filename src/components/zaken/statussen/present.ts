import type { Selectable } from 'kysely';
import type { StatussenTable } from '../../../platform/database/tables/zaken.ts';
import { catalogiBaseUrlFrom, zaakUrl } from '../shared/urls.ts';

/** A stored status. */
export type StatusRow = Selectable<StatussenTable>;

/** A status with what its JSON derives from other rows: whether it is the zaak's latest, and the documents set with it. */
export interface StatusView extends StatusRow {
  /** Whether no status of the same zaak has a later datumStatusGezet. */
  indicatie_laatst_gezette_status: boolean;
  /** The zaakinformatieobjecten whose `status` is this status. */
  zaakinformatieobject_uuids: readonly string[];
}

/** The `Status` resource (zaken-1.7.0.yaml), with `_expand` when asked for. */
export interface StatusJson {
  url: string;
  uuid: string;
  zaak: string;
  statustype: string;
  datumStatusGezet: string;
  statustoelichting: string;
  indicatieLaatstGezetteStatus: boolean;
  /** Left out when no rol is known: the spec types it `format: uri` without null. */
  gezetdoor?: string;
  zaakinformatieobjecten: string[];
  _expand?: Record<string, unknown>;
}

/** The absolute URL of one status. */
export function statusUrl(base: string, uuid: string): string {
  return `${base}/statussen/${uuid}`;
}

/** The Catalogi API URL of a statustype beside this Zaken API. */
export function statustypeUrl(base: string, uuid: string): string {
  return `${catalogiBaseUrlFrom(base)}/statustypen/${uuid}`;
}

/**
 * A status as API JSON, given the Zaken API's base URL (e.g. `https://host/zaken/api/v1`). Also what the ZAAK
 * resource's `expand=status` shows.
 */
export function presentStatus(view: StatusView, base: string): StatusJson {
  const json: StatusJson = {
    url: statusUrl(base, view.uuid),
    uuid: view.uuid,
    zaak: zaakUrl(base, view.zaak_uuid),
    statustype: statustypeUrl(base, view.statustype_uuid),
    datumStatusGezet: new Date(view.datum_status_gezet).toISOString(),
    statustoelichting: view.statustoelichting,
    indicatieLaatstGezetteStatus: view.indicatie_laatst_gezette_status,
    zaakinformatieobjecten: view.zaakinformatieobject_uuids.map((uuid) => `${base}/zaakinformatieobjecten/${uuid}`),
  };
  if (view.gezetdoor_rol_uuid !== null) json.gezetdoor = `${base}/rollen/${view.gezetdoor_rol_uuid}`;
  return json;
}

/** How a status is named in the audit trail: its moment, and the explanation when there is one. */
export function statusWeergave(view: StatusRow): string {
  const moment = new Date(view.datum_status_gezet).toISOString();
  return view.statustoelichting === '' ? `Status gezet op ${moment}` : `Status gezet op ${moment}: ${view.statustoelichting}`.slice(0, 200);
}
