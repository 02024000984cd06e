import { parseOptions, required, type Command } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { withSession } from '../session.ts';
import { passesElevenTest } from '../../platform/tenants/rsin.ts';
import { findTenantByHostname, findTenantBySlug, insertTenant } from '../../platform/tenants/repository.ts';
import { seedTenantDefaults } from '../../platform/seed/tenant-defaults.ts';

const usage = `Usage: loket tenant add --slug SLUG --name NAME --rsin RSIN [--host HOST …]

Adds a municipality (tenant) to this installation.
  --slug   short name in lower-case letters, digits and hyphens, e.g. "utrecht"
  --name   the municipality's name, e.g. "Gemeente Utrecht"
  --rsin   the municipality's RSIN: nine digits passing the 11-proef
  --host   a host name that serves this tenant, e.g. loket.utrecht.nl (repeat for more)`;

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;
// DNS names and IP addresses as they appear in a Host header, without the port.
const HOSTNAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|[0-9a-f:]*:[0-9a-f:.]*)$/;

/** `loket tenant add`: registers a municipality with its host names. */
export const tenantAddCommand: Command = {
  words: ['tenant', 'add'],
  summary: 'add a municipality (tenant)',
  usage,
  async run(args, io) {
    const options = parseOptions(args, { slug: { type: 'string' }, name: { type: 'string' }, rsin: { type: 'string' }, host: { type: 'string', multiple: true } }, usage);
    const slug = required(options.slug, 'slug', usage);
    const name = required(options.name, 'name', usage);
    const rsin = required(options.rsin, 'rsin', usage);
    if (!SLUG.test(slug)) throw new CliError(`--slug "${slug}" is not a valid slug: use 2 to 63 lower-case letters, digits and hyphens, starting with a letter or digit.`);
    if (!passesElevenTest(rsin)) throw new CliError(`--rsin "${rsin}" is not a valid RSIN: it must be nine digits that pass the 11-proef.`);
    const hosts = [...new Set((options.host ?? []).map((host) => host.trim().toLowerCase()))];
    for (const host of hosts) {
      if (!HOSTNAME.test(host)) throw new CliError(`--host "${host}" is not a host name (give it without scheme, path or port, e.g. loket.utrecht.nl).`);
    }
    return withSession(io, { migrate: true }, async ({ db }) => {
      if (await findTenantBySlug(db, slug)) throw new CliError(`A tenant with slug "${slug}" exists already.`);
      for (const host of hosts) {
        const holder = await findTenantByHostname(db, host);
        if (holder) throw new CliError(`Host "${host}" already serves tenant "${holder.slug}".`);
      }
      const tenant = await db.transaction().execute(async (trx) => {
        const created = await insertTenant(trx, { slug, name, rsin, hostnames: hosts });
        await seedTenantDefaults(trx, created.id);
        return created;
      });
      io.stdout.write(`Tenant "${tenant.slug}" created: ${tenant.name}, RSIN ${tenant.rsin}, id ${tenant.id}.\n`);
      io.stdout.write(hosts.length > 0 ? `Served at: ${hosts.join(', ')}.\n` : 'It has no host names yet: it is only reached as the default tenant (LOKET_DEFAULT_TENANT or a single-tenant installation).\n');
      return 0;
    });
  },
};
