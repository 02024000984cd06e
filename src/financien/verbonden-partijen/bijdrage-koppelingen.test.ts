import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { readBegrotingCsv } from '../begroting/csv-regels.ts';
import { createVersie, jarenVan, type NieuweVersie } from '../begroting/versies.ts';
import { bijdragenInBegroting, koppelingWaarden } from './bijdrage-koppelingen.ts';
import { insertVerbondenPartij, listVerbondenPartijen, readVerbondenPartijForm, updateVerbondenPartij, type VerbondenPartijInvoer } from './verbonden-partijen.ts';

const PARTIJ: VerbondenPartijInvoer = {
  naam: 'GGD Proef', vestigingsplaats: '', soort: 'gemeenschappelijke_regeling', openbaarBelang: '', bestuurlijkBelang: '', financieelBelang: '', jaar: null,
  eigenVermogenBegin: null, eigenVermogenEind: null, vreemdVermogenBegin: null, vreemdVermogenEind: null, resultaat: null, risicos: '', bijdrage: [],
};

describe('reading the koppelingen of the partij form', () => {
  it('reads the filled rows and skips the empty ones', () => {
    const read = readVerbondenPartijForm({ naam: 'GGD', soort: 'gemeenschappelijke_regeling', bijdrage_1_taakveld: '7.1', bijdrage_1_categorie: '4.4', bijdrage_2_taakveld: '', bijdrage_3_taakveld: '6.1', bijdrage_3_omschrijving: ' Jeugdgezondheidszorg ' });
    expect(read.ok && read.value.bijdrage).toEqual([
      { taakveld: '7.1', categorie: '4.4', omschrijving: null },
      { taakveld: '6.1', categorie: null, omschrijving: 'Jeugdgezondheidszorg' },
    ]);
  });

  it('names each problem beside its field: unknown taakveld, hoofdtaakveld, categorie, missing taakveld, a koppeling twice', () => {
    const read = readVerbondenPartijForm({
      naam: 'GGD', soort: 'gemeenschappelijke_regeling',
      bijdrage_1_taakveld: '7.9', bijdrage_2_taakveld: '7', bijdrage_3_taakveld: '7.1', bijdrage_3_categorie: 'vier',
      bijdrage_4_categorie: '4.4', bijdrage_5_taakveld: '7.1', bijdrage_6_taakveld: '7.1',
    });
    expect(read.ok ? [] : read.errors.map((error) => error.fieldId)).toEqual(['bijdrage_1_taakveld', 'bijdrage_2_taakveld', 'bijdrage_3_categorie', 'bijdrage_4_taakveld', 'bijdrage_6_taakveld']);
  });

  it('shows stored koppelingen in the form again', () => {
    expect(koppelingWaarden([{ taakveld: '1.1', categorie: null, omschrijving: 'Bijdrage' }])).toEqual({ bijdrage_1_taakveld: '1.1', bijdrage_1_categorie: '', bijdrage_1_omschrijving: 'Bijdrage' });
  });
});

describe('the contribution of a verbonden partij in the budget', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  const importeer = async (tenantId: string, versie: NieuweVersie, rows: string[]) => {
    const read = readBegrotingCsv(['jaar;programma;taakveld;categorie;soort;bedrag;structureel;reserve;omschrijving', ...rows].join('\n'), jarenVan(versie));
    expect(read.problemen).toEqual([]);
    await createVersie(database.db, tenantId, versie, read.regels);
  };

  it('sums lasten minus baten of the regels that fit any koppeling, each regel once, as adopted on the peildatum', async () => {
    const tenant = await createTestTenant(database.db, 'Gemeente Bijdrage');
    const other = await createTestTenant(database.db, 'Gemeente Anders');
    const primitief: NieuweVersie = { begrotingsjaar: 2027, soort: 'primitieve_begroting', naam: 'Begroting 2027', vastgesteldOp: '2026-11-10' };
    await importeer(tenant.id, primitief, [
      '2027;Gezondheid;7.1;4.4;lasten;3000000;ja;;Bijdrage GGD regio',
      '2027;Gezondheid;7.1;1.1;lasten;500000;ja;;Eigen personeel gezondheid',
      '2027;Gezondheid;7.1;4.4;baten;100000;ja;;Terugontvangen bijdrage GGD',
      '2027;Jeugd;6.1;3.4.1;lasten;400000;ja;;Jeugdgezondheidszorg',
      '2027;Jeugd;6.1;3.4.1;lasten;900000;ja;;Welzijnswerk',
      '2028;Gezondheid;7.1;4.4;lasten;3100000;ja;;Bijdrage GGD regio',
    ]);
    // The same lines in another tenant must not count.
    await importeer(other.id, primitief, ['2027;Gezondheid;7.1;4.4;lasten;9999999;ja;;Bijdrage GGD regio']);
    const uuid = await insertVerbondenPartij(database.db, tenant.id, {
      ...PARTIJ,
      bijdrage: [
        { taakveld: '7.1', categorie: '4.4', omschrijving: null },
        // Also fits the first line: it must not count twice.
        { taakveld: '7.1', categorie: null, omschrijving: 'BIJDRAGE GGD REGIO' },
        { taakveld: '6.1', categorie: null, omschrijving: 'Jeugdgezondheidszorg' },
        { taakveld: '7.4', categorie: '4.4', omschrijving: null },
      ],
    });
    const zonder = await insertVerbondenPartij(database.db, tenant.id, { ...PARTIJ, naam: 'Zonder bijdrage' });

    const bijdragen = await bijdragenInBegroting(database.db, tenant.id, { begrotingsjaar: 2027 });
    // 2027: 3,000,000 − 100,000 + 400,000 (welzijnswerk and eigen personeel do not fit); 2028: 3,100,000. In cents.
    expect(bijdragen.bedragen.get(uuid)).toEqual(new Map([[2027, 330_000_000], [2028, 310_000_000]]));
    expect(bijdragen.bedragen.has(zonder)).toBe(false);
    expect(bijdragen.zonderRegels.get(uuid)).toEqual([{ taakveld: '7.4', categorie: '4.4', omschrijving: null }]);

    // A later wijziging counts from its adoption on.
    await importeer(tenant.id, { begrotingsjaar: 2027, soort: 'begrotingswijziging', naam: 'Voorjaarsnota', raadsbesluitNummer: '2027-1', vastgesteldOp: '2027-07-01' }, ['2027;Gezondheid;7.1;4.4;lasten;250000;ja;;Hogere bijdrage GGD']);
    expect((await bijdragenInBegroting(database.db, tenant.id, { begrotingsjaar: 2027, peildatum: '2027-01-01' })).bedragen.get(uuid)?.get(2027)).toBe(330_000_000);
    expect((await bijdragenInBegroting(database.db, tenant.id, { begrotingsjaar: 2027 })).bedragen.get(uuid)?.get(2027)).toBe(355_000_000);

    // Changing the koppelingen replaces them; the other tenant cannot change this partij.
    expect(await updateVerbondenPartij(database.db, other.id, uuid, { ...PARTIJ, bijdrage: [] })).toBe(false);
    expect(await updateVerbondenPartij(database.db, tenant.id, uuid, { ...PARTIJ, bijdrage: [{ taakveld: '6.1', categorie: '3.4.1', omschrijving: null }] })).toBe(true);
    expect((await listVerbondenPartijen(database.db, tenant.id)).find((partij) => partij.uuid === uuid)?.bijdrage).toEqual([{ taakveld: '6.1', categorie: '3.4.1', omschrijving: null }]);
    expect((await bijdragenInBegroting(database.db, tenant.id, { begrotingsjaar: 2027 })).bedragen.get(uuid)).toEqual(new Map([[2027, 130_000_000]]));
    expect((await bijdragenInBegroting(database.db, other.id, { begrotingsjaar: 2027 })).bedragen.size).toBe(0);
  });
});
