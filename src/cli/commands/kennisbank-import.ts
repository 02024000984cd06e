import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { createProgress, type Progress } from '../progress.ts';
import { selectTenant, withSession } from '../session.ts';
import type { InvalidParam } from '../../platform/errors/catalogue.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { readCsvImport } from '../../kennisbank/uitwisseling/csv-import.ts';
import { importKennisbank, NOT_IMPORTED, readImportFileStepwise, type ImportFile } from '../../kennisbank/uitwisseling/import.ts';

const usage = `Usage: loket kennisbank import FILE [--tenant SLUG]

Reads a kennisbank exchange file (JSON, as "loket kennisbank export" writes it) or a CSV of the flat
fields (a file ending in .csv) into the tenant, in one transaction: the whole file or, with a list
of every problem per row, nothing. A new slug becomes a new product; an existing one gets a new
version. Each product ends in the file's status (concept, review or gepubliceerd).
  --tenant  the tenant's slug (default: LOKET_DEFAULT_TENANT or the only tenant)`;

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: { tenant: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${usage}`);
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

/** The operating-system user, for the change history (some containers have none). */
function operator(): string {
  try {
    return userInfo().username;
  } catch {
    return 'onbekend';
  }
}

/** Every problem on a line of its own, named by its row. */
function problemReport(file: string, detail: string, problems: InvalidParam[]): string {
  return [`${file}: ${detail}`, `${problems.length} problem(s):`, ...problems.map((problem) => `  ${problem.name}: ${problem.reason}`)].join('\n');
}

/** `loket kennisbank import`: an exchange file (JSON) or flat-field CSV into a tenant, all or nothing. */
export const kennisbankImportCommand: Command = {
  words: ['kennisbank', 'import'],
  summary: 'import kennisbank products from JSON or CSV (all or nothing)',
  usage,
  async run(args, io) {
    const { values, positionals } = parse(args);
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new CliError(`Give exactly one FILE to import.\n\n${usage}`);
    const text = readText(file);
    const csv = extname(file).toLowerCase() === '.csv';
    let json: unknown;
    if (!csv) {
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new CliError(`${file} is not JSON: ${(error as Error).message}`);
      }
    }
    return withSession(io, { migrate: true }, async ({ db, config }) => {
      const tenant = await selectTenant(db, values.tenant, config.defaultTenant);
      // Checking (sanitising every text) takes a while for a large file too: it gets a bar of its own.
      let checking: Progress | undefined;
      const onChecked = (done: number, total: number) => {
        checking ??= createProgress(io.stderr, 'Checking', total);
        checking.update(done);
      };
      const read: { file?: ImportFile; problems: InvalidParam[] } = csv ? await readCsvImport(db, tenant.id, text, onChecked) : await readImportFileStepwise(json, onChecked);
      checking?.finish(read.file ? `Checked ${read.file.producten.length} product(s).` : 'Check found problems.');
      if (!read.file) throw new CliError(problemReport(file, NOT_IMPORTED, read.problems));
      let progress: Progress | undefined;
      const total = read.file.producten.length;
      try {
        const result = await importKennisbank(db, tenant.id, read.file, {
          door: `${operator()} (loket kennisbank import ${basename(file)})`,
          onProgress(done) {
            progress ??= createProgress(io.stderr, 'Importing', total);
            progress.update(done);
          },
        });
        progress?.finish(`Imported ${total} product(s).`);
        const synonyms = result.synoniemen === undefined ? '' : `, synonym list replaced (${result.synoniemen} group(s))`;
        io.stdout.write(`Imported ${file} into ${tenant.name} (${tenant.slug}): ${result.created} new, ${result.updated} updated, ${result.published} published${synonyms}.\n`);
        return 0;
      } catch (error) {
        progress?.finish('Import rolled back.');
        if (error instanceof ProblemError) throw new CliError(problemReport(file, error.detail ?? error.title, error.invalidParams));
        throw error;
      }
    });
  },
};
