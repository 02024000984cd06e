import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { versionsByName } from '../shared/repository.ts';
import { uuidInCollection } from '../shared/urls.ts';

/*
 * Relations from a part to besluittypen and informatieobjecttypen. Catalogi 1.3 names those types by their
 * omschrijving, so that a relation holds for every version (the resultaattype's `besluittypen` and
 * `informatieobjecttypen`, the zaaktype-informatieobjecttype's `informatieobjecttype`). A client that still sends
 * the URL of one version (as 1.2 did, or echoing a GET response) is understood too: the URL stands for that
 * version's omschrijving. Either way the type must be in the zaaktype's catalogus (ztc-013).
 */

/** The versioned types a part names. */
export type NamedTypeCollection = 'besluittypen' | 'informatieobjecttypen';

const LABELS: Record<NamedTypeCollection, string> = { besluittypen: 'besluittype', informatieobjecttypen: 'informatieobjecttype' };

/** Whether the text is an absolute URL. */
export function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** One value to read, and where its problems are reported. */
interface NamedValue {
  value: string;
  at: string;
}

/**
 * The omschrijvingen the values stand for, in order and without duplicates, and the problems of the values that
 * name no type in the catalogus.
 */
async function resolve(
  db: Kysely<Database>,
  tenantId: string,
  base: string,
  collection: NamedTypeCollection,
  catalogusUuid: string,
  values: readonly NamedValue[],
): Promise<{ names: string[]; problems: InvalidParam[] }> {
  const label = LABELS[collection];
  const problems: InvalidParam[] = [];
  const named: { name: string; at: string }[] = [];
  for (const { value, at } of values) {
    if (!isUrl(value)) {
      named.push({ name: value, at });
      continue;
    }
    const uuid = uuidInCollection(base, collection, value);
    if (uuid === undefined) {
      problems.push({ name: at, code: 'bad-url', reason: `Geef de omschrijving of de URL van een ${label} van deze API op.` });
      continue;
    }
    const { rows } = await sql<{ omschrijving: string; catalogus_uuid: string }>`
      SELECT omschrijving, catalogus_uuid FROM ${sql.table(collection)} WHERE tenant_id = ${tenantId} AND uuid = ${uuid}`.execute(db);
    const found = rows[0];
    if (!found) problems.push({ name: at, code: 'does_not_exist', reason: `${label.charAt(0).toUpperCase()}${label.slice(1)} ${uuid} bestaat niet.` });
    else if (found.catalogus_uuid !== catalogusUuid) problems.push({ name: at, code: 'relations-incorrect-catalogus', reason: `Dit ${label} hoort bij een andere catalogus dan het zaaktype.` });
    else named.push({ name: found.omschrijving, at });
  }
  const known = new Set((await versionsByName(db, tenantId, collection, catalogusUuid, named.map((item) => item.name))).map((version) => version.name));
  for (const { name, at } of named) {
    if (!known.has(name)) {
      problems.push({ name: at, code: 'relations-incorrect-catalogus', reason: `De catalogus van het zaaktype heeft geen ${label} met omschrijving "${name}".` });
    }
  }
  return { names: [...new Set(named.map((item) => item.name))], problems };
}

/** A list of type names or URLs (`besluittypen`): the omschrijvingen, problems at `field.index`. */
export async function resolveTypeNames(
  db: Kysely<Database>,
  tenantId: string,
  base: string,
  collection: NamedTypeCollection,
  catalogusUuid: string,
  values: readonly string[],
  field: string,
): Promise<{ names: string[]; problems: InvalidParam[] }> {
  return resolve(db, tenantId, base, collection, catalogusUuid, values.map((value, index) => ({ value, at: `${field}.${index}` })));
}

/** One type name or URL (`informatieobjecttype`): its omschrijving, or the problem at `field`. */
export async function resolveTypeName(
  db: Kysely<Database>,
  tenantId: string,
  base: string,
  collection: NamedTypeCollection,
  catalogusUuid: string,
  value: string,
  field: string,
): Promise<{ name: string } | { problem: InvalidParam }> {
  const { names, problems } = await resolve(db, tenantId, base, collection, catalogusUuid, [{ value, at: field }]);
  const [problem] = problems;
  const [name] = names;
  if (problem) return { problem };
  if (name === undefined) throw new Error('a type name resolved to nothing');
  return { name };
}
