import type pg from 'pg';
import { writeCatalogue } from './catalogue.ts';
import { copyBatch } from './copy-batch.ts';
import { reserveIdentificaties } from './identificatie-block.ts';
import { fillKeptTables, pauseKeptTableTriggers } from './kept-tables.ts';
import { createZaakGenerator, RESULTAAT_COLUMNS, ROL_COLUMNS, STATUS_COLUMNS, ZAAK_COLUMNS } from './zaak-generator.ts';
import { createZaakTimeline } from './zaak-timeline.ts';

/*
 * Seeds a tenant with a catalogue and many zaken for benchmarks, in one transaction with COPY: a failed or
 * interrupted run leaves nothing behind (not even used identificatie numbers), and a finished one is analysed so
 * the planner knows the new sizes at once.
 */

export interface SeedZakenOptions {
  count: number;
  zaaktypen: number;
  /** How many years back the zaken were registered. */
  years: number;
  /** Fixes the distribution (zaaktypen, dates, closing, people); uuids are random regardless. */
  seed: number;
  /** Zaken per round of COPY statements. */
  chunkSize?: number;
  /** Told after every round how many zaken are written. */
  onProgress?: (done: number) => void;
  now?: Date;
}

export interface SeedZakenResult {
  catalogusUuid: string;
  domein: string;
  zaaktypen: { uuid: string; identificatie: string }[];
  zaken: number;
  statussen: number;
  rollen: number;
  resultaten: number;
}

/** The tables the seed writes (the trigger-kept ones through kept-tables.ts), analysed afterwards. */
export const SEEDED_TABLES = ['catalogussen', 'zaaktypen', 'statustypen', 'resultaattypen', 'roltypen', 'zaken', 'statussen', 'rollen', 'resultaten', 'zaak_relatie_lijsten', 'zaak_huidige_status', 'zaak_identificatie_counters'] as const;

const DOMEIN_PREFIX = 'BN';

/** The first free benchmark catalogus domein of the tenant: BN001, BN002, … (the domein holds five characters). */
async function freeDomein(client: pg.ClientBase, tenantId: string): Promise<string> {
  const taken = await client.query<{ domein: string }>('SELECT domein FROM catalogussen WHERE tenant_id = $1 AND domein LIKE $2', [tenantId, `${DOMEIN_PREFIX}%`]);
  const used = new Set(taken.rows.map((row) => row.domein));
  for (let number = 1; number <= 999; number++) {
    const domein = `${DOMEIN_PREFIX}${String(number).padStart(3, '0')}`;
    if (!used.has(domein)) return domein;
  }
  throw new Error(`the tenant has no free benchmark catalogus domein left (${DOMEIN_PREFIX}001 … ${DOMEIN_PREFIX}999 are taken)`);
}

/**
 * Seeds `options.count` zaken over `options.zaaktypen` new published zaaktypen in a new catalogus of the tenant,
 * over `client` (a dedicated PostgreSQL connection, not in a transaction).
 */
export async function seedZaken(client: pg.ClientBase, tenant: { id: string; rsin: string }, options: SeedZakenOptions): Promise<SeedZakenResult> {
  const chunkSize = options.chunkSize ?? 5000;
  const timeline = createZaakTimeline(options.count, options.years, options.now ?? new Date());
  const counts = { zaken: 0, statussen: 0, rollen: 0, resultaten: 0 };
  await client.query('BEGIN');
  try {
    await pauseKeptTableTriggers(client);
    const catalogue = await writeCatalogue(client, {
      tenantId: tenant.id,
      rsin: tenant.rsin,
      domein: await freeDomein(client, tenant.id),
      zaaktypen: options.zaaktypen,
      beginGeldigheid: `${timeline.firstDay.slice(0, 4)}-01-01`,
    });
    const identificatie = await reserveIdentificaties(client, tenant.id, timeline.years);
    const generate = createZaakGenerator({ tenantId: tenant.id, rsin: tenant.rsin, zaaktypen: catalogue.zaaktypen, timeline, identificatie, seed: options.seed });
    const zaken = copyBatch('zaken', ZAAK_COLUMNS);
    const statussen = copyBatch('statussen', STATUS_COLUMNS);
    const rollen = copyBatch('rollen', ROL_COLUMNS);
    const resultaten = copyBatch('resultaten', RESULTAAT_COLUMNS);
    for (let start = 0; start < options.count; start += chunkSize) {
      const end = Math.min(options.count, start + chunkSize);
      for (let index = start; index < end; index++) {
        const zaak = generate(index);
        zaken.add(zaak.zaak);
        for (const status of zaak.statussen) statussen.add(status);
        for (const rol of zaak.rollen) rollen.add(rol);
        if (zaak.resultaat) resultaten.add(zaak.resultaat);
      }
      // In reference order: rollen refer to zaken, statussen to both.
      counts.zaken += await zaken.send(client);
      counts.rollen += await rollen.send(client);
      counts.statussen += await statussen.send(client);
      counts.resultaten += await resultaten.send(client);
      options.onProgress?.(end);
    }
    await fillKeptTables(client, catalogue.zaaktypen.map((zaaktype) => zaaktype.uuid));
    await client.query('COMMIT');
    return {
      catalogusUuid: catalogue.catalogusUuid,
      domein: catalogue.domein,
      zaaktypen: catalogue.zaaktypen.map((zaaktype) => ({ uuid: zaaktype.uuid, identificatie: zaaktype.identificatie })),
      ...counts,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Vacuums the seeded tables and refreshes the planner's statistics (outside any transaction), as autovacuum would soon
 * after a bulk insert: with the visibility map set, index-only scans skip the heap as they do in a settled database.
 */
export async function analyzeSeededTables(client: pg.ClientBase): Promise<void> {
  await client.query(`VACUUM (ANALYZE) ${SEEDED_TABLES.join(', ')}`);
}
