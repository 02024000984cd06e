import type { Selectable } from 'kysely';
import type { RollenTable } from '../../../platform/database/tables/zaken.ts';
import { catalogiBaseUrlFrom, zaakUrl } from '../shared/urls.ts';
import type { ContactpersoonRol } from './schemas.ts';

/** A stored rol. */
export type RolRow = Selectable<RollenTable>;

/** A rol with what its JSON derives from other rows: its roltype's omschrijving and the statussen it set. */
export interface RolView extends RolRow {
  omschrijving: string;
  status_uuids: readonly string[];
}

/** What `rollen.data` holds besides the columns. */
export interface RolData {
  betrokkeneIdentificatie?: Record<string, unknown>;
  afwijkendeNaamBetrokkene?: string;
  roltoelichting?: string;
  indicatieMachtiging?: string;
  contactpersoonRol?: ContactpersoonRol | null;
}

/** The `Rol` resource (zaken-1.7.0.yaml, polymorphic on betrokkeneType), with `_expand` when asked for. */
export interface RolJson {
  url: string;
  uuid: string;
  zaak: string;
  /** Left out when the betrokkene is identified only by betrokkeneIdentificatie (`format: uri` has no empty value). */
  betrokkene?: string;
  betrokkeneType: string;
  afwijkendeNaamBetrokkene: string;
  roltype: string;
  omschrijving: string;
  omschrijvingGeneriek: string;
  roltoelichting: string;
  registratiedatum: string;
  indicatieMachtiging: string;
  contactpersoonRol: ContactpersoonRol | null;
  statussen: string[];
  betrokkeneIdentificatie?: Record<string, unknown>;
  _expand?: Record<string, unknown>;
}

/** The absolute URL of one rol. */
export function rolUrl(base: string, uuid: string): string {
  return `${base}/rollen/${uuid}`;
}

/** The Catalogi API URL of a roltype beside this Zaken API. */
export function roltypeUrl(base: string, uuid: string): string {
  return `${catalogiBaseUrlFrom(base)}/roltypen/${uuid}`;
}

/** The row's `data` as what it holds. */
export function rolData(row: Pick<RolRow, 'data'>): RolData {
  return row.data as RolData;
}

/**
 * A rol as API JSON, given the Zaken API's base URL (e.g. `https://host/zaken/api/v1`). Also what the ZAAK
 * resource's `expand=rollen` shows.
 */
export function presentRol(view: RolView, base: string): RolJson {
  const data = rolData(view);
  const json: RolJson = {
    url: rolUrl(base, view.uuid),
    uuid: view.uuid,
    zaak: zaakUrl(base, view.zaak_uuid),
    betrokkeneType: view.betrokkene_type,
    afwijkendeNaamBetrokkene: data.afwijkendeNaamBetrokkene ?? '',
    roltype: roltypeUrl(base, view.roltype_uuid),
    omschrijving: view.omschrijving,
    omschrijvingGeneriek: view.omschrijving_generiek,
    roltoelichting: data.roltoelichting ?? '',
    registratiedatum: new Date(view.registratiedatum).toISOString(),
    indicatieMachtiging: data.indicatieMachtiging ?? '',
    contactpersoonRol: data.contactpersoonRol ?? null,
    statussen: view.status_uuids.map((uuid) => `${base}/statussen/${uuid}`),
  };
  if (view.betrokkene !== '') json.betrokkene = view.betrokkene;
  if (data.betrokkeneIdentificatie !== undefined) json.betrokkeneIdentificatie = data.betrokkeneIdentificatie;
  return json;
}

/** How a rol is named in the audit trail: its omschrijving and kind of betrokkene, never the person's identity. */
export function rolWeergave(view: Pick<RolView, 'omschrijving' | 'betrokkene_type'>): string {
  return `${view.omschrijving} (${view.betrokkene_type})`.slice(0, 200);
}
