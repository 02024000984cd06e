import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { presentExpanded, parseRelationExpand, type ExpandableRelations, type Expander } from '../shared/relation-expand.ts';
import { presentZaakobject, type ZaakobjectJson, type ZaakobjectRow } from './present.ts';

/** What a zaakobject's `expand` may name (ZaakObjectEmbedded): `object` lives in another API (zrc-025). */
const RELATIONS = { local: ['zaak', 'zaakobjecttype'], external: ['object'] } as const satisfies ExpandableRelations<string>;
export type ZaakobjectRelation = (typeof RELATIONS.local)[number];

/** The lookups that expand a zaakobject's relations, handed in by whoever owns those objects. */
export type ZaakobjectExpanders = Partial<Record<ZaakobjectRelation, Expander>>;

const REFERENCES: Record<ZaakobjectRelation, (row: ZaakobjectRow) => string | null> = {
  zaak: (row) => row.zaak_uuid,
  zaakobjecttype: (row) => row.zaakobjecttype_uuid,
};

/** The relations a zaakobject request's `expand` asks for (400 for what cannot be expanded). */
export function parseZaakobjectExpand(value: string | undefined, expanders: ZaakobjectExpanders): ZaakobjectRelation[] {
  return parseRelationExpand(value, RELATIONS, expanders);
}

/** Zaakobjecten as API JSON, with `_expand` when relations were asked for. */
export function presentZaakobjecten(
  db: Kysely<Database>,
  tenantId: string,
  rows: readonly ZaakobjectRow[],
  base: string,
  names: readonly ZaakobjectRelation[],
  expanders: ZaakobjectExpanders,
): Promise<ZaakobjectJson[]> {
  return presentExpanded(db, tenantId, rows, base, (row) => presentZaakobject(row, base), names, REFERENCES, expanders);
}
