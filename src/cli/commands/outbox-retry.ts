import { parseOptions, required, type Command } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { selectTenant, withSession } from '../session.ts';
import { retryEvent } from '../../platform/outbox/repository.ts';

const usage = `Usage: loket outbox retry --id N [--tenant SLUG]

Makes a failed outgoing event due again; a running Loket delivers it at once.
  --id      the event's id, as listed by "loket outbox failed"
  --tenant  the tenant's slug (default: LOKET_DEFAULT_TENANT or the only tenant)`;

/** `loket outbox retry`: re-triggers one failed event. */
export const outboxRetryCommand: Command = {
  words: ['outbox', 'retry'],
  summary: 'make a failed outgoing event due again',
  usage,
  async run(args, io) {
    const options = parseOptions(args, { id: { type: 'string' }, tenant: { type: 'string' } }, usage);
    const raw = required(options.id, 'id', usage);
    const id = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id)) throw new CliError(`--id "${raw}" is not an event id (a whole number).`);
    return withSession(io, { migrate: true }, async ({ db, config }) => {
      const tenant = await selectTenant(db, options.tenant, config.defaultTenant);
      if (!(await retryEvent(db, tenant.id, id))) throw new CliError(`${tenant.name} (${tenant.slug}) has no failed event with id ${id}.`);
      io.stdout.write(`Event ${id} is due again; a running Loket will deliver it shortly.\n`);
      return 0;
    });
  },
};
