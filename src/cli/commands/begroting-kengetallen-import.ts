import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { selectTenant, withSession } from '../session.ts';
import { KENGETAL_CSV_COLUMNS, KENGETAL_CSV_UITLEG, readKengetalCsv } from '../../financien/kengetallen/csv-invoer.ts';
import { importKengetalInvoer } from '../../financien/kengetallen/service.ts';

const usage = `Usage: loket begroting kengetallen-import FILE.csv [--tenant SLUG]

Reads the inputs of the BBV kengetallen (balance positions per 1 January and the woonlasten) from a
semicolon-separated file with a header line and the columns
  ${KENGETAL_CSV_COLUMNS.join(';')}
one input of one year per row; bedrag in euro with a decimal comma or point. veld is one of
${KENGETAL_CSV_UITLEG.map((item) => `  ${item.code.padEnd(38)}${item.betekenis}`).join('\n')}
Every row is checked first; when any row has a problem, each is reported with its row number and nothing
is imported. An input that already existed for that year is replaced; inputs the file does not name stay.
  --tenant       the tenant's slug (default: LOKET_DEFAULT_TENANT or the only tenant)`;

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: { tenant: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${usage}`);
  }
}

/** `loket begroting kengetallen-import`: the kengetallen's inputs from a CSV, every row checked, all or nothing. */
export const begrotingKengetallenImportCommand: Command = {
  words: ['begroting', 'kengetallen-import'],
  summary: 'import the inputs of the kengetallen (balance positions, woonlasten) from CSV (all or nothing)',
  usage,
  async run(args, io) {
    const { values, positionals } = parse(args);
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new CliError(`Give exactly one FILE to import.\n\n${usage}`);
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (error) {
      throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
    }
    const read = readKengetalCsv(content.startsWith('\uFEFF') ? content.slice(1) : content);
    if (read.problemen.length > 0) {
      const lines = read.problemen.map((probleem) => `  rij ${probleem.rij}, ${probleem.kolom}: ${probleem.reden}`);
      throw new CliError([`${file}: niets geïmporteerd.`, `${read.problemen.length} probleem/problemen:`, ...lines].join('\n'));
    }
    return withSession(io, { migrate: true }, async ({ db, config }) => {
      const tenant = await selectTenant(db, values.tenant, config.defaultTenant);
      await importKengetalInvoer(db, tenant.id, read.rijen);
      const jaren = [...new Set(read.rijen.map((rij) => rij.jaar))].sort((a, b) => a - b);
      io.stdout.write(`Imported ${file} into ${tenant.name} (${tenant.slug}): ${read.rijen.length} kengetal input(s) for ${jaren.join(', ')}.\n`);
      return 0;
    });
  },
};
