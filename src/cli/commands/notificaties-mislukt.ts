import type { Kysely } from 'kysely';
import { parseOptions, type Command, type CommandIo } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { selectTenant, withSession } from '../session.ts';
import type { Database, Tenant } from '../../platform/database/schema.ts';
import { listMislukteAfleveringen } from '../../components/notificaties/afleveringen/service.ts';

const usage = `Usage: loket notificaties mislukt [--limit N] [--tenant SLUG]

Lists the tenant's notification deliveries to abonnementen that were given up after 24 hours of
retries, newest first. Re-trigger them with "loket notificaties opnieuw <id>" or "--all".
  --limit   at most this many (default 100)
  --tenant  the tenant's slug (default: LOKET_DEFAULT_TENANT or the only tenant)`;

/** Writes a tenant's failed deliveries to stdout; 0 either way (none is an answer too). */
export async function printMislukteAfleveringen(db: Kysely<Database>, tenant: Tenant, limit: number, io: Pick<CommandIo, 'stdout'>): Promise<number> {
  const afleveringen = await listMislukteAfleveringen(db, tenant.id, limit);
  if (afleveringen.length === 0) {
    io.stdout.write(`No failed notification deliveries in ${tenant.name} (${tenant.slug}).\n`);
    return 0;
  }
  io.stdout.write(`Failed notification deliveries in ${tenant.name} (${tenant.slug}), newest first:\n`);
  for (const aflevering of afleveringen) {
    io.stdout.write(
      `  id ${aflevering.id}  kanaal ${aflevering.kanaal}  ${aflevering.actie} ${aflevering.resource} ${aflevering.resourceUrl}\n` +
        `      abonnement ${aflevering.abonnement}  failed ${aflevering.mislukt}  ${aflevering.pogingen} attempt(s)\n` +
        `      last error: ${aflevering.laatsteFout ?? '(none recorded)'}\n`,
    );
  }
  return 0;
}

/** `loket notificaties mislukt`: notification deliveries that failed for good. */
export const notificatiesMisluktCommand: Command = {
  words: ['notificaties', 'mislukt'],
  summary: 'list notification deliveries to abonnementen that failed for good',
  usage,
  async run(args, io) {
    const options = parseOptions(args, { limit: { type: 'string' }, tenant: { type: 'string' } }, usage);
    const limit = options.limit === undefined ? 100 : Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new CliError('--limit must be a whole number from 1 to 10000.');
    return withSession(io, { migrate: true }, async ({ db, config }) => printMislukteAfleveringen(db, await selectTenant(db, options.tenant, config.defaultTenant), limit, io));
  },
};
