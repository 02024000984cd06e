import { parseOptions, type Command } from '../command.ts';
import { withSession } from '../session.ts';
import { listTenants } from '../../platform/tenants/repository.ts';
import { formatDemoCredentials, seedDemo } from '../../platform/seed/demo-tenant.ts';

const usage = `Usage: loket seed

Creates the demo municipality (Gemeente Voorbeeld) with one staff account per role and an API
client, and prints their credentials once. Does nothing when any tenant exists already.`;

/** `loket seed`: the demo municipality for a fresh installation. */
export const seedCommand: Command = {
  words: ['seed'],
  summary: 'create the demo municipality when there is no tenant yet',
  usage,
  async run(args, io) {
    parseOptions(args, {}, usage);
    return withSession(io, { migrate: true }, async ({ db, keys }) => {
      const tenants = await listTenants(db);
      if (tenants.length > 0) {
        io.stdout.write(`Nothing seeded: this installation already has ${tenants.length} tenant(s) (${tenants.map((t) => t.slug).join(', ')}).\n`);
        return 0;
      }
      io.stdout.write(`${formatDemoCredentials(await seedDemo(db, keys))}\n`);
      return 0;
    });
  },
};
