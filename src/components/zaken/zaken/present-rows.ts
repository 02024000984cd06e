import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ZaakRow } from '../shared/zaak-reference.ts';
import { NO_RELATIONS, presentZaak, type ZaakJson } from './present.ts';
import { zaakRelations } from './relation-repository.ts';

/** Zaken as API JSON with their relations, read in one round trip for all of them. */
export async function presentZaakRows(db: Kysely<Database>, tenantId: string, rows: readonly ZaakRow[], base: string): Promise<ZaakJson[]> {
  const relations = await zaakRelations(db, tenantId, rows.map((row) => row.uuid));
  return rows.map((row) => presentZaak(row, relations.get(row.uuid) ?? NO_RELATIONS, base));
}
