import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { parseRelationExpand, presentExpanded, type ExpandableRelations, type Expander } from '../shared/relation-expand.ts';
import { expandLists } from '../statussen/expand-support.ts';
import { findRolViews } from './repository.ts';
import { presentRol, type RolJson, type RolView } from './present.ts';

/** What a rol's `expand` may name (RolEmbedded): `betrokkene` lives in another API (zrc-025). */
const RELATIONS = { local: ['zaak', 'roltype', 'statussen'], external: ['betrokkene'] } as const satisfies ExpandableRelations<string>;
export type RolRelation = (typeof RELATIONS.local)[number];

/** The lookups that expand a rol's relations, handed in by whoever owns those objects. */
export type RolExpanders = Partial<Record<RolRelation, Expander>>;

type SingleRelation = Exclude<RolRelation, 'statussen'>;

const REFERENCES: Record<SingleRelation, (view: RolView) => string | null> = {
  zaak: (view) => view.zaak_uuid,
  roltype: (view) => view.roltype_uuid,
};

const LISTS = { statussen: (view: RolView) => view.status_uuids };

function isSingle(name: RolRelation): name is SingleRelation {
  return name !== 'statussen';
}

/** The relations a rol request's `expand` asks for (400 for what cannot be expanded). */
export function parseRolExpand(value: string | undefined, expanders: RolExpanders): RolRelation[] {
  return parseRelationExpand(value, RELATIONS, expanders);
}

/** Rollen as API JSON, with `_expand` when relations were asked for. */
export async function presentRolViews(
  db: Kysely<Database>,
  tenantId: string,
  views: readonly RolView[],
  base: string,
  names: readonly RolRelation[],
  expanders: RolExpanders,
): Promise<RolJson[]> {
  const singles = await presentExpanded(db, tenantId, views, base, (view) => presentRol(view, base), names.filter(isSingle), REFERENCES, expanders);
  return expandLists(db, tenantId, views, singles, base, names, LISTS, expanders);
}

/**
 * The rollen with these uuids as API JSON, by uuid: the expander for every relation that points to a rol (a zaak's
 * `rollen`, a status's `gezetdoor`). A caller that shows a natuurlijk persoon this way logs it in the processing log.
 */
export const expandRollen: Expander = async (db, tenantId, uuids, base) => {
  const views = await findRolViews(db, tenantId, uuids);
  return new Map(views.map((view) => [view.uuid, presentRol(view, base)]));
};
