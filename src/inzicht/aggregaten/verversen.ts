import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { ZAAK_KANAAL_SQL, KCC_KANAAL_SQL } from './kanaal-sql.ts';

/*
 * The incremental refresh of the inzicht aggregates. Triggers append every change of a source to inzicht_wijzigingen;
 * a refresh round takes the oldest batch of those rows (and deletes them) in one transaction and:
 *  - for zaken: recomputes each named zaak's fact row, subtracts the old row's contribution from the three zaak
 *    aggregates and adds the new one (so work grows with the number of changed zaken, not with all zaken);
 *  - for day-bucketed sources (KCC contacts, contactverzoeken, searches, ratings): recomputes each named day from the
 *    source through its (tenant, moment) index;
 *  - for an 'alles' row: rebuilds the tenant (after the migration, or by `loket inzicht verversen --volledig`).
 * A transaction-level advisory lock lets one process refresh at a time; another process skips its round.
 */

/** Keeps refreshers of all processes apart (any constant unique to this job). */
const VERVERS_SLOT = 810_408_001;
/** Queue rows per round: large enough to amortise a round's fixed statements, small enough to keep locks short. */
export const STANDAARD_BATCH = 20_000;

export interface VerversResultaat {
  /** Queue rows processed. */
  wijzigingen: number;
  zaken: number;
  dagen: number;
  /** False when another process held the refresh. */
  uitgevoerd: boolean;
}

/** Processes one batch of the queue; resolves to what it did (zero rows: nothing was pending). */
export async function verversRonde(db: Kysely<Database>, batch = STANDAARD_BATCH): Promise<VerversResultaat> {
  return db.transaction().execute(async (trx) => {
    const lock = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${VERVERS_SLOT}) AS ok`.execute(trx);
    if (!lock.rows[0]?.ok) return { wijzigingen: 0, zaken: 0, dagen: 0, uitgevoerd: false };
    await sql`CREATE TEMP TABLE inzicht_batch (tenant_id uuid, bron text, zaak_uuid uuid, dag date) ON COMMIT DROP`.execute(trx);
    const taken = await sql`WITH taken AS (
        DELETE FROM inzicht_wijzigingen WHERE id IN (SELECT id FROM inzicht_wijzigingen ORDER BY id LIMIT ${batch})
        RETURNING tenant_id, bron, zaak_uuid, dag)
      INSERT INTO inzicht_batch SELECT t.tenant_id, t.bron, t.zaak_uuid, t.dag FROM taken t JOIN tenants ON tenants.id = t.tenant_id`.execute(trx);
    const wijzigingen = Number(taken.numAffectedRows ?? 0n);
    if (wijzigingen === 0) return { wijzigingen: 0, zaken: 0, dagen: 0, uitgevoerd: true };
    const zaken = await verversZaken(trx);
    const dagen = await verversDagen(trx);
    return { wijzigingen, zaken, dagen, uitgevoerd: true };
  });
}

/** Runs rounds until the queue is empty (or another process holds the refresh); resolves to the totals. */
export async function verversAlles(db: Kysely<Database>, batch = STANDAARD_BATCH): Promise<VerversResultaat> {
  const totaal: VerversResultaat = { wijzigingen: 0, zaken: 0, dagen: 0, uitgevoerd: true };
  for (;;) {
    const ronde = await verversRonde(db, batch);
    totaal.wijzigingen += ronde.wijzigingen;
    totaal.zaken += ronde.zaken;
    totaal.dagen += ronde.dagen;
    if (!ronde.uitgevoerd) totaal.uitgevoerd = false;
    if (!ronde.uitgevoerd || ronde.wijzigingen < batch) return totaal;
  }
}

/** Asks the next refresh to rebuild the tenant's aggregates from all its data. */
export async function vraagVolledigeVerversing(db: Kysely<Database>, tenantId: string): Promise<void> {
  await db.insertInto('inzicht_wijzigingen').values({ tenant_id: tenantId, bron: 'alles' }).execute();
}

/** Counting waiting changes stops here: after a bulk import the page says "more than" instead of counting them all. */
export const WACHTEND_MAX = 1000;

/** How many changes wait for the refresh, up to WACHTEND_MAX + 1 (the dashboards say so when figures may lag). */
export async function wachtendeWijzigingen(db: Kysely<Database>, tenantId: string): Promise<number> {
  const rows = await sql<{ aantal: number }>`SELECT count(*)::int AS aantal FROM (
    SELECT 1 FROM inzicht_wijzigingen WHERE tenant_id = ${tenantId} LIMIT ${WACHTEND_MAX + 1}) AS wachtend`.execute(db);
  return rows.rows[0]?.aantal ?? 0;
}

async function verversZaken(trx: Transaction<Database>): Promise<number> {
  await sql`CREATE TEMP TABLE inzicht_zaken_batch (zaak_uuid uuid PRIMARY KEY, tenant_id uuid NOT NULL) ON COMMIT DROP`.execute(trx);
  await sql`INSERT INTO inzicht_zaken_batch SELECT DISTINCT zaak_uuid, tenant_id FROM inzicht_batch WHERE bron = 'zaak' AND zaak_uuid IS NOT NULL ON CONFLICT DO NOTHING`.execute(trx);
  // A rebuild names every zaak the tenant has, and every zaak it had (so deleted ones are subtracted).
  await sql`INSERT INTO inzicht_zaken_batch SELECT z.uuid, z.tenant_id FROM zaken z WHERE z.tenant_id IN (SELECT tenant_id FROM inzicht_batch WHERE bron = 'alles') ON CONFLICT DO NOTHING`.execute(trx);
  await sql`INSERT INTO inzicht_zaken_batch SELECT f.zaak_uuid, f.tenant_id FROM inzicht_zaak_feiten f WHERE f.tenant_id IN (SELECT tenant_id FROM inzicht_batch WHERE bron = 'alles') ON CONFLICT DO NOTHING`.execute(trx);
  const aantal = await sql<{ aantal: number }>`SELECT count(*)::int AS aantal FROM inzicht_zaken_batch`.execute(trx);
  const zaken = aantal.rows[0]?.aantal ?? 0;
  if (zaken === 0) return 0;
  await sql`ANALYZE inzicht_zaken_batch`.execute(trx);

  await sql`CREATE TEMP TABLE inzicht_oud ON COMMIT DROP AS
    SELECT f.* FROM inzicht_zaak_feiten f JOIN inzicht_zaken_batch b ON b.zaak_uuid = f.zaak_uuid`.execute(trx);
  await sql`DELETE FROM inzicht_zaak_feiten f USING inzicht_zaken_batch b WHERE f.zaak_uuid = b.zaak_uuid`.execute(trx);
  await sql`INSERT INTO inzicht_zaak_feiten (zaak_uuid, tenant_id, zaaktype_identificatie, kanaal, startdag, einddag, doorlooptijd_dagen,
      binnen_servicenorm, binnen_termijn, termijn, opgeschort, opschortingen, verlengd, heropend)
    SELECT z.uuid, z.tenant_id, zt.identificatie, ${ZAAK_KANAAL_SQL}, z.startdatum, z.einddatum,
      CASE WHEN z.einddatum IS NULL THEN NULL ELSE GREATEST(z.einddatum - z.startdatum, 0) END,
      CASE WHEN z.einddatum IS NULL OR z.einddatum_gepland IS NULL THEN NULL ELSE z.einddatum <= z.einddatum_gepland END,
      CASE WHEN z.einddatum IS NULL OR z.uiterlijke_einddatum_afdoening IS NULL THEN NULL ELSE z.einddatum <= z.uiterlijke_einddatum_afdoening END,
      COALESCE(z.uiterlijke_einddatum_afdoening, 'infinity'::date),
      COALESCE(z.data -> 'opschorting' ->> 'indicatie', 'false') = 'true',
      GREATEST((SELECT count(*) FROM zaak_opschortingen o WHERE o.zaak_uuid = z.uuid)::int,
               CASE WHEN COALESCE(z.data -> 'opschorting' ->> 'indicatie', 'false') = 'true' THEN 1 ELSE 0 END),
      jsonb_typeof(z.data -> 'verlenging') = 'object' AND COALESCE(z.data -> 'verlenging' ->> 'duur', '') <> '',
      EXISTS (
        SELECT 1 FROM statussen eind JOIN statustypen et ON et.uuid = eind.statustype_uuid
        WHERE eind.zaak_uuid = z.uuid
          AND et.volgnummer = (SELECT max(t.volgnummer) FROM statustypen t WHERE t.zaaktype_uuid = z.zaaktype_uuid)
          AND EXISTS (SELECT 1 FROM statussen later WHERE later.zaak_uuid = z.uuid AND later.datum_status_gezet > eind.datum_status_gezet))
    FROM inzicht_zaken_batch b
    JOIN zaken z ON z.uuid = b.zaak_uuid
    JOIN zaaktypen zt ON zt.uuid = z.zaaktype_uuid
    LEFT JOIN LATERAL (
      SELECT i.kanaal FROM eformulier_inzendingen i WHERE i.tenant_id = z.tenant_id AND i.zaak_uuid = z.uuid ORDER BY i.ingediend_op LIMIT 1
    ) inzending ON true`.execute(trx);

  // Old rows count -1, new rows +1; the sums go onto the aggregates.
  const verschil = sql`(SELECT 1 AS teken, f.* FROM inzicht_zaak_feiten f JOIN inzicht_zaken_batch b ON b.zaak_uuid = f.zaak_uuid
      UNION ALL SELECT -1 AS teken, o.* FROM inzicht_oud o) AS d`;
  await sql`INSERT INTO inzicht_zaken_per_dag AS a (tenant_id, dag, zaaktype_identificatie, kanaal, geopend, opgeschort, opschortingen, verlengd, heropend)
    SELECT tenant_id, startdag, zaaktype_identificatie, kanaal, sum(teken), sum(teken * (opschortingen > 0)::int), sum(teken * opschortingen),
      sum(teken * verlengd::int), sum(teken * heropend::int)
    FROM ${verschil} GROUP BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, dag, zaaktype_identificatie, kanaal) DO UPDATE SET geopend = a.geopend + excluded.geopend,
      opgeschort = a.opgeschort + excluded.opgeschort, opschortingen = a.opschortingen + excluded.opschortingen,
      verlengd = a.verlengd + excluded.verlengd, heropend = a.heropend + excluded.heropend`.execute(trx);
  await sql`INSERT INTO inzicht_afgehandeld_per_dag AS a (tenant_id, dag, zaaktype_identificatie, kanaal, doorlooptijd_dagen, aantal,
      met_servicenorm, binnen_servicenorm, met_termijn, binnen_termijn)
    SELECT tenant_id, einddag, zaaktype_identificatie, kanaal, doorlooptijd_dagen, sum(teken),
      sum(teken * (binnen_servicenorm IS NOT NULL)::int), sum(teken * COALESCE(binnen_servicenorm, false)::int),
      sum(teken * (binnen_termijn IS NOT NULL)::int), sum(teken * COALESCE(binnen_termijn, false)::int)
    FROM ${verschil} WHERE einddag IS NOT NULL GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (tenant_id, dag, zaaktype_identificatie, kanaal, doorlooptijd_dagen) DO UPDATE SET aantal = a.aantal + excluded.aantal,
      met_servicenorm = a.met_servicenorm + excluded.met_servicenorm, binnen_servicenorm = a.binnen_servicenorm + excluded.binnen_servicenorm,
      met_termijn = a.met_termijn + excluded.met_termijn, binnen_termijn = a.binnen_termijn + excluded.binnen_termijn`.execute(trx);
  await sql`INSERT INTO inzicht_openstaand AS a (tenant_id, zaaktype_identificatie, kanaal, termijn, aantal, opgeschort)
    SELECT tenant_id, zaaktype_identificatie, kanaal, termijn, sum(teken), sum(teken * opgeschort::int)
    FROM ${verschil} WHERE einddag IS NULL GROUP BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, zaaktype_identificatie, kanaal, termijn) DO UPDATE SET aantal = a.aantal + excluded.aantal, opgeschort = a.opgeschort + excluded.opgeschort`.execute(trx);
  // Keys that dropped to nothing go, so the tables stay as small as what they describe.
  await sql`DELETE FROM inzicht_openstaand a USING (SELECT DISTINCT tenant_id, zaaktype_identificatie, kanaal, termijn FROM ${verschil} WHERE einddag IS NULL) k
    WHERE a.tenant_id = k.tenant_id AND a.zaaktype_identificatie = k.zaaktype_identificatie AND a.kanaal = k.kanaal AND a.termijn = k.termijn AND a.aantal = 0`.execute(trx);
  await sql`DELETE FROM inzicht_afgehandeld_per_dag a USING (SELECT DISTINCT tenant_id, einddag, zaaktype_identificatie, kanaal, doorlooptijd_dagen FROM ${verschil} WHERE einddag IS NOT NULL) k
    WHERE a.tenant_id = k.tenant_id AND a.dag = k.einddag AND a.zaaktype_identificatie = k.zaaktype_identificatie AND a.kanaal = k.kanaal
      AND a.doorlooptijd_dagen = k.doorlooptijd_dagen AND a.aantal = 0`.execute(trx);
  await sql`DELETE FROM inzicht_zaken_per_dag a USING (SELECT DISTINCT tenant_id, startdag, zaaktype_identificatie, kanaal FROM ${verschil}) k
    WHERE a.tenant_id = k.tenant_id AND a.dag = k.startdag AND a.zaaktype_identificatie = k.zaaktype_identificatie AND a.kanaal = k.kanaal AND a.geopend = 0`.execute(trx);
  return zaken;
}

/** Day range of a `dagen` row in Europe/Amsterdam, for a join on a source's (tenant_id, moment) index. */
function opDag(kolom: string): ReturnType<typeof sql> {
  const ref = sql.ref(kolom);
  return sql`${ref} >= (d.dag::timestamp AT TIME ZONE 'Europe/Amsterdam') AND ${ref} < ((d.dag + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
}

async function verversDagen(trx: Transaction<Database>): Promise<number> {
  await sql`CREATE TEMP TABLE inzicht_dagen (tenant_id uuid NOT NULL, bron text NOT NULL, dag date NOT NULL, PRIMARY KEY (tenant_id, bron, dag)) ON COMMIT DROP`.execute(trx);
  await sql`INSERT INTO inzicht_dagen SELECT DISTINCT tenant_id, bron, dag FROM inzicht_batch WHERE dag IS NOT NULL AND bron <> 'zaak' ON CONFLICT DO NOTHING`.execute(trx);
  // A rebuild names every day the tenant's sources have, and every day the aggregates hold.
  const alles = sql`(SELECT tenant_id FROM inzicht_batch WHERE bron = 'alles')`;
  await sql`INSERT INTO inzicht_dagen
    SELECT tenant_id, 'kcc', inzicht_dag(geopend_op) FROM kcc_contacten WHERE tenant_id IN ${alles}
    UNION SELECT tenant_id, 'kcc', dag FROM inzicht_kcc_per_uur WHERE tenant_id IN ${alles}
    UNION SELECT tenant_id, 'contactverzoek', inzicht_dag(aangemaakt_op) FROM contactverzoeken WHERE tenant_id IN ${alles}
    UNION SELECT tenant_id, 'contactverzoek', dag FROM inzicht_contactverzoeken_per_dag WHERE tenant_id IN ${alles}
    UNION SELECT tenant_id, 'zoekopdracht', inzicht_dag(gezocht_op) FROM kennisbank_zoekopdrachten WHERE tenant_id IN ${alles}
    UNION SELECT tenant_id, 'zoekopdracht', dag FROM inzicht_zoekopdrachten_per_dag WHERE tenant_id IN ${alles}
    UNION SELECT tenant_id, 'beoordeling', inzicht_dag(beoordeeld_op) FROM kennisbank_beoordelingen WHERE tenant_id IN ${alles}
    UNION SELECT tenant_id, 'beoordeling', dag FROM inzicht_beoordelingen_per_dag WHERE tenant_id IN ${alles}
    ON CONFLICT DO NOTHING`.execute(trx);
  const aantal = await sql<{ aantal: number }>`SELECT count(*)::int AS aantal FROM inzicht_dagen`.execute(trx);
  const dagen = aantal.rows[0]?.aantal ?? 0;
  if (dagen === 0) return 0;
  await sql`ANALYZE inzicht_dagen`.execute(trx);

  await sql`DELETE FROM inzicht_kcc_per_uur a USING inzicht_dagen d WHERE d.bron = 'kcc' AND a.tenant_id = d.tenant_id AND a.dag = d.dag`.execute(trx);
  await sql`INSERT INTO inzicht_kcc_per_uur (tenant_id, dag, uur, kanaal, aantal, gesloten, eerste_contact)
    SELECT k.tenant_id, d.dag, extract(hour FROM k.geopend_op AT TIME ZONE 'Europe/Amsterdam')::smallint, ${KCC_KANAAL_SQL},
      count(*), count(*) FILTER (WHERE k.status = 'gesloten'), count(*) FILTER (WHERE k.afgehandeld_bij_eerste_contact)
    FROM inzicht_dagen d JOIN kcc_contacten k ON k.tenant_id = d.tenant_id AND ${opDag('k.geopend_op')}
    WHERE d.bron = 'kcc' GROUP BY 1, 2, 3, 4`.execute(trx);

  await sql`DELETE FROM inzicht_contactverzoeken_per_dag a USING inzicht_dagen d WHERE d.bron = 'contactverzoek' AND a.tenant_id = d.tenant_id AND a.dag = d.dag`.execute(trx);
  await sql`INSERT INTO inzicht_contactverzoeken_per_dag (tenant_id, dag, team, aangemaakt, opgepakt, binnen_dag_opgepakt, oppak_minuten, afgehandeld, te_laat_afgehandeld)
    SELECT c.tenant_id, d.dag, COALESCE(c.team_id::text, ''), count(*), count(c.opgepakt_op),
      count(*) FILTER (WHERE c.opgepakt_op <= c.aangemaakt_op + interval '24 hours'),
      COALESCE(sum(round(extract(epoch FROM c.opgepakt_op - c.aangemaakt_op) / 60)), 0)::bigint,
      count(c.afgehandeld_op), count(*) FILTER (WHERE inzicht_dag(c.afgehandeld_op) > c.deadline)
    FROM inzicht_dagen d JOIN contactverzoeken c ON c.tenant_id = d.tenant_id AND ${opDag('c.aangemaakt_op')}
    WHERE d.bron = 'contactverzoek' GROUP BY 1, 2, 3`.execute(trx);

  await sql`DELETE FROM inzicht_zoekopdrachten_per_dag a USING inzicht_dagen d WHERE d.bron = 'zoekopdracht' AND a.tenant_id = d.tenant_id AND a.dag = d.dag`.execute(trx);
  await sql`INSERT INTO inzicht_zoekopdrachten_per_dag (tenant_id, dag, kanaal, zoekterm, aantal, zonder_resultaat, zonder_klik)
    SELECT z.tenant_id, d.dag, z.kanaal, left(lower(btrim(z.zoekterm)), 200), count(*), count(*) FILTER (WHERE z.aantal_resultaten = 0),
      count(*) FILTER (WHERE z.aantal_resultaten > 0 AND z.geklikt_op IS NULL)
    FROM inzicht_dagen d JOIN kennisbank_zoekopdrachten z ON z.tenant_id = d.tenant_id AND ${opDag('z.gezocht_op')}
    WHERE d.bron = 'zoekopdracht' GROUP BY 1, 2, 3, 4`.execute(trx);

  await sql`DELETE FROM inzicht_beoordelingen_per_dag a USING inzicht_dagen d WHERE d.bron = 'beoordeling' AND a.tenant_id = d.tenant_id AND a.dag = d.dag`.execute(trx);
  await sql`INSERT INTO inzicht_beoordelingen_per_dag (tenant_id, dag, product_uuid, nuttig, niet_nuttig)
    SELECT b.tenant_id, d.dag, b.product_uuid, count(*) FILTER (WHERE b.nuttig), count(*) FILTER (WHERE NOT b.nuttig)
    FROM inzicht_dagen d JOIN kennisbank_beoordelingen b ON b.tenant_id = d.tenant_id AND ${opDag('b.beoordeeld_op')}
    WHERE d.bron = 'beoordeling' GROUP BY 1, 2, 3`.execute(trx);
  return dagen;
}
