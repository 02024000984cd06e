import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { Command, CommandIo } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { selectTenant, withSession } from '../session.ts';
import type { Database, Tenant } from '../../platform/database/schema.ts';
import { allesOpnieuwAfleveren, opnieuwAfleveren } from '../../components/notificaties/afleveringen/service.ts';

const usage = `Usage: loket notificaties opnieuw <id> | --all [--tenant SLUG]

Makes failed notification deliveries due again; a running Loket delivers them at once. A delivery
that fails again is listed as failed again straight away (its 24 hours of retries are over).
  <id>      the delivery's id, as listed by "loket notificaties mislukt"
  --all     every failed delivery of the tenant
  --tenant  the tenant's slug (default: LOKET_DEFAULT_TENANT or the only tenant)`;

/** What to re-trigger: one delivery by id, or all of them. */
export type Opnieuw = { id: number } | { all: true };

/** Reads `<id>` or `--all` (exactly one of them) and `--tenant`. */
export function parseOpnieuw(args: string[]): { target: Opnieuw; tenant: string | undefined } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { all: { type: 'boolean' }, tenant: { type: 'string' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${usage}`);
  }
  const { positionals, values } = parsed;
  if (values.all === true && positionals.length === 0) return { target: { all: true }, tenant: values.tenant };
  const [raw, ...more] = positionals;
  if (values.all === true || raw === undefined || more.length > 0) throw new CliError(`Name one delivery id or --all.\n\n${usage}`);
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id)) throw new CliError(`"${raw}" is not a delivery id (a whole number).`);
  return { target: { id }, tenant: values.tenant };
}

/** Re-triggers what `target` names in the tenant and reports it on stdout. */
export async function retriggerAfleveringen(db: Kysely<Database>, tenant: Tenant, target: Opnieuw, io: Pick<CommandIo, 'stdout'>): Promise<number> {
  if ('all' in target) {
    const count = await allesOpnieuwAfleveren(db, tenant.id);
    io.stdout.write(`${count} failed notification deliver${count === 1 ? 'y is' : 'ies are'} due again in ${tenant.name} (${tenant.slug}).\n`);
    return 0;
  }
  if (!(await opnieuwAfleveren(db, tenant.id, target.id))) throw new CliError(`${tenant.name} (${tenant.slug}) has no failed notification delivery with id ${target.id}.`);
  io.stdout.write(`Delivery ${target.id} is due again; a running Loket will deliver it shortly.\n`);
  return 0;
}

/** `loket notificaties opnieuw`: re-triggers failed notification deliveries. */
export const notificatiesOpnieuwCommand: Command = {
  words: ['notificaties', 'opnieuw'],
  summary: 'make failed notification deliveries due again (one id or --all)',
  usage,
  async run(args, io) {
    const { target, tenant } = parseOpnieuw(args);
    return withSession(io, { migrate: true }, async ({ db, config }) => retriggerAfleveringen(db, await selectTenant(db, tenant, config.defaultTenant), target, io));
  },
};
