import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ZaakRelations } from './present.ts';

/*
 * The relations a zaak lists as URLs, read straight from their tables for a whole page of zaken at once: one query
 * per relation (each an index lookup on the page's zaak uuids), sent to the database as one statement, so a page
 * costs one round trip whatever its size.
 */

type RelationKind = 'status' | 'resultaat' | 'rol' | 'zaakeigenschap' | 'zaakinformatieobject' | 'zaakobject' | 'deelzaak';

/** The relations of each of these zaken, by zaak uuid (every uuid present, also without relations). */
export async function zaakRelations(db: Kysely<Database>, tenantId: string, zaakUuids: readonly string[]): Promise<Map<string, ZaakRelations>> {
  const relations = new Map<string, ZaakRelations>(
    zaakUuids.map((uuid) => [uuid, { status: null, resultaat: null, rollen: [], eigenschappen: [], zaakinformatieobjecten: [], zaakobjecten: [], deelzaken: [] }]),
  );
  if (zaakUuids.length === 0) return relations;
  const uuids = sql.join([...new Set(zaakUuids)]);
  const result = await sql<{ kind: RelationKind; zaak_uuid: string; uuid: string }>`
    SELECT kind, zaak_uuid, uuid FROM (
      -- The current status: the latest datumStatusGezet (statussen_zaak index).
      SELECT * FROM (
        SELECT DISTINCT ON (zaak_uuid) 'status' AS kind, zaak_uuid, uuid, created_at FROM statussen
        WHERE tenant_id = ${tenantId} AND zaak_uuid IN (${uuids})
        ORDER BY zaak_uuid, datum_status_gezet DESC, created_at DESC
      ) AS current_status
      UNION ALL SELECT 'resultaat', zaak_uuid, uuid, created_at FROM resultaten WHERE tenant_id = ${tenantId} AND zaak_uuid IN (${uuids})
      UNION ALL SELECT 'rol', zaak_uuid, uuid, created_at FROM rollen WHERE tenant_id = ${tenantId} AND zaak_uuid IN (${uuids})
      UNION ALL SELECT 'zaakeigenschap', zaak_uuid, uuid, created_at FROM zaakeigenschappen WHERE tenant_id = ${tenantId} AND zaak_uuid IN (${uuids})
      UNION ALL SELECT 'zaakinformatieobject', zaak_uuid, uuid, created_at FROM zaakinformatieobjecten WHERE tenant_id = ${tenantId} AND zaak_uuid IN (${uuids})
      UNION ALL SELECT 'zaakobject', zaak_uuid, uuid, created_at FROM zaakobjecten WHERE tenant_id = ${tenantId} AND zaak_uuid IN (${uuids})
      UNION ALL SELECT 'deelzaak', hoofdzaak_uuid, uuid, created_at FROM zaken WHERE tenant_id = ${tenantId} AND hoofdzaak_uuid IN (${uuids})
    ) AS relation
    ORDER BY created_at, uuid`.execute(db);
  for (const row of result.rows) {
    const own = relations.get(row.zaak_uuid);
    if (!own) continue;
    switch (row.kind) {
      case 'status':
        own.status = row.uuid;
        break;
      case 'resultaat':
        own.resultaat = row.uuid;
        break;
      case 'rol':
        own.rollen.push(row.uuid);
        break;
      case 'zaakeigenschap':
        own.eigenschappen.push(row.uuid);
        break;
      case 'zaakinformatieobject':
        own.zaakinformatieobjecten.push(row.uuid);
        break;
      case 'zaakobject':
        own.zaakobjecten.push(row.uuid);
        break;
      case 'deelzaak':
        own.deelzaken.push(row.uuid);
        break;
    }
  }
  return relations;
}
