import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type LoketDatabase } from '../../platform/database/connection.ts';
import { pgliteExtensions, pgliteParsers, wrapPglite } from '../../platform/database/embedded.ts';
import { migrate, readMigrations } from '../../platform/database/migrator.ts';
import { testEngine, withDatabaseName } from '../../../test/engine.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { readBegrotingCsv } from '../begroting/csv-regels.ts';
import { createVersie, jarenVan, type NieuweVersie } from '../begroting/versies.ts';
import { bijdragenInBegroting } from './bijdrage-koppelingen.ts';

const KOPPELINGEN_MIGRATIE = '0111_verbonden_partij_bijdragen.sql';

/** An empty database of the engine the tests run on: migration 0111 has to meet data written before it. */
async function emptyDatabase(): Promise<{ database: LoketDatabase; drop: () => Promise<void> }> {
  const engine = testEngine();
  if (engine.kind === 'pglite') {
    const database = wrapPglite(await PGlite.create({ extensions: pgliteExtensions, parsers: pgliteParsers }));
    return { database, drop: () => database.close() };
  }
  const name = `loket_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: engine.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const database = openPostgres(withDatabaseName(engine.url, name), 4);
  return {
    database,
    async drop() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: engine.url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

describe('migration 0111: from one omschrijving per partij to koppelingen', () => {
  let empty: Awaited<ReturnType<typeof emptyDatabase>>;

  beforeAll(async () => {
    empty = await emptyDatabase();
  }, 120_000);
  afterAll(async () => {
    await empty?.drop();
  });

  it('keeps each partij\u2019s contribution: its omschrijving on the taakvelden where it stood', { timeout: 120_000 }, async () => {
    const { database } = empty;
    const all = readMigrations();
    await migrate(database, { migrations: all.filter((migration) => migration.name < KOPPELINGEN_MIGRATIE) });
    const db = database.db;
    const tenant = await createTestTenant(db, 'Gemeente Voor De Migratie');
    const versie: NieuweVersie = { begrotingsjaar: 2027, soort: 'primitieve_begroting', naam: 'Begroting 2027', vastgesteldOp: '2026-11-10' };
    const read = readBegrotingCsv(
      [
        'jaar;programma;taakveld;categorie;soort;bedrag;structureel;reserve;omschrijving',
        '2027;Gezondheid;7.1;4.4;lasten;3000000;ja;;Bijdrage GGD',
        '2027;Jeugd;6.1;4.4;lasten;200000;ja;;bijdrage ggd',
        '2027;Gezondheid;7.1;1.1;lasten;500000;ja;;Eigen personeel',
      ].join('\n'),
      jarenVan(versie),
    );
    await createVersie(db, tenant.id, versie, read.regels);
    const partij = async (naam: string, omschrijving: string) =>
      (await sql<{ uuid: string }>`INSERT INTO verbonden_partijen (tenant_id, naam, soort, bijdrage_omschrijving) VALUES (${tenant.id}, ${naam}, 'gemeenschappelijke_regeling', ${omschrijving}) RETURNING uuid`.execute(db)).rows[0]?.uuid ?? '';
    const ggd = await partij('GGD', 'Bijdrage GGD');
    const zonderRegels = await partij('Nieuw', 'Bijdrage die nog niet begroot is');
    const zonder = await partij('Geen', '');

    await migrate(database, { migrations: all });
    const rows = await db.selectFrom('verbonden_partij_bijdragen').select(['partij_uuid', 'volgorde', 'taakveld', 'categorie', 'omschrijving']).where('tenant_id', '=', tenant.id).orderBy('volgorde').execute();
    expect(rows).toEqual([
      { partij_uuid: ggd, volgorde: 1, taakveld: '6.1', categorie: null, omschrijving: 'Bijdrage GGD' },
      { partij_uuid: ggd, volgorde: 2, taakveld: '7.1', categorie: null, omschrijving: 'Bijdrage GGD' },
    ]);
    const bijdragen = await bijdragenInBegroting(db, tenant.id, { begrotingsjaar: 2027 });
    // As before: every line with that omschrijving (case-insensitive), 3,000,000 + 200,000, in cents.
    expect(bijdragen.bedragen.get(ggd)).toEqual(new Map([[2027, 320_000_000]]));
    expect(bijdragen.bedragen.has(zonderRegels)).toBe(false);
    expect(bijdragen.bedragen.has(zonder)).toBe(false);
    const columns = await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns WHERE table_name = 'verbonden_partijen' AND column_name = 'bijdrage_omschrijving'`.execute(db);
    expect(columns.rows).toEqual([]);
  });
});
