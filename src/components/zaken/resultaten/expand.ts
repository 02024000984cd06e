import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { parseRelationExpand, presentExpanded, type ExpandableRelations, type Expander } from '../shared/relation-expand.ts';
import { findResultaten } from './repository.ts';
import { presentResultaat, type ResultaatJson, type ResultaatRow } from './present.ts';

/** What a resultaat's `expand` may name (ResultaatEmbedded). */
const RELATIONS = { local: ['zaak', 'resultaattype'], external: [] } as const satisfies ExpandableRelations<string>;
export type ResultaatRelation = (typeof RELATIONS.local)[number];

/** The lookups that expand a resultaat's relations, handed in by whoever owns those objects. */
export type ResultaatExpanders = Partial<Record<ResultaatRelation, Expander>>;

const REFERENCES: Record<ResultaatRelation, (row: ResultaatRow) => string | null> = {
  zaak: (row) => row.zaak_uuid,
  resultaattype: (row) => row.resultaattype_uuid,
};

/** The relations a resultaat request's `expand` asks for (400 for what cannot be expanded). */
export function parseResultaatExpand(value: string | undefined, expanders: ResultaatExpanders): ResultaatRelation[] {
  return parseRelationExpand(value, RELATIONS, expanders);
}

/** Resultaten as API JSON, with `_expand` when relations were asked for. */
export function presentResultaten(
  db: Kysely<Database>,
  tenantId: string,
  rows: readonly ResultaatRow[],
  base: string,
  names: readonly ResultaatRelation[],
  expanders: ResultaatExpanders,
): Promise<ResultaatJson[]> {
  return presentExpanded(db, tenantId, rows, base, (row) => presentResultaat(row, base), names, REFERENCES, expanders);
}

/** The resultaten with these uuids as API JSON, by uuid: the expander for a zaak's `resultaat`. */
export const expandResultaten: Expander = async (db, tenantId, uuids, base) => {
  const rows = await findResultaten(db, tenantId, uuids);
  return new Map(rows.map((row) => [row.uuid, presentResultaat(row, base)]));
};
