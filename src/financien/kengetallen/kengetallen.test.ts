import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { readBegrotingCsv } from '../begroting/csv-regels.ts';
import { createVersie, jarenVan, type NieuweVersie } from '../begroting/versies.ts';
import { berekenKengetallen } from './kengetallen.ts';
import { kengetallenVoorBegroting, saveKengetalInvoer } from './service.ts';
import { signaalklasse } from './signaalwaarden.ts';

const M = 100_000_000; // one million euro in cents

const BALANS = {
  vasteSchulden: 80 * M,
  nettoVlottendeSchuld: 10 * M,
  overlopendePassiva: 5 * M,
  financieleActiva: 4 * M,
  verstrekteLeningen: 6 * M,
  uitzettingenKorterDanJaar: 1 * M,
  liquideMiddelen: 2 * M,
  overlopendeActiva: 3 * M,
  eigenVermogen: 30 * M,
  balanstotaal: 120 * M,
  nietInExploitatieGenomenGronden: 15 * M,
  bouwgrondenInExploitatie: 10 * M,
  woonlasten: 900_00,
  landelijkeWoonlastenVorigJaar: 850_00,
};

const EXPLOITATIE = { totaleBaten: 100 * M, structureleBaten: 98 * M, structureleLasten: 97 * M, structureleToevoegingenReserves: 2 * M, structureleOnttrekkingenReserves: M / 2 };

describe('the BBV kengetallen, worked by hand', () => {
  it('computes each kengetal and its provincial class', () => {
    const uitkomst = Object.fromEntries(berekenKengetallen(BALANS, EXPLOITATIE).map((kengetal) => [kengetal.naam, [kengetal.waarde, kengetal.klasse]]));
    expect(uitkomst).toEqual({
      // (80 + 10 + 5 − 4 − 1 − 2 − 3) / 100 = 85%; with the 6M of loans also subtracted 79%.
      nettoSchuldquote: [85, 'A'],
      nettoSchuldquoteGecorrigeerd: [79, 'A'],
      // 30 / 120
      solvabiliteitsratio: [25, 'B'],
      // ((98 − 97) + (0.5 − 2)) / 100
      structureleExploitatieruimte: [-0.5, 'C'],
      // (15 + 10) / 100
      grondexploitatie: [25, 'B'],
      // 900 / 850
      belastingcapaciteit: [105.9, 'C'],
    });
  });

  it('says which input is missing instead of computing with a zero', () => {
    const { vasteSchulden: _omitted, ...zonder } = BALANS;
    const [schuldquote] = berekenKengetallen(zonder, EXPLOITATIE);
    expect(schuldquote).toEqual({ naam: 'nettoSchuldquote', waarde: null, klasse: null, ontbreekt: ['vasteSchulden'] });
  });

  it('puts band boundaries in the middle class', () => {
    expect(signaalklasse(90, { richting: 'lager-beter', grenzen: [90, 130] })).toBe('B');
    expect(signaalklasse(130.1, { richting: 'lager-beter', grenzen: [90, 130] })).toBe('C');
    expect(signaalklasse(0, { richting: 'hoger-beter', grenzen: [0, 0] })).toBe('B');
    expect(signaalklasse(50.1, { richting: 'hoger-beter', grenzen: [20, 50] })).toBe('A');
  });
});

describe('kengetallen of a stored budget', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('takes the exploitatie from the budget and t−1 from its jaarrekening, the balance from the inputs', async () => {
    const tenant = await createTestTenant(database.db, 'Gemeente Kengetal');
    const importeer = async (versie: NieuweVersie, rows: string[]) => {
      const read = readBegrotingCsv(['jaar;programma;taakveld;categorie;soort;bedrag;structureel;reserve;omschrijving', ...rows].join('\n'), jarenVan(versie));
      expect(read.problemen).toEqual([]);
      await createVersie(database.db, tenant.id, versie, read.regels);
    };
    const jaar = (year: number) => [
      `${year};Dekking;0.7;4.3.1;baten;98000000;ja;;Algemene uitkering`,
      // Incidental only in the budget year: an incidental item may run three years at most.
      ...(year === 2027 ? [`${year};Dekking;0.8;4.3.1;baten;2000000;nee;;Eenmalige bijdrage`] : []),
      `${year};Sociaal;6.3;3.4.1;lasten;97000000;ja;;Bijstand`,
      `${year};Dekking;0.10;7.4;lasten;2000000;ja;Reserve onderhoud;Storting`,
      `${year};Dekking;0.10;7.4;baten;500000;ja;Algemene reserve;Onttrekking`,
    ];
    await importeer({ begrotingsjaar: 2027, soort: 'primitieve_begroting', naam: 'Begroting 2027', vastgesteldOp: '2026-11-10' }, [2027, 2028, 2029, 2030].flatMap(jaar));
    await importeer({ begrotingsjaar: 2026, soort: 'jaarrekening', naam: 'Jaarrekening 2026', vastgesteldOp: '2027-06-30' }, [
      '2026;Dekking;0.7;4.3.1;baten;90000000;ja;;Algemene uitkering',
      '2026;Sociaal;6.3;3.4.1;lasten;88000000;ja;;Bijstand',
    ]);
    await saveKengetalInvoer(database.db, tenant.id, 2027, BALANS);
    const jaren = await kengetallenVoorBegroting(database.db, tenant.id, { begrotingsjaar: 2027 });
    expect(jaren.map((item) => [item.jaar, item.bron])).toEqual([[2026, 'jaarrekening'], [2027, 'begroting'], [2028, 'begroting'], [2029, 'begroting'], [2030, 'begroting']]);
    const [vorig, begrotingsjaar, volgend] = jaren;
    expect(begrotingsjaar?.kengetallen.map((kengetal) => kengetal.waarde)).toEqual([85, 79, 25, -0.5, 25, 105.9]);
    // 2026: (90 − 88) / 90 structural room; its balance was not entered, so the schuldquote says what is missing.
    expect(vorig?.kengetallen.find((kengetal) => kengetal.naam === 'structureleExploitatieruimte')?.waarde).toBe(2.2);
    expect(vorig?.kengetallen.find((kengetal) => kengetal.naam === 'nettoSchuldquote')?.ontbreekt).toContain('vasteSchulden');
    expect(volgend?.kengetallen.find((kengetal) => kengetal.naam === 'structureleExploitatieruimte')?.waarde).toBe(-0.5);
  });
});
