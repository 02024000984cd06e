import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { parseBedrag } from './bedrag.ts';
import { readBegrotingCsv } from './csv-regels.ts';
import { structureelSaldo } from './saldo.ts';
import { opschuivendSluitend, toezichtsoordeel } from './toezicht.ts';
import { createVersie, jarenVan, VersieError, type NieuweVersie } from './versies.ts';

const HEADER = 'jaar;programma;taakveld;categorie;soort;bedrag;structureel;reserve;omschrijving';

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\r\n');
}

/** A budget: each year's structural lasten and baten, plus the rows given. */
function begroting(jaar: number, baten: readonly string[], extra: string[] = []): string {
  const rows = baten.flatMap((euro, offset) => [
    `${jaar + offset};Sociaal domein;6.3;3.4.1;lasten;10.000.000,00;ja;;Bijstand`,
    `${jaar + offset};Algemene dekking;0.7;4.3.1;baten;${euro};ja;;Algemene uitkering`,
    `${jaar + offset};Algemene dekking;0.10;7.4;lasten;100.000,00;ja;Reserve onderhoud;Jaarlijkse storting`,
  ]);
  return csv(...rows, ...extra);
}

describe('amounts as controllers type them', () => {
  it('reads decimal commas and points exactly, and refuses what is ambiguous', () => {
    expect(parseBedrag('1234,56')).toEqual({ centen: 123456 });
    expect(parseBedrag('1.234.567,8')).toEqual({ centen: 123456780 });
    expect(parseBedrag('1,234.56')).toEqual({ centen: 123456 });
    expect(parseBedrag('€ -250')).toEqual({ centen: -25000 });
    expect(parseBedrag('0.1')).toEqual({ centen: 10 });
    expect(parseBedrag('1.234')).toHaveProperty('fout');
    expect(parseBedrag('12,345')).toHaveProperty('fout');
    expect(parseBedrag('1,2,3')).toHaveProperty('fout');
    expect(parseBedrag('12,3456')).toHaveProperty('fout');
    expect(parseBedrag('twaalf')).toHaveProperty('fout');
  });
});

describe('reading a budget file', () => {
  const jaren = { van: 2027, tot: 2030 };

  it('names every bad row and column, and gives no rows when any is bad', () => {
    const read = readBegrotingCsv(
      csv(
        '2027;Sociaal domein;6.3;3.4.1;lasten;1000;ja;;goed',
        '2031;Sociaal domein;6.3;3.4.1;lasten;1000;ja;;buiten de jaarschijven',
        '2027;Sociaal domein;6.2;3.4.1;lasten;1000;ja;;taakveld vervallen in 2025',
        '2027;Sociaal domein;6;3.4.1;kosten;1.000;misschien;;hoofdtaakveld, soort, bedrag, structureel',
        '2027;Sociaal domein;6.3;3.4.1;baten;500;nee;Algemene reserve;reserve buiten 0.10',
        '2027;Algemene dekking;0.10;7.4;baten;500;nee;;0.10 zonder reserve',
        '2027;te weinig kolommen',
      ),
      jaren,
    );
    expect(read.regels).toEqual([]);
    expect(read.problemen.map((probleem) => `${probleem.rij}:${probleem.kolom}`)).toEqual([
      '3:jaar',
      '4:taakveld',
      '5:taakveld',
      '5:soort',
      '5:bedrag',
      '5:structureel',
      '6:reserve',
      '7:reserve',
      '8:regel',
    ]);
    expect(read.problemen[1]?.reden).toBe('Taakveld 6.2 bestaat tot en met 2024; gebruik de opvolger.');
  });

  it('refuses an incidental item that runs longer than three years', () => {
    const rows = [2027, 2028, 2029, 2030].map((jaar) => `${jaar};Cultuur;5.3;3.4.1;lasten;50000;nee;;Festival`);
    const read = readBegrotingCsv(csv(...rows), jaren);
    expect(read.problemen).toEqual([{ rij: 5, kolom: 'structureel', reden: '"Festival" staat als incidenteel in 4 jaren (ook 2030); incidenteel is hoogstens 3 jaar, dus structureel.' }]);
  });

  it('refuses a file without the header line', () => {
    expect(readBegrotingCsv('2027;a;6.3;3.4.1;lasten;1;ja;;x', jaren).problemen[0]?.kolom).toBe('kopregel');
  });
});

describe('the structural balance and the supervisor verdict, worked by hand', () => {
  let database: TestDatabase;
  let tenant: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  async function importeer(versie: NieuweVersie, content: string): Promise<void> {
    const read = readBegrotingCsv(content, jarenVan(versie));
    expect(read.problemen).toEqual([]);
    await createVersie(database.db, tenant.id, versie, read.regels);
  }

  it('computes each line of the standard presentation per jaarschijf', async () => {
    tenant = await createTestTenant(database.db, 'Gemeente Saldo');
    // 2027 also pays a festival from the algemene reserve: incidental, so it does not count for the structural balance.
    await importeer(
      { begrotingsjaar: 2027, soort: 'primitieve_begroting', naam: 'Begroting 2027', vastgesteldOp: '2026-11-10' },
      begroting(2027, ['9.500.000', '9.800.000', '10.100.000', '10.300.000'], [
        '2027;Cultuur;5.3;3.4.1;lasten;200.000,00;nee;;Cultuurfestival',
        '2027;Algemene dekking;0.10;7.4;baten;200.000,00;nee;Algemene reserve;Dekking cultuurfestival',
      ]),
    );
    const saldi = await structureelSaldo(database.db, tenant.id, { begrotingsjaar: 2027 });
    // 2027: baten 9.5M − lasten 10M − festival 0.2M = −0.7M; reserves +0.2M onttrekking − 0.1M storting = +0.1M;
    // na bestemming −0.6M; incidenteel −0.2M + 0.2M = 0; structureel −0.6M. Later years: baten − 10M − 0.1M.
    expect(saldi).toEqual([
      { jaar: 2027, saldoBatenLasten: -700000, saldoReserves: 100000, saldoNaBestemming: -600000, saldoIncidenteel: 0, structureelSaldo: -600000 },
      { jaar: 2028, saldoBatenLasten: -200000, saldoReserves: -100000, saldoNaBestemming: -300000, saldoIncidenteel: 0, structureelSaldo: -300000 },
      { jaar: 2029, saldoBatenLasten: 100000, saldoReserves: -100000, saldoNaBestemming: 0, saldoIncidenteel: 0, structureelSaldo: 0 },
      { jaar: 2030, saldoBatenLasten: 300000, saldoReserves: -100000, saldoNaBestemming: 200000, saldoIncidenteel: 0, structureelSaldo: 200000 },
    ]);
    expect(toezichtsoordeel(saldi)).toMatchObject({ vorm: 'repressief', jaarVanEvenwicht: 2029 });
    expect(toezichtsoordeel(saldi).toelichting).toContain('vanaf 2029');
  });

  it('shows the budget as adopted on a date: a wijziging counts from its raadsbesluit on', async () => {
    await importeer(
      { begrotingsjaar: 2027, soort: 'begrotingswijziging', naam: 'Eerste begrotingswijziging 2027', raadsbesluitNummer: '2027-014', vastgesteldOp: '2027-03-15' },
      csv('2027;Sociaal domein;6.3;3.4.1;lasten;250.000,00;ja;;Hogere bijstandslasten', '2027;Sociaal domein;6.3;3.4.1;baten;50.000,00;nee;;Eenmalige rijksbijdrage'),
    );
    const before = await structureelSaldo(database.db, tenant.id, { begrotingsjaar: 2027, peildatum: '2027-03-14' });
    const after = await structureelSaldo(database.db, tenant.id, { begrotingsjaar: 2027, peildatum: '2027-03-15' });
    expect(before[0]?.structureelSaldo).toBe(-600000);
    // −0.25M structural lasten; the 50k incidental baten improve the saldo na bestemming only.
    expect(after[0]).toEqual({ jaar: 2027, saldoBatenLasten: -900000, saldoReserves: 100000, saldoNaBestemming: -800000, saldoIncidenteel: 50000, structureelSaldo: -850000 });
  });

  it('judges a budget balanced only in the last jaarschijf repressief, and one never balanced preventief', () => {
    const jaarschijf = (jaar: number, structureel: number) => ({ jaar, saldoBatenLasten: structureel, saldoReserves: 0, saldoNaBestemming: structureel, saldoIncidenteel: 0, structureelSaldo: structureel });
    const laat = toezichtsoordeel([jaarschijf(2027, -5), jaarschijf(2028, -3), jaarschijf(2029, -1), jaarschijf(2030, 0)]);
    expect(laat).toMatchObject({ vorm: 'repressief', jaarVanEvenwicht: 2030 });
    const nooit = toezichtsoordeel([jaarschijf(2027, -5), jaarschijf(2028, 3), jaarschijf(2029, 1), jaarschijf(2030, -0.01)]);
    expect(nooit).toMatchObject({ vorm: 'preventief', jaarVanEvenwicht: null });
    expect(toezichtsoordeel([jaarschijf(2027, 0), jaarschijf(2028, -1), jaarschijf(2029, -1), jaarschijf(2030, 1)])).toMatchObject({ vorm: 'repressief', jaarVanEvenwicht: 2030 });
  });

  it('warns when successive budgets keep moving the year of balance out', async () => {
    tenant = await createTestTenant(database.db, 'Gemeente Schuift');
    // Each year's budget balances only in its own last jaarschijf: 2029, then 2030, then 2031.
    await importeer({ begrotingsjaar: 2026, soort: 'primitieve_begroting', naam: 'Begroting 2026', vastgesteldOp: '2025-11-10' }, begroting(2026, ['9.800.000', '9.900.000', '10.000.000', '10.100.000']));
    expect((await opschuivendSluitend(database.db, tenant.id)).waarschuwing).toBe(false);
    await importeer({ begrotingsjaar: 2027, soort: 'primitieve_begroting', naam: 'Begroting 2027', vastgesteldOp: '2026-11-09' }, begroting(2027, ['9.800.000', '9.900.000', '10.000.000', '10.100.000']));
    expect((await opschuivendSluitend(database.db, tenant.id)).waarschuwing).toBe(false);
    await importeer({ begrotingsjaar: 2028, soort: 'primitieve_begroting', naam: 'Begroting 2028', vastgesteldOp: '2027-11-08' }, begroting(2028, ['9.800.000', '9.900.000', '10.000.000', '10.100.000']));
    const check = await opschuivendSluitend(database.db, tenant.id);
    expect(check.reeks.map((stand) => stand.jaarVanEvenwicht)).toEqual([2029, 2030, 2031]);
    expect(check.waarschuwing).toBe(true);
    expect(check.toelichting).toContain('nu naar 2031');
  });

  it('keeps one primitieve begroting a year and needs it before a wijziging, leaving nothing half-stored', async () => {
    const again = createVersie(database.db, tenant.id, { begrotingsjaar: 2028, soort: 'primitieve_begroting', naam: 'Nog een', vastgesteldOp: '2027-12-01' }, []);
    await expect(again).rejects.toThrow(VersieError);
    const orphan = createVersie(database.db, tenant.id, { begrotingsjaar: 2035, soort: 'begrotingswijziging', naam: 'Wijziging', raadsbesluitNummer: '1', vastgesteldOp: '2035-01-01' }, []);
    await expect(orphan).rejects.toThrow('Er is nog geen primitieve begroting 2035');
    const versies = await database.db.selectFrom('begrotingsversies').select('naam').where('tenant_id', '=', tenant.id).execute();
    expect(versies.map((versie) => versie.naam).sort()).toEqual(['Begroting 2026', 'Begroting 2027', 'Begroting 2028']);
  });
});
