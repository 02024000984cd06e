import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { importVoortgang } from '../werkplek/import-pages.ts';
import { CHECK_CHUNK } from './csv-regels.ts';
import { begrotingImport, startBegrotingImport, type ImportVoortgang } from './importen.ts';

const HEADER = 'jaar;programma;taakveld;categorie;soort;bedrag;structureel;reserve;omschrijving';
const ROWS = 2 * CHECK_CHUNK + 500;
const versie = { begrotingsjaar: 2027, soort: 'primitieve_begroting' as const, naam: 'Begroting 2027', vastgesteldOp: '2026-11-10' };

function csv(bad?: number): string {
  const rows = Array.from({ length: ROWS }, (_, index) => `2027;Sociaal;6.3;3.4.1;${index === bad ? 'kosten' : 'lasten'};${index + 1},00;ja;;Regel ${index}`);
  return [HEADER, ...rows].join('\n');
}

describe('the progress of a begroting import', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('reports the check of the file chunk by chunk, then the writing, and lets the status be asked during the check', async () => {
    const tenant = await createTestTenant(database.db, 'Gemeente Voortgang');
    const reports: ImportVoortgang[] = [];
    const duringCheck: Promise<unknown>[] = [];
    let turnAfterFirstChunk: number | undefined;
    const started = await startBegrotingImport(
      database.db,
      tenant.id,
      { bestandsnaam: 'groot.csv', tekst: csv(), versie, door: 'Test' },
      {
        onUnexpectedError: (error) => {
          throw error;
        },
        onProgress: (progress) => {
          reports.push({ ...progress });
          // What the status page asks while the check is under way.
          if (progress.fase === 'controleren' && progress.verwerkt === CHECK_CHUNK) {
            duringCheck.push(begrotingImport(database.db, tenant.id, started.job.uuid));
            // A check that held the event loop would run this only after the last row.
            setImmediate(() => (turnAfterFirstChunk = reports.length));
          }
        },
      },
    );
    await started.done;
    const controleren = reports.filter((report) => report.fase === 'controleren');
    expect(controleren).toEqual([
      { fase: 'controleren', totaal: ROWS, verwerkt: CHECK_CHUNK },
      { fase: 'controleren', totaal: ROWS, verwerkt: 2 * CHECK_CHUNK },
      { fase: 'controleren', totaal: ROWS, verwerkt: ROWS },
    ]);
    // Every check report comes before the first write report.
    const firstWrite = reports.findIndex((report) => report.fase === 'importeren');
    expect(firstWrite).toBe(controleren.length);
    expect(reports[reports.length - 1]).toEqual({ fase: 'importeren', totaal: ROWS, verwerkt: ROWS });
    expect(turnAfterFirstChunk).toBe(1);
    expect(duringCheck).toHaveLength(1);
    expect(await duringCheck[0]).toMatchObject({ status: 'bezig', totaal: ROWS });
    expect(await begrotingImport(database.db, tenant.id, started.job.uuid)).toMatchObject({ status: 'voltooid', totaal: ROWS, verwerkt: ROWS });
  });

  it('ends a refused file after its check, having reported the check', async () => {
    const tenant = await createTestTenant(database.db, 'Gemeente Fout');
    const reports: ImportVoortgang[] = [];
    const started = await startBegrotingImport(database.db, tenant.id, { bestandsnaam: 'fout.csv', tekst: csv(ROWS - 1), versie, door: 'Test' }, { onUnexpectedError: () => undefined, onProgress: (progress) => reports.push({ ...progress }) });
    await started.done;
    expect(reports.map((report) => report.fase)).toEqual(['controleren', 'controleren', 'controleren']);
    const job = await begrotingImport(database.db, tenant.id, started.job.uuid);
    expect(job?.status).toBe('mislukt');
    // The bad row is the last one: file line ROWS + 1 (after the header).
    expect(job?.fouten).toEqual([{ rij: ROWS + 1, kolom: 'soort', reden: 'Soort is "lasten" of "baten", niet "kosten".' }]);
  });

  it('says which of the two steps the bar shows', () => {
    expect(importVoortgang({ status: 'bezig', fase: 'controleren', totaal: 0, verwerkt: 0 })).toBe('Stap 1 van 2: het bestand wordt gelezen.');
    expect(importVoortgang({ status: 'bezig', fase: 'controleren', totaal: 200_000, verwerkt: 40_000 })).toBe('Stap 1 van 2, controleren: 40.000 van 200.000 regels gecontroleerd.');
    expect(importVoortgang({ status: 'bezig', fase: 'importeren', totaal: 200_000, verwerkt: 5_000 })).toBe('Stap 2 van 2, importeren: 5.000 van 200.000 begrotingsregels geschreven.');
    expect(importVoortgang({ status: 'voltooid', fase: 'importeren', totaal: 200_000, verwerkt: 200_000 })).toBe('Klaar: 200.000 begrotingsregels geïmporteerd.');
  });
});
