import type { Command } from '../command.ts';
import { parseOptions, required } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { selectTenant, withSession } from '../session.ts';
import { exportTaakveldCategorie } from '../../financien/begroting/export.ts';

const usage = `Usage: loket begroting export --jaar JAAR [--peildatum YYYY-MM-DD] [--tenant SLUG] > FILE.csv

The budget of JAAR as adopted on the peildatum (default: every wijziging), per taakveld × economische
categorie × jaar, with lasten, baten and saldo in euro: semicolon-separated with decimal commas.`;

/** `loket begroting export`: the Iv3 matrix of a budget as CSV on stdout. */
export const begrotingExportCommand: Command = {
  words: ['begroting', 'export'],
  summary: 'write a budget per taakveld and categorie as CSV',
  usage,
  async run(args, io) {
    const values = parseOptions(args, { jaar: { type: 'string' }, peildatum: { type: 'string' }, tenant: { type: 'string' } }, usage);
    const jaar = required(values.jaar, 'jaar', usage);
    if (!/^\d{4}$/.test(jaar)) throw new CliError('--jaar must be a year such as 2027.');
    if (values.peildatum !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.peildatum)) throw new CliError('--peildatum must be a date written YYYY-MM-DD.');
    return withSession(io, { migrate: false }, async ({ db, config }) => {
      const tenant = await selectTenant(db, values.tenant, config.defaultTenant);
      io.stdout.write(await exportTaakveldCategorie(db, tenant.id, { begrotingsjaar: Number(jaar), peildatum: values.peildatum }));
      return 0;
    });
  },
};
