import { writeFileSync } from 'node:fs';
import { parseOptions, type Command } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { selectTenant, withSession } from '../session.ts';
import { exportKennisbank, exportKennisbankCsv } from '../../kennisbank/uitwisseling/export.ts';

const usage = `Usage: loket kennisbank export [--format json|csv] [--out FILE] [--tenant SLUG]

Writes the tenant's whole kennisbank: every product (its published version, or else its newest)
with the synonym list, as the JSON exchange file that "loket kennisbank import" reads, or only the
flat fields as CSV.
  --format  json (default) or csv
  --out     the file to write (default: standard output)
  --tenant  the tenant's slug (default: LOKET_DEFAULT_TENANT or the only tenant)`;

/** `loket kennisbank export`: the kennisbank as a JSON exchange file or a CSV of the flat fields. */
export const kennisbankExportCommand: Command = {
  words: ['kennisbank', 'export'],
  summary: 'export the kennisbank (JSON, or CSV for the flat fields)',
  usage,
  async run(args, io) {
    const options = parseOptions(args, { format: { type: 'string' }, out: { type: 'string' }, tenant: { type: 'string' } }, usage);
    const format = options.format ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new CliError(`--format is json or csv, not "${format}".\n\n${usage}`);
    if (options.out !== undefined && options.out.trim() === '') throw new CliError('--out needs a file name.');
    return withSession(io, { migrate: true }, async ({ db, config }) => {
      const tenant = await selectTenant(db, options.tenant, config.defaultTenant);
      const text = format === 'csv' ? await exportKennisbankCsv(db, tenant.id) : `${JSON.stringify(await exportKennisbank(db, tenant.id), null, 2)}\n`;
      if (options.out === undefined) {
        io.stdout.write(text);
        return 0;
      }
      writeFileSync(options.out, text);
      io.stdout.write(`Kennisbank of ${tenant.name} (${tenant.slug}) exported to ${options.out}.\n`);
      return 0;
    });
  },
};
