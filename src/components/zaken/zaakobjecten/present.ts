import type { Selectable } from 'kysely';
import type { ZaakobjectenTable } from '../../../platform/database/tables/zaken.ts';
import { catalogiBaseUrlFrom, zaakUrl } from '../shared/urls.ts';

/** A stored zaakobject. */
export type ZaakobjectRow = Selectable<ZaakobjectenTable>;

/** `objectTypeOverigeDefinitie`: where the schema of an `overige` object type lives. */
export interface ObjectTypeOverigeDefinitie {
  url: string;
  schema: string;
  objectData: string;
}

/** What `zaakobjecten.data` holds besides the columns. */
export interface ZaakobjectData {
  objectIdentificatie?: Record<string, unknown>;
  objectTypeOverigeDefinitie?: ObjectTypeOverigeDefinitie | null;
}

/** The `ZaakObject` resource (zaken-1.7.0.yaml), with `_expand` when asked for. */
export interface ZaakobjectJson {
  url: string;
  uuid: string;
  zaak: string;
  /** Left out when none is known: the spec types it `format: uri`, which an empty string does not satisfy. */
  object?: string;
  zaakobjecttype?: string;
  objectType: string;
  /** Left out when empty: the spec's pattern needs at least one letter. */
  objectTypeOverige?: string;
  objectTypeOverigeDefinitie: ObjectTypeOverigeDefinitie | null;
  relatieomschrijving: string;
  objectIdentificatie?: Record<string, unknown>;
  _expand?: Record<string, unknown>;
}

/** The absolute URL of one zaakobject. */
export function zaakobjectUrl(base: string, uuid: string): string {
  return `${base}/zaakobjecten/${uuid}`;
}

/** The Catalogi API URL of a zaakobjecttype beside this Zaken API. */
export function zaakobjecttypeUrl(base: string, uuid: string): string {
  return `${catalogiBaseUrlFrom(base)}/zaakobjecttypen/${uuid}`;
}

/** The row's `data` as what it holds. */
export function zaakobjectData(row: Pick<ZaakobjectRow, 'data'>): ZaakobjectData {
  return row.data as ZaakobjectData;
}

/** A zaakobject as API JSON, given the Zaken API's base URL (e.g. `https://host/zaken/api/v1`). */
export function presentZaakobject(row: ZaakobjectRow, base: string): ZaakobjectJson {
  const data = zaakobjectData(row);
  const json: ZaakobjectJson = {
    url: zaakobjectUrl(base, row.uuid),
    uuid: row.uuid,
    zaak: zaakUrl(base, row.zaak_uuid),
    objectType: row.object_type,
    objectTypeOverigeDefinitie: data.objectTypeOverigeDefinitie ?? null,
    relatieomschrijving: row.relatieomschrijving,
  };
  if (row.object !== '') json.object = row.object;
  if (row.zaakobjecttype_uuid !== null) json.zaakobjecttype = zaakobjecttypeUrl(base, row.zaakobjecttype_uuid);
  if (row.object_type_overige !== '') json.objectTypeOverige = row.object_type_overige;
  if (data.objectIdentificatie !== undefined) json.objectIdentificatie = data.objectIdentificatie;
  return json;
}

/** How a zaakobject is named in the audit trail. */
export function zaakobjectWeergave(row: ZaakobjectRow): string {
  const type = row.object_type === 'overige' && row.object_type_overige !== '' ? row.object_type_overige : row.object_type;
  return row.relatieomschrijving !== '' ? `${type}: ${row.relatieomschrijving}` : type;
}
