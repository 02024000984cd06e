import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { parseRelationExpand, presentExpanded, type ExpandableRelations, type Expander } from '../shared/relation-expand.ts';
import { expandLists } from './expand-support.ts';
import { findStatusViews } from './repository.ts';
import { presentStatus, type StatusJson, type StatusView } from './present.ts';

/** What a status's `expand` may name (StatusEmbedded). */
const RELATIONS = { local: ['zaak', 'statustype', 'gezetdoor', 'zaakinformatieobjecten'], external: [] } as const satisfies ExpandableRelations<string>;
export type StatusRelation = (typeof RELATIONS.local)[number];

/** The lookups that expand a status's relations, handed in by whoever owns those objects. */
export type StatusExpanders = Partial<Record<StatusRelation, Expander>>;

type SingleRelation = Exclude<StatusRelation, 'zaakinformatieobjecten'>;

const REFERENCES: Record<SingleRelation, (view: StatusView) => string | null> = {
  zaak: (view) => view.zaak_uuid,
  statustype: (view) => view.statustype_uuid,
  gezetdoor: (view) => view.gezetdoor_rol_uuid,
};

const LISTS = { zaakinformatieobjecten: (view: StatusView) => view.zaakinformatieobject_uuids };

function isSingle(name: StatusRelation): name is SingleRelation {
  return name !== 'zaakinformatieobjecten';
}

/** The relations a status request's `expand` asks for (400 for what cannot be expanded). */
export function parseStatusExpand(value: string | undefined, expanders: StatusExpanders): StatusRelation[] {
  return parseRelationExpand(value, RELATIONS, expanders);
}

/** Statussen as API JSON, with `_expand` when relations were asked for. */
export async function presentStatusViews(
  db: Kysely<Database>,
  tenantId: string,
  views: readonly StatusView[],
  base: string,
  names: readonly StatusRelation[],
  expanders: StatusExpanders,
): Promise<StatusJson[]> {
  const singles = await presentExpanded(db, tenantId, views, base, (view) => presentStatus(view, base), names.filter(isSingle), REFERENCES, expanders);
  return expandLists(db, tenantId, views, singles, base, names, LISTS, expanders);
}

/**
 * The statussen with these uuids as API JSON, by uuid: the expander for every relation that points to a status
 * (a zaak's `status`, a rol's `statussen`).
 */
export const expandStatussen: Expander = async (db, tenantId, uuids, base) => {
  const views = await findStatusViews(db, tenantId, uuids);
  return new Map(views.map((view) => [view.uuid, presentStatus(view, base)]));
};
