import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { structureelSaldo } from '../begroting/saldo.ts';
import { opschuivendSluitend, toezichtsoordeel } from '../begroting/toezicht.ts';
import { kengetallenVoorBegroting } from '../kengetallen/service.ts';
import { listMaatregelen } from '../maatregelen/maatregelen.ts';
import { bijdragenInBegroting } from '../verbonden-partijen/bijdrage-koppelingen.ts';
import { listVerbondenPartijen } from '../verbonden-partijen/verbonden-partijen.ts';
import { listRisicos } from '../weerstand/risicos.ts';
import { weerstandsvermogen } from '../weerstand/weerstandsvermogen.ts';
import { seedDemoFinancien } from './seed.ts';

describe('the demo municipality\'s finances', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('seeds a budget of about 120 million with every page\'s data, once', async () => {
    const tenant = await createTestTenant(database.db, 'Gemeente Voorbeeld');
    await seedDemoFinancien(database.db, tenant.id);
    await seedDemoFinancien(database.db, tenant.id);
    const versies = await database.db.selectFrom('begrotingsversies').select(['naam', 'soort']).where('tenant_id', '=', tenant.id).orderBy('vastgesteld_op').execute();
    expect(versies.map((versie) => versie.naam)).toEqual(['Primitieve begroting 2027', 'Jaarrekening 2026', 'Voorjaarsnota 2027']);

    const lasten = await database.db
      .selectFrom('begrotingsregels')
      .select((eb) => eb.fn.sum<string>('bedrag_centen').as('som'))
      .where('tenant_id', '=', tenant.id)
      .where('jaar', '=', 2027)
      .where('soort', '=', 'lasten')
      .where('reserve', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(lasten.som) / 100).toBeGreaterThan(110_000_000);
    expect(Number(lasten.som) / 100).toBeLessThan(130_000_000);

    // The primitieve begroting closes from 2029; the voorjaarsnota (−0.8 + 0.35 million a year) moves that to 2030.
    const primitief = await structureelSaldo(database.db, tenant.id, { begrotingsjaar: 2027, peildatum: '2026-12-31' });
    expect(primitief.map((saldo) => saldo.structureelSaldo)).toEqual([-1_200_000, -300_000, 400_000, 900_000]);
    const actueel = await structureelSaldo(database.db, tenant.id, { begrotingsjaar: 2027 });
    expect(actueel.map((saldo) => saldo.structureelSaldo)).toEqual([-1_650_000, -750_000, -50_000, 450_000]);
    expect(toezichtsoordeel(actueel)).toMatchObject({ vorm: 'repressief', jaarVanEvenwicht: 2030 });
    expect((await opschuivendSluitend(database.db, tenant.id)).waarschuwing).toBe(false);

    const kengetallen = await kengetallenVoorBegroting(database.db, tenant.id, { begrotingsjaar: 2027 });
    expect(kengetallen[0]?.bron).toBe('jaarrekening');
    for (const jaar of kengetallen) expect(jaar.kengetallen.every((kengetal) => kengetal.waarde !== null)).toBe(true);

    expect(await listRisicos(database.db, tenant.id)).toHaveLength(15);
    const partijen = await listVerbondenPartijen(database.db, tenant.id);
    expect(partijen).toHaveLength(6);
    // Every partij's contribution is found through its koppelingen: 2027 as budgeted (lasten minus baten, in cents).
    const bijdragen = await bijdragenInBegroting(database.db, tenant.id, { begrotingsjaar: 2027 });
    const bijdrage2027 = Object.fromEntries(partijen.map((partij) => [partij.naam, bijdragen.bedragen.get(partij.uuid)?.get(2027)]));
    expect(bijdrage2027).toEqual({
      'Afvalbedrijf Voorbeeldse Dal N.V.': -90_000_000,
      'GGD Regio Voorbeeld': 310_000_000,
      'Omgevingsdienst Voorbeeld': 160_000_000,
      // Only the subsidy: the one-off festival grant on the same taakveld has another omschrijving.
      'Stichting Cultuurhuis Voorbeeld': 190_000_000,
      'Veiligheidsregio Voorbeeld-Midden': 340_000_000,
      'Werkbedrijf Voorbeeld': 320_000_000,
    });
    expect(bijdragen.zonderRegels.size).toBe(0);
    expect((await listMaatregelen(database.db, tenant.id)).length).toBeGreaterThanOrEqual(4);
    const weerstand = await weerstandsvermogen(database.db, tenant.id, 2027);
    expect(weerstand.beschikbaarCenten).toBe(2_205_000_000);
    expect(weerstand.ratio).toBeGreaterThan(1);
    expect(weerstand.topRisicos.length).toBeGreaterThan(0);
  });
});
