import { parseOptions, type Command } from '../command.ts';
import { withSession } from '../session.ts';
import { startActivity } from '../progress.ts';
import { listTenants } from '../../platform/tenants/repository.ts';
import { verifyProcessingLog } from '../../platform/processing-log/verify.ts';

const usage = `Usage: loket verify-log

Checks the hash chain of every tenant's processing log (Logboek dataverwerkingen): a record that
was changed, removed or cut off shows as a problem. Exit code 0 when the log is intact, 1 when
problems were found.`;

/** `loket verify-log`: proves the processing log was not tampered with, or says where it was. */
export const verifyLogCommand: Command = {
  words: ['verify-log'],
  summary: 'check the processing log hash chains (exit 1 when tampered with)',
  usage,
  async run(args, io) {
    parseOptions(args, {}, usage);
    return withSession(io, { migrate: true }, async ({ db }) => {
      const tenants = await listTenants(db);
      // An installation-wide check, so an installation-wide estimate: the chain heads count their records.
      const expected = await db
        .selectFrom('processing_log_heads')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('row_count'), eb.lit(0)).as('total'))
        .executeTakeFirstOrThrow();
      const activity = startActivity(io.stderr, `Checking the processing log of ${tenants.length} tenant(s), about ${Number(expected.total)} record(s)…`);
      let result: Awaited<ReturnType<typeof verifyProcessingLog>>;
      try {
        result = await verifyProcessingLog(db);
      } catch (error) {
        activity.finish('The check stopped.');
        throw error;
      }
      activity.finish(`Checked ${result.checked} record(s).`);
      if (result.problems.length === 0) {
        io.stdout.write(`The processing log is intact: ${result.checked} record(s) checked in ${tenants.length} tenant(s).\n`);
        return 0;
      }
      const slugs = new Map(tenants.map((tenant) => [tenant.id, tenant.slug]));
      io.stdout.write(`The processing log is NOT intact: ${result.problems.length} problem(s) in ${result.checked} record(s):\n`);
      for (const problem of result.problems) {
        io.stdout.write(`  tenant ${slugs.get(problem.tenantId) ?? problem.tenantId}, seq ${problem.seq}: ${problem.problem}\n`);
      }
      return 1;
    });
  },
};
