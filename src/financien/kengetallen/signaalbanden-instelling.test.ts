import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { readBegrotingCsv } from '../begroting/csv-regels.ts';
import { createVersie, jarenVan, type NieuweVersie } from '../begroting/versies.ts';
import { KENGETAL_NAMEN } from '../werkplek/kengetal-namen.ts';
import { kengetallenVoorBegroting, saveKengetalInvoer } from './service.ts';
import { readSignaalbandenForm, resetSignaalbanden, saveSignaalbanden, signaalbandenVan, signaalbandenWaarden } from './signaalbanden-instelling.ts';
import { PROVINCIALE_SIGNAALWAARDEN } from './signaalwaarden.ts';

const M = 100_000_000;

describe('reading the signal bands form', () => {
  it('reads the provincial table back as it shows it', () => {
    const read = readSignaalbandenForm(signaalbandenWaarden(PROVINCIALE_SIGNAALWAARDEN), KENGETAL_NAMEN);
    expect(read).toEqual({ ok: true, value: PROVINCIALE_SIGNAALWAARDEN });
  });

  it('accepts decimals with a comma and negative boundaries, keeping each kengetal\u2019s direction', () => {
    const read = readSignaalbandenForm({ ...signaalbandenWaarden(PROVINCIALE_SIGNAALWAARDEN), nettoSchuldquote_laag: '87,5', nettoSchuldquote_hoog: '120', structureleExploitatieruimte_laag: '-1', structureleExploitatieruimte_hoog: '0,5' }, KENGETAL_NAMEN);
    expect(read.ok && read.value.nettoSchuldquote).toEqual({ richting: 'lager-beter', grenzen: [87.5, 120] });
    expect(read.ok && read.value.structureleExploitatieruimte).toEqual({ richting: 'hoger-beter', grenzen: [-1, 0.5] });
  });

  it('names every problem beside its field: boundaries that descend, text, an empty field, an absurd value', () => {
    const read = readSignaalbandenForm(
      { ...signaalbandenWaarden(PROVINCIALE_SIGNAALWAARDEN), nettoSchuldquote_laag: '130', nettoSchuldquote_hoog: '90', solvabiliteitsratio_laag: 'twintig', grondexploitatie_hoog: '', belastingcapaciteit_hoog: '5000' },
      KENGETAL_NAMEN,
    );
    expect(read.ok).toBe(false);
    const errors = read.ok ? [] : read.errors;
    expect(errors.map((error) => error.fieldId)).toEqual(['nettoSchuldquote_hoog', 'solvabiliteitsratio_laag', 'grondexploitatie_hoog', 'belastingcapaciteit_hoog']);
    expect(errors[0]?.message).toContain('de grenzen moeten oplopen');
    expect(errors[0]?.message).toContain('130%');
    expect(errors[1]?.message).toContain('solvabiliteitsratio');
  });
});

describe('signal bands stored per municipality', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('classes the kengetallen in the tenant\u2019s own bands, the provincial table otherwise, and goes back on reset', async () => {
    const tenant = await createTestTenant(database.db, 'Gemeente Eigen Banden');
    const other = await createTestTenant(database.db, 'Gemeente Provinciaal');
    const versie: NieuweVersie = { begrotingsjaar: 2027, soort: 'primitieve_begroting', naam: 'Begroting 2027', vastgesteldOp: '2026-11-10' };
    const rows = [2027, 2028, 2029, 2030].flatMap((jaar) => [`${jaar};Dekking;0.7;4.3.1;baten;100000000;ja;;Algemene uitkering`, `${jaar};Sociaal;6.3;3.4.1;lasten;99000000;ja;;Bijstand`]);
    const read = readBegrotingCsv(['jaar;programma;taakveld;categorie;soort;bedrag;structureel;reserve;omschrijving', ...rows].join('\n'), jarenVan(versie));
    for (const id of [tenant.id, other.id]) {
      await createVersie(database.db, id, versie, read.regels);
      // Netto schuld (80 + 5 − 0) / 100 baten = 85%.
      await saveKengetalInvoer(database.db, id, 2027, { vasteSchulden: 80 * M, nettoVlottendeSchuld: 5 * M, overlopendePassiva: 0, financieleActiva: 0, uitzettingenKorterDanJaar: 0, liquideMiddelen: 0, overlopendeActiva: 0 });
    }
    const schuldquote = async (id: string) => (await kengetallenVoorBegroting(database.db, id, { begrotingsjaar: 2027 })).find((jaar) => jaar.jaar === 2027)?.kengetallen.find((kengetal) => kengetal.naam === 'nettoSchuldquote');

    expect(await signaalbandenVan(database.db, tenant.id)).toEqual({ banden: PROVINCIALE_SIGNAALWAARDEN, eigen: false });
    expect(await schuldquote(tenant.id)).toMatchObject({ waarde: 85, klasse: 'A' });

    // A stricter municipality: A below 60%, C above 80%, so 85% is C.
    await saveSignaalbanden(database.db, tenant.id, { ...PROVINCIALE_SIGNAALWAARDEN, nettoSchuldquote: { richting: 'lager-beter', grenzen: [60, 80] } });
    const stored = await signaalbandenVan(database.db, tenant.id);
    expect(stored.eigen).toBe(true);
    expect(stored.banden.nettoSchuldquote.grenzen).toEqual([60, 80]);
    expect(stored.banden.solvabiliteitsratio).toEqual(PROVINCIALE_SIGNAALWAARDEN.solvabiliteitsratio);
    expect(await schuldquote(tenant.id)).toMatchObject({ waarde: 85, klasse: 'C' });
    // 85% exactly on the upper boundary counts to B.
    await saveSignaalbanden(database.db, tenant.id, { ...PROVINCIALE_SIGNAALWAARDEN, nettoSchuldquote: { richting: 'lager-beter', grenzen: [60, 85] } });
    expect(await schuldquote(tenant.id)).toMatchObject({ klasse: 'B' });

    // The other municipality never sees these bands.
    expect((await signaalbandenVan(database.db, other.id)).eigen).toBe(false);
    expect(await schuldquote(other.id)).toMatchObject({ klasse: 'A' });

    await resetSignaalbanden(database.db, tenant.id);
    expect(await signaalbandenVan(database.db, tenant.id)).toEqual({ banden: PROVINCIALE_SIGNAALWAARDEN, eigen: false });
    expect(await schuldquote(tenant.id)).toMatchObject({ klasse: 'A' });
  });
});
