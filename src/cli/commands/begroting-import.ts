import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { createProgress, type Progress } from '../progress.ts';
import { selectTenant, withSession } from '../session.ts';
import type { VersieSoort } from '../../platform/database/tables/financien.ts';
import { BEGROTING_CSV_COLUMNS, readBegrotingCsv } from '../../financien/begroting/csv-regels.ts';
import { createVersie, jarenVan, VERSIE_SOORTEN, VersieError, type NieuweVersie } from '../../financien/begroting/versies.ts';

const usage = `Usage: loket begroting import FILE.csv --jaar JAAR [--soort SOORT] [--naam NAAM] [--raadsbesluit NR] [--vastgesteld YYYY-MM-DD] [--kwartaal N] [--tenant SLUG]

Reads begrotingsregels (semicolon-separated, a header line with the columns
  ${BEGROTING_CSV_COLUMNS.join(';')}
soort = lasten|baten, bedrag in euro with a decimal comma or point, structureel = ja|nee, reserve empty
unless the row is a reservemutatie on taakveld 0.10) as one new version of the budget of JAAR. Every row
is checked first; when any row has a problem, each is reported with its row number and nothing is imported.
  --jaar         the begrotingsjaar t (the budget holds t … t+3; realisatie and jaarrekening only t)
  --soort        primitieve_begroting (default), begrotingswijziging, realisatie or jaarrekening
  --naam         how the version is called (default: from soort and jaar)
  --raadsbesluit the raadsbesluit number (required for a begrotingswijziging)
  --vastgesteld  the day the raad adopted it (default: today); for realisatie the quarter's last day
  --kwartaal     1 … 4, for a realisatie
  --tenant       the tenant's slug (default: LOKET_DEFAULT_TENANT or the only tenant)`;

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        jaar: { type: 'string' },
        soort: { type: 'string' },
        naam: { type: 'string' },
        raadsbesluit: { type: 'string' },
        vastgesteld: { type: 'string' },
        kwartaal: { type: 'string' },
        tenant: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${usage}`);
  }
}

const NAMEN: Record<VersieSoort, string> = {
  primitieve_begroting: 'Primitieve begroting',
  begrotingswijziging: 'Begrotingswijziging',
  realisatie: 'Realisatie',
  jaarrekening: 'Jaarrekening',
};

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The version the options describe, checked before the file is read. */
function versieFrom(values: ReturnType<typeof parse>['values']): NieuweVersie {
  if (!values.jaar || !/^\d{4}$/.test(values.jaar)) throw new CliError(`--jaar is required: the begrotingsjaar, e.g. 2027.\n\n${usage}`);
  const soort = (values.soort ?? 'primitieve_begroting') as VersieSoort;
  if (!VERSIE_SOORTEN.includes(soort)) throw new CliError(`--soort must be one of ${VERSIE_SOORTEN.join(', ')}.`);
  const vastgesteldOp = values.vastgesteld ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(vastgesteldOp) || Number.isNaN(Date.parse(vastgesteldOp))) throw new CliError('--vastgesteld must be a date written YYYY-MM-DD.');
  let kwartaal: number | undefined;
  if (values.kwartaal !== undefined) {
    if (!/^[1-4]$/.test(values.kwartaal)) throw new CliError('--kwartaal must be 1, 2, 3 or 4.');
    kwartaal = Number(values.kwartaal);
  }
  const begrotingsjaar = Number(values.jaar);
  const naam = values.naam?.trim() || `${NAMEN[soort]} ${begrotingsjaar}${kwartaal ? ` kwartaal ${kwartaal}` : ''}${values.raadsbesluit ? ` (${values.raadsbesluit})` : ''}`;
  return { begrotingsjaar, soort, naam, raadsbesluitNummer: values.raadsbesluit?.trim() || undefined, vastgesteldOp, kwartaal };
}

/** `loket begroting import`: one version of the budget from a CSV, every row checked, all or nothing. */
export const begrotingImportCommand: Command = {
  words: ['begroting', 'import'],
  summary: 'import begrotingsregels from CSV as a new budget version (all or nothing)',
  usage,
  async run(args, io) {
    const { values, positionals } = parse(args);
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new CliError(`Give exactly one FILE to import.\n\n${usage}`);
    const versie = versieFrom(values);
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (error) {
      throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
    }
    let checking: Progress | undefined;
    const read = readBegrotingCsv(content, jarenVan(versie), (done, total) => {
      checking ??= createProgress(io.stderr, 'Checking', total);
      checking.update(done);
    });
    checking?.finish(read.problemen.length === 0 ? `Checked ${read.regels.length} row(s).` : 'Check found problems.');
    if (read.problemen.length > 0) {
      const lines = read.problemen.map((probleem) => `  rij ${probleem.rij}, ${probleem.kolom}: ${probleem.reden}`);
      throw new CliError([`${file}: niets geïmporteerd.`, `${read.problemen.length} probleem/problemen:`, ...lines].join('\n'));
    }
    return withSession(io, { migrate: true }, async ({ db, config }) => {
      const tenant = await selectTenant(db, values.tenant, config.defaultTenant);
      let writing: Progress | undefined;
      try {
        await createVersie(db, tenant.id, versie, read.regels, (done, total) => {
          writing ??= createProgress(io.stderr, 'Importing', total);
          writing.update(done);
        });
      } catch (error) {
        writing?.finish('Import rolled back.');
        if (error instanceof VersieError) throw new CliError(`${file}: niets geïmporteerd. ${error.message}`);
        throw error;
      }
      writing?.finish(`Imported ${read.regels.length} row(s).`);
      io.stdout.write(`Imported ${file} into ${tenant.name} (${tenant.slug}) as "${versie.naam}": ${read.regels.length} begrotingsregel(s).\n`);
      return 0;
    });
  },
};
