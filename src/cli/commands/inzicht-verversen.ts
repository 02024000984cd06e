import type { Command } from '../command.ts';
import { parseOptions } from '../command.ts';
import { selectTenant, withSession } from '../session.ts';
import { verversAlles, vraagVolledigeVerversing } from '../../inzicht/aggregaten/verversen.ts';

const usage = `Usage: loket inzicht verversen [--volledig] [--tenant SLUG]

Brings the inzicht aggregates (the dashboards' figures) up to date: processes every change waiting in the
queue, as the running server does every minute. With --volledig the tenant's aggregates are first marked for a
rebuild from all its data (after a restore, or to check them).`;

/** `loket inzicht verversen`: refresh the dashboards' aggregates now. */
export const inzichtVerversenCommand: Command = {
  words: ['inzicht', 'verversen'],
  summary: 'refresh the aggregates behind the inzicht dashboards',
  usage,
  async run(args, io) {
    const values = parseOptions(args, { volledig: { type: 'boolean' }, tenant: { type: 'string' } }, usage);
    return withSession(io, { migrate: false }, async ({ db, config }) => {
      if (values.volledig) {
        const tenant = await selectTenant(db, values.tenant, config.defaultTenant);
        await vraagVolledigeVerversing(db, tenant.id);
      }
      const started = Date.now();
      const resultaat = await verversAlles(db);
      if (!resultaat.uitgevoerd) io.stdout.write('Another process is refreshing the aggregates; try again in a minute.\n');
      io.stdout.write(`${resultaat.wijzigingen} changes processed (${resultaat.zaken} zaken, ${resultaat.dagen} days) in ${Date.now() - started} ms.\n`);
      return resultaat.uitgevoerd ? 0 : 1;
    });
  },
};
