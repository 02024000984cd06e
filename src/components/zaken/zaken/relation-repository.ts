import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ZaakRelations } from './present.ts';

/*
 * The relations a zaak lists as URLs, read straight from their tables for a whole page of zaken at once: one query
 * per relation, each an index lookup on the page's zaak uuids (passed as one array, so the plan stays small).
 * Separate statements rather than one UNION: together they look costly enough for PostgreSQL to start parallel
 * workers, which costs more than the few milliseconds of work it splits.
 */

interface RelationRow {
  zaak_uuid: string;
  uuid: string;
}

/** The page's zaak uuids as one `uuid[]` parameter (text, cast in SQL, as both PostgreSQL drivers take it). */
function uuidArray(uuids: readonly string[]): RawBuilder<string[]> {
  return sql<string[]>`${`{${uuids.join(',')}}`}::uuid[]`;
}

async function rows(db: Kysely<Database>, query: RawBuilder<RelationRow>): Promise<RelationRow[]> {
  return (await query.execute(db)).rows;
}

/** The relations of each of these zaken, by zaak uuid (every uuid present, also without relations). */
export async function zaakRelations(db: Kysely<Database>, tenantId: string, zaakUuids: readonly string[]): Promise<Map<string, ZaakRelations>> {
  const relations = new Map<string, ZaakRelations>(
    zaakUuids.map((uuid) => [uuid, { status: null, resultaat: null, rollen: [], eigenschappen: [], zaakinformatieobjecten: [], zaakobjecten: [], deelzaken: [] }]),
  );
  if (zaakUuids.length === 0) return relations;
  const page = uuidArray([...new Set(zaakUuids)]);
  const ofPage = (table: string) =>
    rows(db, sql<RelationRow>`SELECT zaak_uuid, uuid FROM ${sql.table(table)} WHERE tenant_id = ${tenantId} AND zaak_uuid = ANY(${page}) ORDER BY created_at, uuid`);
  // The current status is the latest datumStatusGezet (statussen_zaak index).
  const statussen = await rows(
    db,
    sql<RelationRow>`SELECT DISTINCT ON (zaak_uuid) zaak_uuid, uuid FROM statussen WHERE tenant_id = ${tenantId} AND zaak_uuid = ANY(${page})
      ORDER BY zaak_uuid, datum_status_gezet DESC, created_at DESC`,
  );
  const resultaten = await rows(db, sql<RelationRow>`SELECT zaak_uuid, uuid FROM resultaten WHERE tenant_id = ${tenantId} AND zaak_uuid = ANY(${page})`);
  const rollen = await ofPage('rollen');
  const eigenschappen = await ofPage('zaakeigenschappen');
  const zaakinformatieobjecten = await ofPage('zaakinformatieobjecten');
  const zaakobjecten = await ofPage('zaakobjecten');
  const deelzaken = await rows(
    db,
    sql<RelationRow>`SELECT hoofdzaak_uuid AS zaak_uuid, uuid FROM zaken WHERE tenant_id = ${tenantId} AND hoofdzaak_uuid = ANY(${page}) ORDER BY created_at, uuid`,
  );
  const each = (found: readonly RelationRow[], add: (own: ZaakRelations, uuid: string) => void) => {
    for (const row of found) {
      const own = relations.get(row.zaak_uuid);
      if (own) add(own, row.uuid);
    }
  };
  each(statussen, (own, uuid) => (own.status = uuid));
  each(resultaten, (own, uuid) => (own.resultaat = uuid));
  each(rollen, (own, uuid) => own.rollen.push(uuid));
  each(eigenschappen, (own, uuid) => own.eigenschappen.push(uuid));
  each(zaakinformatieobjecten, (own, uuid) => own.zaakinformatieobjecten.push(uuid));
  each(zaakobjecten, (own, uuid) => own.zaakobjecten.push(uuid));
  each(deelzaken, (own, uuid) => own.deelzaken.push(uuid));
  return relations;
}
