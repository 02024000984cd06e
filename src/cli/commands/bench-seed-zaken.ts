import pg from 'pg';
import { parseOptions, type Command } from '../command.ts';
import { CliError } from '../cli-error.ts';
import { createProgress, startActivity } from '../progress.ts';
import { selectTenant, withSession } from '../session.ts';
import { loadConfig } from '../../platform/config/config.ts';
import { analyzeSeededTables, seedZaken } from '../../bench-seed/seed-zaken.ts';

const DEFAULTS = { count: 1_000_000, zaaktypen: 20, years: 6, seed: 20_260_101 };
const MAX_COUNT = 50_000_000;
const MAX_ZAAKTYPEN = 500;

const usage = `Usage: loket bench seed-zaken [--count N] [--zaaktypen N] [--years N] [--seed N] [--tenant SLUG]

Fills a PostgreSQL database with benchmark data: a new catalogus (domein BN001, BN002, …) with published
zaaktypen (statustypen, resultaattypen bound to the Selectielijst, roltypen), and zaken spread over them, each
with 1–3 statussen and 1–2 rollen (residents with test-range BSNs, medewerkers); older zaken are mostly closed
with a resultaat. Identificaties come from the tenant's own counter. Written with COPY in one transaction
(all or nothing), then VACUUM (ANALYZE). Needs DATABASE_URL: the embedded database is refused.
  --count      how many zaken (default ${DEFAULTS.count.toLocaleString('en-US')}, at most ${MAX_COUNT.toLocaleString('en-US')})
  --zaaktypen  how many zaaktypen (default ${DEFAULTS.zaaktypen}, at most ${MAX_ZAAKTYPEN})
  --years      over how many years before today the zaken were registered (default ${DEFAULTS.years})
  --seed       fixes the random distribution (default ${DEFAULTS.seed})
  --tenant     the tenant's slug (default: LOKET_DEFAULT_TENANT or the only tenant)`;

/** A whole number option within bounds, or its default when absent. */
function wholeNumber(value: string | undefined, option: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const parsed = /^\d+$/.test(value.replace(/_/g, '')) ? Number(value.replace(/_/g, '')) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new CliError(`--${option} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, got "${value}".`);
  }
  return parsed;
}

/**
 * A zaak number from the counter that a client had already chosen as its own identificatie: the seed rolled back,
 * and the operator can move the counter on (or seed another tenant).
 */
function takenIdentificatie(error: unknown): CliError | undefined {
  const { code, constraint, detail } = (error ?? {}) as { code?: unknown; constraint?: unknown; detail?: unknown };
  if (code !== '23505' || constraint !== 'zaken_identificatie_unique') return undefined;
  return new CliError(`nothing was seeded: an identificatie from the tenant's counter is taken already (${String(detail)}). Raise the counter in zaak_identificatie_counters past it and run again.`);
}

/** `loket bench seed-zaken`: a million zaken (or as many as asked) for the Zaken API benchmark. */
export const benchSeedZakenCommand: Command = {
  words: ['bench', 'seed-zaken'],
  summary: 'seed a PostgreSQL database with many zaken for benchmarks',
  usage,
  async run(args, io) {
    const options = parseOptions(
      args,
      { count: { type: 'string' }, zaaktypen: { type: 'string' }, years: { type: 'string' }, seed: { type: 'string' }, tenant: { type: 'string' } },
      usage,
    );
    const count = wholeNumber(options.count, 'count', DEFAULTS.count, 1, MAX_COUNT);
    const zaaktypen = wholeNumber(options.zaaktypen, 'zaaktypen', DEFAULTS.zaaktypen, 1, MAX_ZAAKTYPEN);
    const years = wholeNumber(options.years, 'years', DEFAULTS.years, 1, 50);
    const seed = wholeNumber(options.seed, 'seed', DEFAULTS.seed, 0, 2 ** 32 - 1);
    // Checked before anything is opened: opening the embedded database would create it only to refuse it.
    if (!loadConfig(io.env).databaseUrl) {
      throw new CliError('needs PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/loket_bench). It writes with COPY, and the embedded database is not what a benchmark should measure.');
    }
    return withSession(io, { migrate: true }, async ({ db, config }) => {
      const tenant = await selectTenant(db, options.tenant, config.defaultTenant);
      const client = new pg.Client({ connectionString: config.databaseUrl });
      await client.connect();
      try {
        const started = performance.now();
        const progress = createProgress(io.stderr, 'Seeding zaken', count);
        progress.update(0);
        const result = await seedZaken(client, tenant, { count, zaaktypen, years, seed, onProgress: (done) => progress.update(done) }).catch((error: unknown) => {
          throw takenIdentificatie(error) ?? error;
        });
        const seededSeconds = (performance.now() - started) / 1000;
        progress.finish(`Seeded ${result.zaken.toLocaleString('en-US')} zaken in ${seededSeconds.toFixed(1)} s.`);
        const analysing = startActivity(io.stderr, 'Analysing the seeded tables');
        await analyzeSeededTables(client);
        const totalSeconds = (performance.now() - started) / 1000;
        analysing.finish('Analysed.');
        const number = (value: number) => value.toLocaleString('en-US');
        io.stdout.write(
          `Seeded tenant ${tenant.slug}: catalogus ${result.domein} (${result.catalogusUuid}) with ${result.zaaktypen.length} zaaktypen, ` +
            `${number(result.zaken)} zaken, ${number(result.statussen)} statussen, ${number(result.rollen)} rollen, ${number(result.resultaten)} resultaten ` +
            `in ${totalSeconds.toFixed(1)} s (${number(Math.round(result.zaken / seededSeconds))} zaken/s, VACUUM and ANALYZE included in the total).\n`,
        );
        return 0;
      } finally {
        await client.end();
      }
    });
  },
};
