import type { Command } from '../command.ts';
import { parseOptions } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { selectTenant, withSession } from '../session.ts';
import { structureelSaldo } from '../../financien/begroting/saldo.ts';
import { opschuivendSluitend, toezichtsoordeel } from '../../financien/begroting/toezicht.ts';

const usage = `Usage: loket begroting saldo [--jaar JAAR] [--peildatum YYYY-MM-DD] [--json] [--tenant SLUG]

The structural balance per jaarschijf of the budget of JAAR (default: the latest with a primitieve
begroting), as adopted on the peildatum (default: every wijziging), in euro, positive meaning voordelig:
saldo van baten en lasten, + saldo mutaties reserves, = saldo na bestemming, − saldo incidentele baten en
lasten, = structureel saldo. Without --json also the GTK 2020 verdict and the "opschuivend sluitend" check.`;

const fmt = (value: number) => value.toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `loket begroting saldo`: the structural balance, as JSON for other tools or as a table with the verdict. */
export const begrotingSaldoCommand: Command = {
  words: ['begroting', 'saldo'],
  summary: 'print the structural balance per jaarschijf and the supervisor verdict',
  usage,
  async run(args, io) {
    const values = parseOptions(args, { jaar: { type: 'string' }, peildatum: { type: 'string' }, json: { type: 'boolean' }, tenant: { type: 'string' } }, usage);
    if (values.jaar !== undefined && !/^\d{4}$/.test(values.jaar)) throw new CliError('--jaar must be a year such as 2027.');
    if (values.peildatum !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(values.peildatum) || Number.isNaN(Date.parse(values.peildatum)))) throw new CliError('--peildatum must be a date written YYYY-MM-DD.');
    return withSession(io, { migrate: false }, async ({ db, config }) => {
      const tenant = await selectTenant(db, values.tenant, config.defaultTenant);
      let jaar = values.jaar === undefined ? undefined : Number(values.jaar);
      if (jaar === undefined) {
        const latest = await db.selectFrom('begrotingsversies').select('begrotingsjaar').where('tenant_id', '=', tenant.id).where('soort', '=', 'primitieve_begroting').orderBy('begrotingsjaar', 'desc').executeTakeFirst();
        if (!latest) throw new CliError(`${tenant.name} has no budget yet: import one with "loket begroting import".`);
        jaar = latest.begrotingsjaar;
      }
      const saldi = await structureelSaldo(db, tenant.id, { begrotingsjaar: jaar, peildatum: values.peildatum });
      if (values.json) {
        io.stdout.write(`${JSON.stringify(saldi, null, 2)}\n`);
        return 0;
      }
      const oordeel = toezichtsoordeel(saldi);
      const schuiven = await opschuivendSluitend(db, tenant.id);
      const rows: [string, keyof (typeof saldi)[number]][] = [
        ['Saldo van baten en lasten', 'saldoBatenLasten'],
        ['Saldo mutaties reserves', 'saldoReserves'],
        ['Begrotingssaldo na bestemming', 'saldoNaBestemming'],
        ['Saldo incidentele baten en lasten', 'saldoIncidenteel'],
        ['Structureel begrotingssaldo', 'structureelSaldo'],
      ];
      io.stdout.write(`Begroting ${jaar} van ${tenant.name}${values.peildatum ? `, zoals vastgesteld op ${values.peildatum}` : ''} (euro, positief = voordelig)\n`);
      io.stdout.write(`${''.padEnd(36)}${saldi.map((saldo) => String(saldo.jaar).padStart(18)).join('')}\n`);
      for (const [label, key] of rows) io.stdout.write(`${label.padEnd(36)}${saldi.map((saldo) => fmt(saldo[key]).padStart(18)).join('')}\n`);
      io.stdout.write(`\nToezicht: ${oordeel.vorm}. ${oordeel.toelichting}\n${schuiven.waarschuwing ? 'Waarschuwing: ' : ''}${schuiven.toelichting}\n`);
      return 0;
    });
  },
};
