import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { enqueueEvent } from '../../platform/outbox/write.ts';
import { AFLEVERING_KIND } from '../../platform/zgw/notificatie.ts';
import { CliError } from '../../cli/cli-error.ts';
import { printMislukteAfleveringen } from '../../cli/commands/notificaties-mislukt.ts';
import { notificatiesOpnieuwCommand, parseOpnieuw, retriggerAfleveringen } from '../../cli/commands/notificaties-opnieuw.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { message } from './notificaties-test-kit.ts';

/** Collects what a command writes. */
function output(): { stdout: { write(text: string): boolean }; text: () => string } {
  let text = '';
  return {
    stdout: {
      write(chunk: string) {
        text += chunk;
        return true;
      },
    },
    text: () => text,
  };
}

describe('loket notificaties mislukt | opnieuw', () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let otherTenant: Tenant;
  const abonnement = '0b9a4f5e-8c1d-4f3a-9e2b-7d6c5b4a3f21';

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db);
    otherTenant = await createTestTenant(database.db, 'Gemeente Anders');
  });
  afterAll(async () => {
    await database.close();
  });

  /** A delivery the outbox gave up on, as it stands after 24 hours of failures. */
  async function failedDelivery(at: Tenant, resourceUrl: string): Promise<number> {
    const id = await database.db.transaction().execute((trx) =>
      enqueueEvent(trx, { tenantId: at.id, kind: AFLEVERING_KIND, payload: { abonnement, notificatie: message({ resourceUrl }) }, availableAt: new Date(Date.now() + 3_600_000) }),
    );
    await sql`UPDATE outbox SET attempts = 17, failed_at = now(), last_error = 'callback answered HTTP 502' WHERE id = ${id}`.execute(database.db);
    return id;
  }

  async function isFailed(id: number): Promise<boolean> {
    const row = await database.db.selectFrom('outbox').select('failed_at').where('id', '=', id).executeTakeFirstOrThrow();
    return row.failed_at !== null;
  }

  it('lists the failed deliveries of one tenant with what a beheerder needs to act on them', async () => {
    const empty = output();
    await printMislukteAfleveringen(database.db, tenant, 100, empty);
    expect(empty.text()).toContain('No failed notification deliveries');

    const id = await failedDelivery(tenant, 'https://zaken.example/zaken/een');
    const elsewhere = await failedDelivery(otherTenant, 'https://zaken.example/zaken/elders');
    const listed = output();
    await printMislukteAfleveringen(database.db, tenant, 100, listed);
    expect(listed.text()).toContain(`id ${id}  kanaal zaken  create zaak https://zaken.example/zaken/een`);
    expect(listed.text()).toContain(`abonnement ${abonnement}`);
    expect(listed.text()).toContain('17 attempt(s)');
    expect(listed.text()).toContain('last error: callback answered HTTP 502');
    expect(listed.text()).not.toContain(`id ${elsewhere} `);
  });

  it('re-triggers one delivery by id, only within its tenant', async () => {
    const id = await failedDelivery(tenant, 'https://zaken.example/zaken/twee');
    await expect(retriggerAfleveringen(database.db, otherTenant, { id }, output())).rejects.toThrow(CliError);
    expect(await isFailed(id)).toBe(true);
    const done = output();
    await retriggerAfleveringen(database.db, tenant, { id }, done);
    expect(done.text()).toContain(`Delivery ${id} is due again`);
    expect(await isFailed(id)).toBe(false);
    await expect(retriggerAfleveringen(database.db, tenant, { id }, output())).rejects.toThrow(`has no failed notification delivery with id ${id}`);
  });

  it('re-triggers all of a tenant’s failed deliveries with --all', async () => {
    const ids = [await failedDelivery(tenant, 'https://zaken.example/zaken/drie'), await failedDelivery(tenant, 'https://zaken.example/zaken/vier')];
    const elsewhere = await failedDelivery(otherTenant, 'https://zaken.example/zaken/vijf');
    const done = output();
    await retriggerAfleveringen(database.db, tenant, { all: true }, done);
    expect(done.text()).toMatch(/^\d+ failed notification deliver(y is|ies are) due again/);
    for (const id of ids) expect(await isFailed(id)).toBe(false);
    expect(await isFailed(elsewhere)).toBe(true);
  });

  it('takes exactly one id or --all', async () => {
    expect(parseOpnieuw(['42'])).toEqual({ target: { id: 42 }, tenant: undefined });
    expect(parseOpnieuw(['--all', '--tenant', 'utrecht'])).toEqual({ target: { all: true }, tenant: 'utrecht' });
    for (const args of [[], ['42', '43'], ['--all', '42'], ['abc'], ['--alles']]) {
      expect(() => parseOpnieuw(args), args.join(' ')).toThrow(CliError);
    }
    // Refused before any database is opened.
    await expect(notificatiesOpnieuwCommand.run([], { stdout: output().stdout, stderr: process.stderr, env: {} })).rejects.toThrow('Name one delivery id or --all');
  });
});
