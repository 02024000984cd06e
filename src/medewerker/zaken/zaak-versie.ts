import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';

/*
 * A fingerprint of the zaak's course (latest status, resultaat, besluiten, opschorting, verlenging, einddatum). Every
 * action form carries the fingerprint it was rendered with; a POST whose fingerprint no longer matches changed
 * nothing, so a double submit, a second tab or a colleague's change in between never applies an action twice or
 * on a state the member did not see.
 */
export async function zaakVersie(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<string> {
  const row = await db
    .selectFrom('zaken as z')
    .select(
      sql<string>`concat_ws('|',
        z.einddatum::text,
        z.data->'opschorting'->>'indicatie',
        z.data->'verlenging'->>'duur',
        (SELECT s.uuid::text FROM statussen s WHERE s.zaak_uuid = z.uuid ORDER BY s.datum_status_gezet DESC LIMIT 1),
        (SELECT r.uuid::text FROM resultaten r WHERE r.zaak_uuid = z.uuid LIMIT 1),
        (SELECT count(*)::text FROM besluiten b WHERE b.zaak_uuid = z.uuid),
        (SELECT count(*)::text FROM zaak_opschortingen o WHERE o.zaak_uuid = z.uuid))`.as('staat'),
    )
    .where('z.tenant_id', '=', tenantId)
    .where('z.uuid', '=', zaakUuid)
    .executeTakeFirst();
  return createHash('sha256')
    .update(row?.staat ?? '')
    .digest('base64url')
    .slice(0, 22);
}
