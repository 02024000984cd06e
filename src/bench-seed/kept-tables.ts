import type pg from 'pg';

/*
 * Two tables are kept by triggers as statussen, rollen and resultaten arrive: the zaak relation lists (migration 0085)
 * and each zaak's current status (0090). Those triggers recompute per zaak, with plans made while the seed's tables
 * were still empty, so a bulk seed through them slows down quadratically. The seed pauses them inside its own
 * transaction (ALTER TABLE is transactional: a failed seed leaves them as they were) and fills both tables for the
 * seeded zaken in one set-based statement each, with the same content the triggers would have written.
 */

const PAUSED_TRIGGERS = [
  ['statussen', 'zaak_relatie_lijsten_insert'],
  ['rollen', 'zaak_relatie_lijsten_insert'],
  ['resultaten', 'zaak_relatie_lijsten_insert'],
  ['statussen', 'statussen_huidige_status'],
  // The inzicht change queue (migration 0100): a bulk seed would queue every zaak for the refresh, which would then
  // rebuild them beside whatever benchmark runs next. Seeded zaken enter the dashboards through
  // `loket inzicht verversen --volledig` (bench/inzicht.ts does so).
  ['zaken', 'inzicht_zaken_ins'],
  ['statussen', 'inzicht_statussen_ins'],
] as const;

/** Pauses the keeping triggers for the rest of the client's transaction, until `fillKeptTables` resumes them. */
export async function pauseKeptTableTriggers(client: pg.ClientBase): Promise<void> {
  for (const [table, trigger] of PAUSED_TRIGGERS) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
}

/** Writes the relation lists and current status of every zaak of these zaaktypen, then resumes the triggers. */
export async function fillKeptTables(client: pg.ClientBase, zaaktypeUuids: string[]): Promise<void> {
  await client.query('CREATE TEMPORARY TABLE seeded_zaken ON COMMIT DROP AS SELECT uuid, tenant_id FROM zaken WHERE zaaktype_uuid = ANY ($1::uuid[])', [zaaktypeUuids]);
  await client.query('ALTER TABLE seeded_zaken ADD PRIMARY KEY (uuid)');
  await client.query('ANALYZE seeded_zaken');
  // Latest status first, as the API and the triggers order them.
  await client.query(`
    CREATE TEMPORARY TABLE seeded_huidige_status ON COMMIT DROP AS
    SELECT DISTINCT ON (s.zaak_uuid) s.zaak_uuid, s.tenant_id, s.uuid, s.statustype_uuid, s.datum_status_gezet
    FROM statussen AS s JOIN seeded_zaken AS z ON z.uuid = s.zaak_uuid
    ORDER BY s.zaak_uuid, s.datum_status_gezet DESC, s.created_at DESC`);
  await client.query(`
    INSERT INTO zaak_huidige_status (zaak_uuid, tenant_id, statustype_uuid, datum_status_gezet)
    SELECT zaak_uuid, tenant_id, statustype_uuid, datum_status_gezet FROM seeded_huidige_status`);
  await client.query(`
    INSERT INTO zaak_relatie_lijsten (zaak_uuid, tenant_id, status, resultaat, rollen)
    SELECT z.uuid, z.tenant_id, status.uuid, resultaat.uuid, coalesce(rollen.uuids, '{}')
    FROM seeded_zaken AS z
    LEFT JOIN seeded_huidige_status AS status ON status.zaak_uuid = z.uuid
    LEFT JOIN (SELECT DISTINCT ON (r.zaak_uuid) r.zaak_uuid, r.uuid FROM resultaten AS r JOIN seeded_zaken AS z ON z.uuid = r.zaak_uuid) AS resultaat
      ON resultaat.zaak_uuid = z.uuid
    LEFT JOIN (
      SELECT r.zaak_uuid, array_agg(r.uuid ORDER BY r.created_at, r.uuid) AS uuids
      FROM rollen AS r JOIN seeded_zaken AS z ON z.uuid = r.zaak_uuid GROUP BY r.zaak_uuid
    ) AS rollen ON rollen.zaak_uuid = z.uuid
    WHERE status.uuid IS NOT NULL OR resultaat.uuid IS NOT NULL OR rollen.uuids IS NOT NULL`);
  for (const [table, trigger] of PAUSED_TRIGGERS) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
}
