import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { presentExpanded, parseRelationExpand, type ExpandableRelations, type Expander } from '../shared/relation-expand.ts';
import { presentZaakinformatieobject, type ZaakinformatieobjectJson, type ZaakinformatieobjectRow } from './present.ts';

/** What a zaakinformatieobject's `expand` may name (ZaakInformatieObjectEmbedded): the document is another API's (zrc-025). */
const RELATIONS = { local: ['zaak', 'status'], external: ['informatieobject'] } as const satisfies ExpandableRelations<string>;
export type ZaakinformatieobjectRelation = (typeof RELATIONS.local)[number];

/** The lookups that expand a zaakinformatieobject's relations, handed in by whoever owns those objects. */
export type ZaakinformatieobjectExpanders = Partial<Record<ZaakinformatieobjectRelation, Expander>>;

const REFERENCES: Record<ZaakinformatieobjectRelation, (row: ZaakinformatieobjectRow) => string | null> = {
  zaak: (row) => row.zaak_uuid,
  status: (row) => row.status_uuid,
};

/** The relations a zaakinformatieobject request's `expand` asks for (400 for what cannot be expanded). */
export function parseZaakinformatieobjectExpand(value: string | undefined, expanders: ZaakinformatieobjectExpanders): ZaakinformatieobjectRelation[] {
  return parseRelationExpand(value, RELATIONS, expanders);
}

/** Zaakinformatieobjecten as API JSON, with `_expand` when relations were asked for. */
export function presentZaakinformatieobjecten(
  db: Kysely<Database>,
  tenantId: string,
  rows: readonly ZaakinformatieobjectRow[],
  base: string,
  names: readonly ZaakinformatieobjectRelation[],
  expanders: ZaakinformatieobjectExpanders,
): Promise<ZaakinformatieobjectJson[]> {
  return presentExpanded(db, tenantId, rows, base, (row) => presentZaakinformatieobject(row, base), names, REFERENCES, expanders);
}
