import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { testEngine } from '../../../test/engine.ts';
import { runCli } from '../run.ts';

const TIMEOUT = 60_000;
const HEADER = 'jaar;programma;taakveld;categorie;soort;bedrag;structureel;reserve;omschrijving';

// One installation for the tests below, which run in order.
describe('loket begroting import and saldo', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'loket-begroting-'));
  const env: Record<string, string> = { LOKET_DATA_DIR: join(workDir, 'data'), LOKET_LOG_LEVEL: 'silent' };
  let database: TestDatabase | undefined;

  async function loket(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const status = await runCli(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text), isTTY: false }, env });
    return { status, stdout, stderr };
  }

  function file(name: string, rows: string[]): string {
    const path = join(workDir, name);
    writeFileSync(path, [HEADER, ...rows].join('\n'));
    return path;
  }

  beforeAll(async () => {
    if (testEngine().kind === 'postgres') {
      database = await createTestDatabase();
      env.DATABASE_URL = database.url ?? '';
      env.LOKET_SECRET_KEY = randomBytes(32).toString('base64');
    }
    const run = await loket('tenant', 'add', '--slug', 'voorbeeld', '--name', 'Gemeente Voorbeeld', '--rsin', '123456782');
    expect(run.status, run.stderr).toBe(0);
  }, TIMEOUT);

  afterAll(async () => {
    await database?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('refuses a file with bad rows, naming each, and imports nothing', { timeout: TIMEOUT }, async () => {
    const run = await loket('begroting', 'import', file('fout.csv', ['2027;Bestuur;0.1;3.4.1;lasten;12,50;ja;;goed', '2027;Bestuur;0.1;3.4.1;uitgaven;12,50;ja;;fout', '2027;Bestuur;9.9;3.4.1;lasten;12,50;ja;;fout']), '--jaar', '2027');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('fout.csv: niets geïmporteerd.');
    expect(run.stderr).toContain('rij 3, soort: Soort is "lasten" of "baten", niet "uitgaven".');
    expect(run.stderr).toContain('rij 4, taakveld: Taakveld 9.9 bestaat niet in de Iv3-indeling.');
    const saldo = await loket('begroting', 'saldo', '--json');
    expect(saldo.status).toBe(1);
    expect(saldo.stderr).toContain('has no budget yet');
  });

  it('imports a budget and prints its structural balance as JSON in euro', { timeout: TIMEOUT }, async () => {
    const rows = [2027, 2028, 2029, 2030].flatMap((jaar) => [
      `${jaar};Bestuur;0.1;3.4.1;lasten;1.000.000,00;ja;;Raad en college`,
      `${jaar};Algemene dekking;0.61;2.2.2;baten;${jaar === 2027 ? '900.000,00' : '1.050.000,00'};ja;;OZB woningen`,
    ]);
    rows.push('2027;Algemene dekking;0.10;7.4;baten;40.000,00;nee;Algemene reserve;Onttrekking voor verkiezingen');
    const run = await loket('begroting', 'import', file('begroting-2027.csv', rows), '--jaar', '2027', '--vastgesteld', '2026-11-10');
    expect(run.stderr).not.toContain('problem');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('as "Primitieve begroting 2027": 9 begrotingsregel(s).');
    const saldo = await loket('begroting', 'saldo', '--json');
    expect(saldo.status).toBe(0);
    expect(JSON.parse(saldo.stdout)).toEqual([
      { jaar: 2027, saldoBatenLasten: -100000, saldoReserves: 40000, saldoNaBestemming: -60000, saldoIncidenteel: 40000, structureelSaldo: -100000 },
      { jaar: 2028, saldoBatenLasten: 50000, saldoReserves: 0, saldoNaBestemming: 50000, saldoIncidenteel: 0, structureelSaldo: 50000 },
      { jaar: 2029, saldoBatenLasten: 50000, saldoReserves: 0, saldoNaBestemming: 50000, saldoIncidenteel: 0, structureelSaldo: 50000 },
      { jaar: 2030, saldoBatenLasten: 50000, saldoReserves: 0, saldoNaBestemming: 50000, saldoIncidenteel: 0, structureelSaldo: 50000 },
    ]);
    const table = await loket('begroting', 'saldo');
    expect(table.stdout).toContain('Structureel begrotingssaldo');
    expect(table.stdout).toContain('Toezicht: repressief.');
  });

  it('needs the raadsbesluit for a wijziging and refuses a second primitieve begroting', { timeout: TIMEOUT }, async () => {
    const wijziging = file('wijziging.csv', ['2027;Bestuur;0.1;3.4.1;lasten;10000;ja;;Extra']);
    const zonder = await loket('begroting', 'import', wijziging, '--jaar', '2027', '--soort', 'begrotingswijziging');
    expect(zonder.stderr).toContain('nummer van het raadsbesluit');
    const met = await loket('begroting', 'import', wijziging, '--jaar', '2027', '--soort', 'begrotingswijziging', '--raadsbesluit', '2027-03', '--vastgesteld', '2027-02-01');
    expect(met.status, met.stderr).toBe(0);
    const opnieuw = await loket('begroting', 'import', wijziging, '--jaar', '2027');
    expect(opnieuw.stderr).toContain('Er is al een primitieve begroting 2027');
    const exported = await loket('begroting', 'export', '--jaar', '2027');
    expect(exported.status, exported.stderr).toBe(0);
    const lines = exported.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('taakveld;taakveldnaam;categorie;jaar;lasten;baten;saldo');
    expect(lines).toContain('0.1;Bestuur;3.4.1;2027;1010000,00;0,00;-1010000,00');
    expect(lines).toContain('0.10;Mutaties reserves;7.4;2027;0,00;40000,00;40000,00');
    expect(lines.filter((line) => line.startsWith('0.61;'))).toHaveLength(4);
    const vooraf = JSON.parse((await loket('begroting', 'saldo', '--json', '--peildatum', '2027-01-31')).stdout) as { structureelSaldo: number }[];
    const daarna = JSON.parse((await loket('begroting', 'saldo', '--json')).stdout) as { structureelSaldo: number }[];
    expect(vooraf[0]?.structureelSaldo).toBe(-100000);
    expect(daarna[0]?.structureelSaldo).toBe(-110000);
  });

  it('imports the inputs of the kengetallen from a file, naming every bad row and importing nothing from it', { timeout: TIMEOUT }, async () => {
    const path = (name: string, lines: string[]) => {
      const full = join(workDir, name);
      writeFileSync(full, lines.join('\n'));
      return full;
    };
    const bad = await loket('begroting', 'kengetallen-import', path('kengetallen-fout.csv', ['jaar;veld;bedrag', '2027;vaste_schulden;96000000', '2027;schuld;1', '20x7;woonlasten;1037']));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('kengetallen-fout.csv: niets geïmporteerd.');
    expect(bad.stderr).toContain('rij 3, veld: "schuld" is geen invoer van de kengetallen');
    expect(bad.stderr).toContain('rij 4, jaar: "20x7" is geen jaartal');
    const good = await loket('begroting', 'kengetallen-import', path('kengetallen.csv', ['jaar;veld;bedrag', '2027;vaste_schulden;96000000', '2028;vaste_schulden;98.000.000,00', '2027;woonlasten;1037']));
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toContain('3 kengetal input(s) for 2027, 2028.');
    const help = await loket('begroting', 'kengetallen-import', '--help');
    expect(help.stdout + help.stderr).toContain('landelijke_woonlasten_vorig_jaar');
  });
});
