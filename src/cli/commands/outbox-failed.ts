import { parseOptions, type Command } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { selectTenant, withSession } from '../session.ts';
import { listFailedEvents } from '../../platform/outbox/repository.ts';

const usage = `Usage: loket outbox failed [--limit N] [--tenant SLUG]

Lists the tenant's outgoing events (notifications, webhooks) that were given up after their
retries, newest first. Re-trigger one with "loket outbox retry --id N".
  --limit   at most this many (default 100)
  --tenant  the tenant's slug (default: LOKET_DEFAULT_TENANT or the only tenant)`;

/** `loket outbox failed`: what could not be delivered. */
export const outboxFailedCommand: Command = {
  words: ['outbox', 'failed'],
  summary: 'list outgoing events that failed for good',
  usage,
  async run(args, io) {
    const options = parseOptions(args, { limit: { type: 'string' }, tenant: { type: 'string' } }, usage);
    const limit = options.limit === undefined ? 100 : Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new CliError('--limit must be a whole number from 1 to 10000.');
    return withSession(io, { migrate: true }, async ({ db, config }) => {
      const tenant = await selectTenant(db, options.tenant, config.defaultTenant);
      const events = await listFailedEvents(db, tenant.id, { limit });
      if (events.length === 0) {
        io.stdout.write(`No failed events in ${tenant.name} (${tenant.slug}).\n`);
        return 0;
      }
      io.stdout.write(`Failed events in ${tenant.name} (${tenant.slug}), newest first:\n`);
      for (const event of events) {
        io.stdout.write(
          `  id ${event.id}  ${event.kind}  created ${event.createdAt.toISOString()}  failed ${event.failedAt.toISOString()}  ${event.attempts} attempt(s)\n` +
            `      last error: ${event.lastError ?? '(none recorded)'}\n`,
        );
      }
      return 0;
    });
  },
};
