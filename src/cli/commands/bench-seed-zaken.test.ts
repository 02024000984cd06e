import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { testEngine } from '../../../test/engine.ts';
import { join } from 'node:path';
import { createTestApp, createTestClient, createTestTenant, hostOf } from '../../../test/fixtures.ts';
import { expectConformsTo, loadOpenApi, STANDARDS_DIRECTORY } from '../../../test/openapi.ts';
import { CATALOGI_ERRATA } from '../../components/catalogi/shared/test-kit.ts';
import { loadZakenSpecForZaken, zakenCaller } from '../../components/zaken/zaken/zaken-test-kit.ts';
import { insertTestZaaktype } from '../../../test/zgw-fixtures.ts';
import type { Tenant } from '../../platform/database/schema.ts';
import { isValidBsn } from '../../platform/personal-data/bsn.ts';
import { nextZaakIdentificatie } from '../../components/zaken/identificatie.ts';
import { runCli } from '../run.ts';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the command in this process, as `loket bench seed-zaken …` would, with its own environment. */
async function seedZakenCli(args: string[], env: Record<string, string>): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(['bench', 'seed-zaken', ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    env,
  });
  return { status, stdout, stderr };
}

describe('loket bench seed-zaken', () => {
  it('refuses the embedded database with a message naming DATABASE_URL, without creating it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-seed-'));
    try {
      const run = await seedZakenCli(['--count', '10'], { LOKET_DATA_DIR: dataDir });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('loket bench seed-zaken: needs PostgreSQL: set DATABASE_URL');
      expect(existsSync(join(dataDir, 'pgdata'))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses counts that are not whole numbers in range, naming the option', async () => {
    for (const [option, value] of [['--count', '0'], ['--count', '1e6'], ['--zaaktypen', '-3'], ['--years', '100']] as const) {
      const run = await seedZakenCli([`${option}=${value}`], {});
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`${option} must be a whole number`);
    }
  });

  describe.runIf(testEngine().kind === 'postgres')('on PostgreSQL', () => {
    let database: TestDatabase;
    let env: Record<string, string>;

    beforeAll(async () => {
      database = await createTestDatabase();
      env = { DATABASE_URL: database.url ?? '', LOKET_SECRET_KEY: randomBytes(32).toString('base64'), LOKET_LOG_LEVEL: 'silent' };
    });

    afterAll(async () => {
      await database.close();
    });

    const countOf = async (table: 'zaken' | 'catalogussen', tenant: Tenant) =>
      Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow()).n);

    it('seeds published zaaktypen and 500 zaken with statussen, rollen and resultaten, showing progress and the time taken', { timeout: 60_000 }, async () => {
      const tenant = await createTestTenant(database.db);
      const run = await seedZakenCli(['--count', '500', '--zaaktypen', '5', '--tenant', tenant.slug], env);
      expect(run.stderr).not.toContain('failed');
      expect(run.status).toBe(0);
      expect(run.stderr).toContain('Seeding zaken 500/500');
      expect(run.stdout).toMatch(new RegExp(`^Seeded tenant ${tenant.slug}: catalogus BN001 \\(.+\\) with 5 zaaktypen, 500 zaken, [\\d,]+ statussen, [\\d,]+ rollen, [\\d,]+ resultaten in \\d+\\.\\d s`));

      const db = database.db;
      const zaaktypen = await db.selectFrom('zaaktypen').selectAll().where('tenant_id', '=', tenant.id).execute();
      expect(zaaktypen).toHaveLength(5);
      expect(zaaktypen.every((zaaktype) => !zaaktype.concept)).toBe(true);
      for (const table of ['statustypen', 'resultaattypen', 'roltypen'] as const) {
        const perZaaktype = await db.selectFrom(table).select(['zaaktype_uuid', (eb) => eb.fn.countAll<string>().as('n')]).where('tenant_id', '=', tenant.id).groupBy('zaaktype_uuid').execute();
        expect(perZaaktype).toHaveLength(5);
      }
      const selectielijstklassen = await db.selectFrom('resultaattypen').select('selectielijstklasse').where('tenant_id', '=', tenant.id).execute();
      expect(selectielijstklassen.every((row) => row.selectielijstklasse.startsWith('https://selectielijst.openzaak.nl/api/v1/resultaten/'))).toBe(true);

      expect(await countOf('zaken', tenant)).toBe(500);
      const perZaak = await sql<{ statussen: number; rollen: number; resultaten: number; closed: boolean; eind: boolean }>`
        SELECT (SELECT count(*) FROM statussen s WHERE s.zaak_uuid = z.uuid)::int AS statussen,
               (SELECT count(*) FROM rollen r WHERE r.zaak_uuid = z.uuid)::int AS rollen,
               (SELECT count(*) FROM resultaten r WHERE r.zaak_uuid = z.uuid)::int AS resultaten,
               z.einddatum IS NOT NULL AS closed,
               (SELECT st.volgnummer = (SELECT max(volgnummer) FROM statustypen WHERE zaaktype_uuid = z.zaaktype_uuid)
                  FROM statussen s JOIN statustypen st ON st.uuid = s.statustype_uuid
                 WHERE s.zaak_uuid = z.uuid ORDER BY s.datum_status_gezet DESC LIMIT 1) AS eind
          FROM zaken z WHERE z.tenant_id = ${tenant.id}`.execute(db);
      for (const zaak of perZaak.rows) {
        expect(zaak.statussen).toBeGreaterThanOrEqual(1);
        expect(zaak.statussen).toBeLessThanOrEqual(3);
        expect(zaak.rollen).toBeGreaterThanOrEqual(1);
        expect(zaak.rollen).toBeLessThanOrEqual(2);
        // A zaak is closed exactly when its latest status is the eindstatus and it has a resultaat.
        expect(zaak.resultaten).toBe(zaak.closed ? 1 : 0);
        expect(zaak.eind).toBe(zaak.closed);
      }
      expect(perZaak.rows.some((zaak) => zaak.closed)).toBe(true);

      const bsns = await db.selectFrom('rollen').select('inp_bsn').where('tenant_id', '=', tenant.id).where('betrokkene_type', '=', 'natuurlijk_persoon').execute();
      expect(bsns.length).toBeGreaterThan(0);
      expect(bsns.every((rol) => rol.inp_bsn !== null && isValidBsn(rol.inp_bsn))).toBe(true);
      const aanduidingen = await db.selectFrom('zaken').select('vertrouwelijkheidaanduiding').distinct().where('tenant_id', '=', tenant.id).execute();
      expect(aanduidingen.length).toBeGreaterThan(3);
    });

    it('zrc-002: takes its identificaties from the tenant counter, so zaken created later get fresh numbers', { timeout: 60_000 }, async () => {
      const tenant = await createTestTenant(database.db);
      expect((await seedZakenCli(['--count', '300', '--zaaktypen', '2', '--years', '2', '--tenant', tenant.slug], env)).status).toBe(0);
      const db = database.db;
      const identificaties = await db.selectFrom('zaken').select(['identificatie', 'registratiedatum']).where('tenant_id', '=', tenant.id).execute();
      expect(new Set(identificaties.map((zaak) => zaak.identificatie)).size).toBe(300);
      for (const zaak of identificaties) expect(zaak.identificatie).toMatch(new RegExp(`^ZAAK-${zaak.registratiedatum.slice(0, 4)}-\\d{10}$`));
      const counters = await db.selectFrom('zaak_identificatie_counters').select(['year', 'last_number']).where('tenant_id', '=', tenant.id).execute();
      expect(counters.reduce((sum, counter) => sum + Number(counter.last_number), 0)).toBe(300);

      const latestYear = Math.max(...counters.map((counter) => counter.year));
      const next = await nextZaakIdentificatie(db, tenant.id, new Date(`${latestYear}-06-15T12:00:00Z`));
      expect(identificaties.map((zaak) => zaak.identificatie)).not.toContain(next);

      // A second run adds a catalogus of its own and continues the numbering.
      expect((await seedZakenCli(['--count', '100', '--zaaktypen', '2', '--years', '2', '--tenant', tenant.slug], env)).status).toBe(0);
      const domeinen = await db.selectFrom('catalogussen').select('domein').where('tenant_id', '=', tenant.id).orderBy('domein').execute();
      expect(domeinen.map((row) => row.domein)).toEqual(['BN001', 'BN002']);
      const all = await db.selectFrom('zaken').select('identificatie').where('tenant_id', '=', tenant.id).execute();
      expect(new Set(all.map((zaak) => zaak.identificatie)).size).toBe(400);
      expect(all.map((zaak) => zaak.identificatie)).not.toContain(next);
    });

    it('fills the trigger-kept relation lists and current statuses exactly as the triggers would, and leaves the triggers on', { timeout: 60_000 }, async () => {
      const tenant = await createTestTenant(database.db);
      expect((await seedZakenCli(['--count', '300', '--zaaktypen', '3', '--tenant', tenant.slug], env)).status).toBe(0);
      const db = database.db;
      const snapshot = async () => ({
        lijsten: (await sql<Record<string, unknown>>`SELECT l.* FROM zaak_relatie_lijsten l JOIN zaken z ON z.uuid = l.zaak_uuid WHERE z.tenant_id = ${tenant.id} ORDER BY l.zaak_uuid`.execute(db)).rows,
        huidig: (await sql<Record<string, unknown>>`SELECT h.* FROM zaak_huidige_status h JOIN zaken z ON z.uuid = h.zaak_uuid WHERE z.tenant_id = ${tenant.id} ORDER BY h.zaak_uuid`.execute(db)).rows,
      });
      const seeded = await snapshot();
      expect(seeded.lijsten).toHaveLength(300);
      expect(seeded.huidig).toHaveLength(300);

      // Recomputed by the migration's own refresh function and by the migration's initial fill of current statuses.
      await sql`SELECT zaak_relatie_lijsten_bijwerken(ARRAY(SELECT uuid FROM zaken WHERE tenant_id = ${tenant.id}))`.execute(db);
      await sql`DELETE FROM zaak_huidige_status h USING zaken z WHERE z.uuid = h.zaak_uuid AND z.tenant_id = ${tenant.id}`.execute(db);
      await sql`INSERT INTO zaak_huidige_status (zaak_uuid, tenant_id, statustype_uuid, datum_status_gezet)
        SELECT DISTINCT ON (zaak_uuid) zaak_uuid, tenant_id, statustype_uuid, datum_status_gezet FROM statussen WHERE tenant_id = ${tenant.id}
        ORDER BY zaak_uuid, datum_status_gezet DESC, created_at DESC`.execute(db);
      expect(await snapshot()).toEqual(seeded);

      const enabled = await sql<{ tgname: string; tgenabled: string }>`
        SELECT tgname, tgenabled FROM pg_trigger WHERE tgname IN ('zaak_relatie_lijsten_insert', 'statussen_huidige_status')`.execute(db);
      expect(enabled.rows.length).toBeGreaterThanOrEqual(7);
      expect(enabled.rows.every((trigger) => trigger.tgenabled === 'O')).toBe(true);
    });

    it('analyses the seeded tables afterwards', { timeout: 60_000 }, async () => {
      const tenant = await createTestTenant(database.db);
      const before = await sql<{ analyze_count: string }>`SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'zaken'`.execute(database.db);
      expect((await seedZakenCli(['--count', '50', '--zaaktypen', '1', '--tenant', tenant.slug], env)).status).toBe(0);
      const after = await sql<{ analyze_count: string }>`SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'zaken'`.execute(database.db);
      expect(Number(after.rows[0]?.analyze_count)).toBeGreaterThan(Number(before.rows[0]?.analyze_count ?? 0));
    });

    it('leaves nothing behind, not even used numbers, when an identificatie is taken already', { timeout: 60_000 }, async () => {
      const tenant = await createTestTenant(database.db);
      const db = database.db;
      // Clients chose the numbers the counter hands out first in this year and the last: a one-year seed starts with one of them.
      const zaaktype = await insertTestZaaktype(db, tenant);
      const thisYear = new Date().getUTCFullYear();
      for (const year of [thisYear - 1, thisYear]) {
        await db
          .insertInto('zaken')
          .values({
            tenant_id: tenant.id,
            identificatie: `ZAAK-${year}-0000000001`,
            bronorganisatie: tenant.rsin,
            zaaktype_uuid: zaaktype.uuid,
            verantwoordelijke_organisatie: tenant.rsin,
            registratiedatum: `${year}-01-02`,
            startdatum: `${year}-01-02`,
            vertrouwelijkheidaanduiding: 'openbaar',
          })
          .execute();
      }

      const run = await seedZakenCli(['--count', '200', '--zaaktypen', '2', '--years', '1', '--tenant', tenant.slug], env);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("nothing was seeded: an identificatie from the tenant's counter is taken already");
      expect(await countOf('zaken', tenant)).toBe(2);
      expect(await countOf('catalogussen', tenant)).toBe(1);
      expect(await db.selectFrom('zaak_identificatie_counters').selectAll().where('tenant_id', '=', tenant.id).execute()).toEqual([]);
    });

    it('writes zaken and their catalogue as the Zaken and Catalogi APIs serve them, conforming to both specs', { timeout: 60_000 }, async () => {
      const tenant = await createTestTenant(database.db);
      expect((await seedZakenCli(['--count', '200', '--zaaktypen', '3', '--tenant', tenant.slug], env)).status).toBe(0);
      const test = await createTestApp(database);
      try {
        const zakenSpec = await loadZakenSpecForZaken();
        const catalogiSpec = await loadOpenApi(join(STANDARDS_DIRECTORY, 'zgw', 'catalogi-1.3.3.yaml'), { errata: CATALOGI_ERRATA });
        const token = await (await createTestClient(database.db, test.keys, tenant, { heeftAlleAutorisaties: true })).token();
        const call = zakenCaller(test, zakenSpec, tenant);
        const db = database.db;
        const zaaktype = await db.selectFrom('zaaktypen').select('uuid').where('tenant_id', '=', tenant.id).orderBy('identificatie').executeTakeFirstOrThrow();
        const zaaktypeUrl = `http://${hostOf(tenant)}/catalogi/api/v1/zaaktypen/${zaaktype.uuid}`;

        const catalogiHeaders = { host: hostOf(tenant), authorization: `Bearer ${token}` };
        const zaaktypeResponse = await test.app.inject({ method: 'GET', url: `/catalogi/api/v1/zaaktypen/${zaaktype.uuid}`, headers: catalogiHeaders });
        expect(zaaktypeResponse.statusCode, zaaktypeResponse.body).toBe(200);
        expectConformsTo(catalogiSpec, { method: 'GET', path: '/zaaktypen/{uuid}', status: 200, contentType: zaaktypeResponse.headers['content-type'], body: zaaktypeResponse.json() });
        const presented = zaaktypeResponse.json() as { concept: boolean; statustypen: string[]; resultaattypen: string[]; roltypen: string[]; selectielijstProcestype: string };
        expect(presented.concept).toBe(false);
        expect(presented.statustypen).toHaveLength(3);
        expect(presented.roltypen).toHaveLength(3);
        expect(presented.selectielijstProcestype).toMatch(/^https:\/\/selectielijst\.openzaak\.nl\/api\/v1\/procestypen\//);

        const seeded = await db.selectFrom('zaken').select((eb) => eb.fn.countAll<string>().as('n')).where('zaaktype_uuid', '=', zaaktype.uuid).executeTakeFirstOrThrow();
        const list = await call('GET', `/zaken?zaaktype=${encodeURIComponent(zaaktypeUrl)}`, '/zaken', { token });
        expect(list.statusCode, list.body).toBe(200);
        expect((list.json() as { count: number }).count).toBe(Number(seeded.n));

        const closed = await db.selectFrom('zaken').select('uuid').where('tenant_id', '=', tenant.id).where('einddatum', 'is not', null).limit(1).executeTakeFirstOrThrow();
        const zaak = await call('GET', `/zaken/${closed.uuid}`, '/zaken/{uuid}', { token });
        expect(zaak.statusCode, zaak.body).toBe(200);
        const body = zaak.json() as { status: string | null; resultaat: string | null; rollen: string[]; archiefnominatie: string | null; archiefactiedatum: string | null };
        expect(body.status).not.toBeNull();
        expect(body.resultaat).not.toBeNull();
        expect(body.rollen.length).toBeGreaterThan(0);
        expect(body.archiefnominatie).not.toBeNull();
        expect(body.archiefactiedatum).not.toBeNull();

        const rollen = await call('GET', `/rollen?zaak=${encodeURIComponent(`http://${hostOf(tenant)}/zaken/api/v1/zaken/${closed.uuid}`)}`, '/rollen', { token });
        expect(rollen.statusCode, rollen.body).toBe(200);
        const statussen = await call('GET', `/statussen?zaak=${encodeURIComponent(`http://${hostOf(tenant)}/zaken/api/v1/zaken/${closed.uuid}`)}`, '/statussen', { token });
        expect(statussen.statusCode, statussen.body).toBe(200);
      } finally {
        await test.app.close();
      }
    });

    it('names the tenants to choose from when there are several and none is given', async () => {
      await createTestTenant(database.db);
      const run = await seedZakenCli(['--count', '10'], env);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('choose one with --tenant SLUG');
    });
  });
});
