import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { selectTenant, withSession } from '../session.ts';
import { importCatalogus, NOT_IMPORTED, type ImportResult } from '../../components/catalogi/uitwisseling/import.ts';
import { readExportFile } from '../../components/catalogi/uitwisseling/read-file.ts';
import { publishImport } from '../../components/catalogi/uitwisseling/publish.ts';
import type { Actor } from '../../components/catalogi/uitwisseling/system-caller.ts';
import { invalid, ProblemError } from '../../platform/errors/problem.ts';

const usage = `Usage: loket catalogus import FILE [--tenant SLUG] [--catalogus UUID] [--publish]

Reads a catalogue exchange file (docs/catalogus-export.md, written by "loket catalogus export") and
creates everything in it as concept, in one transaction: the whole file or, with a list of every
problem, nothing.
  --tenant     the tenant's slug (default: LOKET_DEFAULT_TENANT or the only tenant)
  --catalogus  add the types to this catalogus (default: the tenant's catalogus with the file's
               domein and RSIN, created from the file when there is none)
  --publish    publish the imported types too, in the same transaction`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: { tenant: { type: 'string' }, catalogus: { type: 'string' }, publish: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${usage}`);
  }
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not JSON: ${(error as Error).message}`);
  }
}

/** The operating-system user, for the audit trail (some containers have none). */
function operator(): string {
  try {
    return userInfo().username;
  } catch {
    return 'onbekend';
  }
}

/** Every problem on a line of its own, named by its place in the file. */
function problemReport(file: string, error: ProblemError): string {
  const lines = error.invalidParams.map((problem) => `  ${problem.name}: ${problem.reason}`);
  return [`${file}: ${error.detail ?? error.title}`, ...(lines.length > 0 ? [`${lines.length} problem(s):`, ...lines] : [])].join('\n');
}

function summary(result: ImportResult): string {
  return [
    `${result.informatieobjecttypen.length} informatieobjecttype(n)`,
    `${result.besluittypen.length} besluittype(n)`,
    `${result.zaaktypen.length} zaaktype(n) with ${result.onderdelen} statustypen, resultaattypen, roltypen, eigenschappen and other parts`,
  ].join(', ');
}

/** `loket catalogus import`: an exchange file into a tenant, as concepts (or published with --publish). */
export const catalogusImportCommand: Command = {
  words: ['catalogus', 'import'],
  summary: 'import a catalogue exchange file (as concept, or --publish)',
  usage,
  async run(args, io) {
    const { values, positionals } = parse(args);
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new CliError(`Give exactly one FILE to import.\n\n${usage}`);
    const catalogusUuid = values.catalogus?.trim();
    if (catalogusUuid !== undefined && !UUID.test(catalogusUuid)) throw new CliError(`--catalogus "${catalogusUuid}" is not a UUID.`);
    const json = readJson(file);
    // The file's own structure is checked before the database is opened; the rules of the API follow in the import.
    const read = readExportFile(json);
    if (!read.file) throw new CliError(problemReport(file, invalid(read.problems, NOT_IMPORTED)));
    const actor: Actor = { applicatie: 'loket-cli', gebruiker: operator(), toelichting: `loket catalogus import ${basename(file)}` };
    return withSession(io, { migrate: true }, async ({ db, config }) => {
      const tenant = await selectTenant(db, values.tenant, config.defaultTenant);
      let result: ImportResult;
      try {
        result = await db.transaction().execute(async (trx) => {
          const imported = await importCatalogus(trx, tenant, read.file, { catalogusUuid, actor });
          if (values.publish === true) await publishImport(trx, tenant, imported, { actor });
          return imported;
        });
      } catch (error) {
        if (error instanceof ProblemError) throw new CliError(problemReport(file, error));
        throw error;
      }
      const where = result.catalogus.created ? `new catalogus ${result.catalogus.uuid}` : `catalogus ${result.catalogus.uuid}`;
      const state = values.publish === true ? 'published' : 'as concept';
      io.stdout.write(`Imported ${file} into ${where} of ${tenant.name} (${tenant.slug}), ${state}: ${summary(result)}.\n`);
      return 0;
    });
  },
};
