import { writeFileSync } from 'node:fs';
import { parseOptions, type Command } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { selectTenant, withSession } from '../session.ts';
import { exportCatalogus, exportZaaktype } from '../../components/catalogi/uitwisseling/export.ts';
import { serializeExport } from '../../components/catalogi/uitwisseling/format.ts';
import { ProblemError } from '../../platform/errors/problem.ts';

const usage = `Usage: loket catalogus export (--catalogus UUID | --zaaktype UUID) [--out FILE] [--tenant SLUG]

Writes a catalogue exchange file (docs/catalogus-export.md) that "loket catalogus import" reads in
another tenant or installation.
  --catalogus  export this catalogus with all its informatieobjecttypen, besluittypen and zaaktypen
  --zaaktype   export this zaaktype with the informatieobjecttypen and besluittypen it names
  --out        the file to write (default: standard output)
  --tenant     the tenant's slug (default: LOKET_DEFAULT_TENANT or the only tenant)`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `loket catalogus export`: a catalogus or one zaaktype as an exchange file. */
export const catalogusExportCommand: Command = {
  words: ['catalogus', 'export'],
  summary: 'export a catalogus or one zaaktype to a file',
  usage,
  async run(args, io) {
    const options = parseOptions(args, { catalogus: { type: 'string' }, zaaktype: { type: 'string' }, out: { type: 'string' }, tenant: { type: 'string' } }, usage);
    const { catalogus, zaaktype, out } = options;
    if ((catalogus === undefined) === (zaaktype === undefined)) throw new CliError(`Give exactly one of --catalogus and --zaaktype.\n\n${usage}`);
    const uuid = (catalogus ?? zaaktype ?? '').trim();
    if (!UUID.test(uuid)) throw new CliError(`--${catalogus !== undefined ? 'catalogus' : 'zaaktype'} "${uuid}" is not a UUID.`);
    if (out !== undefined && out.trim() === '') throw new CliError('--out needs a file name.');
    return withSession(io, { migrate: true }, async ({ db, config }) => {
      const tenant = await selectTenant(db, options.tenant, config.defaultTenant);
      let text: string;
      try {
        text = serializeExport(catalogus !== undefined ? await exportCatalogus(db, tenant.id, uuid) : await exportZaaktype(db, tenant.id, uuid));
      } catch (error) {
        if (error instanceof ProblemError && error.code === 'not_found') throw new CliError(`${error.detail ?? error.message} (tenant ${tenant.slug})`);
        throw error;
      }
      if (out === undefined) {
        io.stdout.write(text);
        return 0;
      }
      writeFileSync(out, text);
      const what = catalogus !== undefined ? `Catalogus ${uuid}` : `Zaaktype ${uuid}`;
      io.stdout.write(`${what} of ${tenant.name} (${tenant.slug}) exported to ${out}.\n`);
      return 0;
    });
  },
};
