import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { saveCapaciteit } from './capaciteit.ts';
import { ratioKlassenVan, ratioKlassenWaarden, readRatioKlassenForm, resetRatioKlassen, saveRatioKlassen } from './ratio-klassen-instelling.ts';
import { insertRisico } from './risicos.ts';
import { STANDAARD_RATIO_KLASSEN } from './weerstandsratio.ts';
import { weerstandsvermogen } from './weerstandsvermogen.ts';

const DRIE_KLASSEN = { klasse_1: 'Goed', vanaf_1: '1,6', betekenis_1: 'ruim voldoende', klasse_2: 'Matig', vanaf_2: '1', betekenis_2: 'voldoende', klasse_3: 'Slecht', vanaf_3: '', betekenis_3: 'onvoldoende' };

describe('reading the rating table form', () => {
  it('reads the common table back as it shows it', () => {
    expect(readRatioKlassenForm(ratioKlassenWaarden(STANDAARD_RATIO_KLASSEN))).toEqual({ ok: true, value: STANDAARD_RATIO_KLASSEN });
  });

  it('reads a table of its own, skipping empty rows', () => {
    const read = readRatioKlassenForm({ ...DRIE_KLASSEN, klasse_4: '', vanaf_4: ' ', betekenis_4: '' });
    expect(read).toEqual({
      ok: true,
      value: [
        { klasse: 'Goed', vanaf: 1.6, betekenis: 'ruim voldoende' },
        { klasse: 'Matig', vanaf: 1, betekenis: 'voldoende' },
        { klasse: 'Slecht', vanaf: Number.NEGATIVE_INFINITY, betekenis: 'onvoldoende' },
      ],
    });
  });

  it('names every problem beside its field: order, a missing bound, a bound on the last class, a name twice', () => {
    const read = readRatioKlassenForm({
      klasse_1: 'A', vanaf_1: '1', betekenis_1: 'goed',
      klasse_2: 'B', vanaf_2: '1,4', betekenis_2: 'beter?',
      klasse_3: 'a', vanaf_3: '', betekenis_3: '',
      klasse_4: 'D', vanaf_4: '0,5', betekenis_4: 'slecht',
    });
    expect(read.ok).toBe(false);
    const errors = read.ok ? [] : read.errors;
    expect(errors.map((error) => error.fieldId)).toEqual(['vanaf_2', 'klasse_3', 'betekenis_3', 'vanaf_3', 'vanaf_4']);
    expect(errors[0]?.message).toContain('moet lager zijn dan die van klasse A erboven (1)');
    expect(errors[1]?.message).toContain('staat er al boven');
    expect(errors[4]?.message).toContain('heeft geen ondergrens');
  });

  it('needs at least two classes', () => {
    const read = readRatioKlassenForm({ klasse_1: 'Alles', vanaf_1: '', betekenis_1: 'één klasse' });
    expect(read.ok ? [] : read.errors).toEqual([{ fieldId: 'klasse_1', message: 'Vul ten minste 2 klassen in: de beste bovenaan en de slechtste onderaan.' }]);
  });
});

describe('the rating table stored per municipality', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('rates the weerstandsratio in the tenant\u2019s own table, the common one otherwise, and goes back on reset', async () => {
    const tenant = await createTestTenant(database.db, 'Gemeente Eigen Tabel');
    const other = await createTestTenant(database.db, 'Gemeente Gangbaar');
    for (const id of [tenant.id, other.id]) {
      // A certain risk of 1 million against 1.5 million of capacity: ratio exactly 1.5.
      await insertRisico(database.db, id, { naam: 'Zeker risico', oorzaak: '', gevolg: '', kansProcent: 100, impactCenten: 100_000_000, structureel: false, eigenaar: '', beheersmaatregel: '', verbondenPartijUuid: null });
      await saveCapaciteit(database.db, id, 2027, [{ component: 'algemene_reserve', centen: 150_000_000, toelichting: '' }]);
    }
    const standaard = await weerstandsvermogen(database.db, tenant.id, 2027);
    expect(standaard).toMatchObject({ ratio: 1.5, klasse: { klasse: 'B', betekenis: 'ruim voldoende' }, eigenKlassen: false, klassen: STANDAARD_RATIO_KLASSEN });

    const read = readRatioKlassenForm(DRIE_KLASSEN);
    if (!read.ok) throw new Error('the table should be valid');
    await saveRatioKlassen(database.db, tenant.id, read.value);
    expect(await ratioKlassenVan(database.db, tenant.id)).toEqual({ klassen: read.value, eigen: true });
    expect(await weerstandsvermogen(database.db, tenant.id, 2027)).toMatchObject({ ratio: 1.5, klasse: { klasse: 'Matig' }, eigenKlassen: true });
    expect((await weerstandsvermogen(database.db, other.id, 2027)).klasse.klasse).toBe('B');

    await resetRatioKlassen(database.db, tenant.id);
    expect(await weerstandsvermogen(database.db, tenant.id, 2027)).toMatchObject({ klasse: { klasse: 'B' }, eigenKlassen: false });
  });
});
