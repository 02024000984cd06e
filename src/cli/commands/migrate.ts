import { parseOptions, type Command } from '../command.ts';
import { migrateWithProgress, withSession } from '../session.ts';

const usage = `Usage: loket migrate

Applies every pending database migration (the server does the same on start).`;

/** `loket migrate`: brings the database schema up to date. */
export const migrateCommand: Command = {
  words: ['migrate'],
  summary: 'apply pending database migrations',
  usage,
  async run(args, io) {
    parseOptions(args, {}, usage);
    const result = await withSession(io, { migrate: false }, ({ database }) => migrateWithProgress(database, io));
    if (result.applied.length === 0) {
      io.stdout.write(`The database is up to date (${result.alreadyApplied} migration(s) applied earlier).\n`);
    } else {
      io.stdout.write(`Applied: ${result.applied.join(', ')}.\n`);
    }
    return 0;
  },
};
