import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { uuidInCollection } from '../shared/urls.ts';

/*
 * URLs from one part to another part of the same zaaktype: an eigenschap's statustype, a statustype's
 * eigenschappen, a zaaktype-informatieobjecttype's statustype. Such a relation only means something inside one
 * zaaktype, so a part of another zaaktype is refused (`zaaktype-mismatch`, as the Zaken API names it).
 */

/** The collections a part refers to within its zaaktype. */
export type SiblingCollection = 'statustypen' | 'eigenschappen';

const LABELS: Record<SiblingCollection, string> = { statustypen: 'statustype', eigenschappen: 'eigenschap' };

/** The uuid a URL names among the parts of the zaaktype, or the problem at `field`. */
export async function resolveSibling(
  db: Kysely<Database>,
  tenantId: string,
  base: string,
  collection: SiblingCollection,
  url: string,
  zaaktypeUuid: string,
  field: string,
): Promise<{ uuid: string } | { problem: InvalidParam }> {
  const label = LABELS[collection];
  const uuid = uuidInCollection(base, collection, url);
  if (uuid === undefined) return { problem: { name: field, code: 'bad-url', reason: `Geef de URL van een ${label} van deze API op (${base}/${collection}/…).` } };
  const { rows } = await sql<{ zaaktype_uuid: string }>`SELECT zaaktype_uuid FROM ${sql.table(collection)} WHERE tenant_id = ${tenantId} AND uuid = ${uuid}`.execute(db);
  const found = rows[0];
  if (!found) return { problem: { name: field, code: 'does_not_exist', reason: `${label.charAt(0).toUpperCase()}${label.slice(1)} ${uuid} bestaat niet.` } };
  if (found.zaaktype_uuid !== zaaktypeUuid) return { problem: { name: field, code: 'zaaktype-mismatch', reason: `Dit ${label} hoort bij een ander zaaktype.` } };
  return { uuid };
}

/** Resolves a list of sibling URLs; the problems name their position (`eigenschappen.1`). */
export async function resolveSiblings(
  db: Kysely<Database>,
  tenantId: string,
  base: string,
  collection: SiblingCollection,
  urls: readonly string[],
  zaaktypeUuid: string,
  field: string,
): Promise<{ uuids: string[]; problems: InvalidParam[] }> {
  const uuids: string[] = [];
  const problems: InvalidParam[] = [];
  for (const [index, url] of urls.entries()) {
    const resolved = await resolveSibling(db, tenantId, base, collection, url, zaaktypeUuid, `${field}.${index}`);
    if ('problem' in resolved) problems.push(resolved.problem);
    else if (!uuids.includes(resolved.uuid)) uuids.push(resolved.uuid);
  }
  return { uuids, problems };
}
