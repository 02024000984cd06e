import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { expandObjects, type ExpandKind, type ExpandTree } from '../../catalogi/shared/expand.ts';
import { amsterdamDate } from '../../catalogi/shared/geldigheid.ts';
import { catalogiBaseUrlFrom } from '../shared/urls.ts';

/*
 * Catalogue types in a zaak's `_expand` (zaaktype, status.statustype, rollen.roltype, …), exactly as the Catalogi API
 * presents and expands them. The Catalogi API's expand loads a type through a relation of another type; a zaaktype
 * relates to every kind a zaak needs, so the wanted URLs are handed to it as such a relation of a bare carrier object.
 */

/** The kinds a zaak's relations lead to, with the zaaktype relation (and Catalogi collection) that holds them. */
const VIA_ZAAKTYPE = {
  zaaktype: { relation: 'deelzaaktypen', collection: 'zaaktypen' },
  statustype: { relation: 'statustypen', collection: 'statustypen' },
  resultaattype: { relation: 'resultaattypen', collection: 'resultaattypen' },
  roltype: { relation: 'roltypen', collection: 'roltypen' },
  eigenschap: { relation: 'eigenschappen', collection: 'eigenschappen' },
  zaakobjecttype: { relation: 'zaakobjecttypen', collection: 'zaakobjecttypen' },
} as const satisfies Partial<Record<ExpandKind, { relation: string; collection: string }>>;

export type ZaakCatalogusKind = keyof typeof VIA_ZAAKTYPE;

type Json = Record<string, unknown>;

/**
 * The catalogue objects of one kind with these uuids, as the Catalogi API beside this Zaken API presents them (with
 * `_expand` for `below`), by uuid. Unknown uuids are left out.
 */
export async function loadCatalogusObjects(
  db: Kysely<Database>,
  tenantId: string,
  zakenBase: string,
  kind: ZaakCatalogusKind,
  uuids: readonly string[],
  below: ExpandTree,
): Promise<Map<string, Json>> {
  if (uuids.length === 0) return new Map();
  const base = catalogiBaseUrlFrom(zakenBase);
  const { relation, collection } = VIA_ZAAKTYPE[kind];
  const carrier: Json = { [relation]: [...new Set(uuids)].map((uuid) => `${base}/${collection}/${uuid}`) };
  await expandObjects({ db, tenantId, base, date: amsterdamDate() }, 'zaaktype', [carrier], new Map([[relation, below]]));
  const expanded = (carrier._expand as Json | undefined)?.[relation];
  const objects = Array.isArray(expanded) ? (expanded as Json[]) : [];
  return new Map(objects.map((object) => [String(object.url).split('/').pop() ?? '', object]));
}
