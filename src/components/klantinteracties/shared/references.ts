import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { findRow, type KlantRow, type KlantTable } from './rows.ts';

/** A `…ForeignKey` as a client sends it: the uuid is what counts (the url is read-only). */
export interface Reference {
  uuid?: string;
  url?: string;
}

/**
 * The row a reference in the body points to, within the tenant; a missing one adds a `does_not_exist` problem
 * for the field and gives undefined. `null` (no reference) gives null.
 */
export async function resolveReference<T extends KlantTable>(
  db: Kysely<Database>,
  table: T,
  tenantId: string,
  reference: Reference | null | undefined,
  field: string,
  problems: InvalidParam[],
): Promise<KlantRow<T> | null | undefined> {
  if (reference === null || reference === undefined) return null;
  const uuid = reference.uuid ?? '';
  const row = await findRow(db, table, tenantId, uuid);
  if (!row) problems.push({ name: field, code: 'does_not_exist', reason: `Object met uuid "${uuid}" bestaat niet.` });
  return row;
}

/** `resolveReference` for a list of references; the rows found, in the order given. */
export async function resolveReferences<T extends KlantTable>(
  db: Kysely<Database>,
  table: T,
  tenantId: string,
  references: readonly Reference[],
  field: string,
  problems: InvalidParam[],
): Promise<KlantRow<T>[]> {
  const found: KlantRow<T>[] = [];
  for (const [index, reference] of references.entries()) {
    const row = await resolveReference(db, table, tenantId, reference, `${field}.${index}.uuid`, problems);
    if (row) found.push(row);
  }
  return found;
}
