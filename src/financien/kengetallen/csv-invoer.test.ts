import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { KENGETAL_CSV_CODES, readKengetalCsv } from './csv-invoer.ts';
import { KENGETAL_VELDEN } from './invoer.ts';
import { importKengetalInvoer, kengetalInvoerVan, saveKengetalInvoer } from './service.ts';

const HEADER = 'jaar;veld;bedrag';
const file = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('reading a kengetallen input file', () => {
  it('reads every input of a year, by its code or its field name, in cents', () => {
    const read = readKengetalCsv(file('2027;vaste_schulden;96.000.000,00', '2027;Eigen-Vermogen;43200000', '2026;woonlasten;1012,50', '2026;landelijkeWoonlastenVorigJaar;985'));
    expect(read.problemen).toEqual([]);
    expect(read.rijen).toEqual([
      { jaar: 2027, veld: 'vasteSchulden', centen: 9_600_000_000, regelnummer: 2 },
      { jaar: 2027, veld: 'eigenVermogen', centen: 4_320_000_000, regelnummer: 3 },
      { jaar: 2026, veld: 'woonlasten', centen: 101_250, regelnummer: 4 },
      { jaar: 2026, veld: 'landelijkeWoonlastenVorigJaar', centen: 98_500, regelnummer: 5 },
    ]);
  });

  it('has a code for every input', () => {
    expect(Object.keys(KENGETAL_CSV_CODES).sort()).toEqual([...KENGETAL_VELDEN].sort());
    const read = readKengetalCsv(file(...KENGETAL_VELDEN.map((veld) => `2027;${KENGETAL_CSV_CODES[veld]};1`)));
    expect(read.rijen.map((rij) => rij.veld)).toEqual(KENGETAL_VELDEN);
  });

  it('names every bad row with its row number and column, and returns no rows at all', () => {
    const read = readKengetalCsv(
      file(
        '2027;vaste_schulden;96000000',
        '27;balanstotaal;160000000',
        '2027;schulden;5',
        '2027;liquide_middelen;1.100',
        '2027;eigen_vermogen',
        '2027;Vaste Schulden;1',
        '2027;woonlasten;',
      ),
    );
    expect(read.rijen).toEqual([]);
    expect(read.problemen.map((probleem) => [probleem.rij, probleem.kolom])).toEqual([
      [3, 'jaar'],
      [4, 'veld'],
      [5, 'bedrag'],
      [6, 'regel'],
      [7, 'veld'],
      [8, 'bedrag'],
    ]);
    expect(read.problemen[1]?.reden).toContain('"schulden" is geen invoer van de kengetallen');
    expect(read.problemen[2]?.reden).toContain('dubbelzinnig');
    expect(read.problemen[4]?.reden).toBe('vaste_schulden voor 2027 staat al op regel 2; elke invoer komt één keer per jaar voor.');
  });

  it('refuses a file without the header line or without rows', () => {
    expect(readKengetalCsv('2027;vaste_schulden;1').problemen).toEqual([{ rij: 1, kolom: 'kopregel', reden: 'De eerste regel moet de kolomnamen bevatten: jaar;veld;bedrag' }]);
    expect(readKengetalCsv(`${HEADER}\n`).problemen).toEqual([{ rij: 0, kolom: 'bestand', reden: 'Het bestand bevat geen invoerwaarden.' }]);
  });
});

describe('importing kengetal inputs', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('replaces the inputs the file names and keeps the others, for this tenant only', async () => {
    const tenant = await createTestTenant(database.db, 'Gemeente Import');
    const other = await createTestTenant(database.db, 'Gemeente Buur');
    await saveKengetalInvoer(database.db, tenant.id, 2027, { vasteSchulden: 1, balanstotaal: 2 });
    await saveKengetalInvoer(database.db, other.id, 2027, { vasteSchulden: 7 });
    const read = readKengetalCsv(file('2027;vaste_schulden;100', '2028;vaste_schulden;200,50'));
    await importKengetalInvoer(database.db, tenant.id, read.rijen);
    expect(await kengetalInvoerVan(database.db, tenant.id, 2027)).toEqual({ vasteSchulden: 10_000, balanstotaal: 2 });
    expect(await kengetalInvoerVan(database.db, tenant.id, 2028)).toEqual({ vasteSchulden: 20_050 });
    expect(await kengetalInvoerVan(database.db, other.id, 2027)).toEqual({ vasteSchulden: 7 });
  });
});
