import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { parseExpand, withExpansions, type Expander } from '../shared/expand.ts';
import { presentBesluit, type BesluitJson, type BesluitRow } from './present.ts';
import { findBesluiten } from './repository.ts';

/** What a besluit's `expand` may name (BesluitEmbedded). */
export const BESLUIT_RELATIONS = ['besluittype', 'zaak'] as const;
export type BesluitRelation = (typeof BESLUIT_RELATIONS)[number];

/** The lookups that expand a besluit's besluittype and zaak, handed in by the Catalogi and Zaken components. */
export type BesluitExpanders = Partial<Record<BesluitRelation, Expander>>;

const REFERENCES: Record<BesluitRelation, (row: BesluitRow) => string | null> = {
  besluittype: (row) => row.besluittype_uuid,
  zaak: (row) => row.zaak_uuid,
};

/** The relations a besluit request's `expand` asks for, with the paths below each (400 for what cannot be expanded). */
export function parseBesluitExpand(value: string | undefined, expanders: BesluitExpanders): Map<BesluitRelation, string | undefined> {
  return parseExpand(value, BESLUIT_RELATIONS, (name) => expanders[name] !== undefined);
}

/** Besluiten as API JSON (`base` is the Besluiten API's base URL), with `_expand` when relations were asked for. */
export function presentBesluiten(
  db: Kysely<Database>,
  tenantId: string,
  rows: readonly BesluitRow[],
  base: string,
  asked: ReadonlyMap<BesluitRelation, string | undefined>,
  expanders: BesluitExpanders,
): Promise<BesluitJson[]> {
  return withExpansions(db, tenantId, base, rows, rows.map((row) => presentBesluit(row, base)), asked, REFERENCES, expanders);
}

/**
 * Expands besluiten for the resources that point to one (besluitinformatieobject, zaakbesluit). `base` must be the
 * Besluiten API's base URL; deeper paths (`besluit.besluittype`) expand the besluit's own relations.
 */
export function besluitExpander(expanders: BesluitExpanders): Expander {
  return async (db, tenantId, uuids, base, below) => {
    const asked = parseBesluitExpand(below, expanders);
    const rows = await findBesluiten(db, tenantId, uuids);
    const presented = await presentBesluiten(db, tenantId, rows, base, asked, expanders);
    return new Map(rows.map((row, index) => [row.uuid, presented[index]]));
  };
}
