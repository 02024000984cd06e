import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { createTestTenant } from '../../test/fixtures.ts';
import { createKeys } from '../platform/crypto/keys.ts';
import type { Tenant } from '../platform/database/schema.ts';
import { traceFromHeader } from '../platform/http/trace-context.ts';
import { seedTestOffer, type TestOffer } from './afspraken-test-fixtures.ts';
import { bookAfspraak, cancelAfspraak, changeAfspraak, newSecret, type BookingContext, type BookingInput } from './service.ts';

const PARALLEL = 25;

describe('no double booking when many book the last place at once', () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let offer: TestOffer;
  const keys = createKeys(randomBytes(32));

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db);
    offer = await seedTestOffer(database.db, tenant.id, { balies: 2 });
  });
  afterAll(async () => {
    await database.close();
  });

  function context(): BookingContext {
    return { db: database.db, keys, request: { tenant, trace: traceFromHeader(undefined), apiCaller: undefined }, gemeente: tenant.name, siteUrl: 'https://test.example', now: new Date() };
  }

  function input(start: Date, eMail: string, aanvraagSleutel = newSecret()): BookingInput {
    return { productId: offer.productId, locatieId: offer.locatieId, start, naam: 'Inwoner', eMail, telefoon: null, opmerking: '', aanvraagSleutel };
  }

  async function booked(start: Date) {
    return database.db.selectFrom('afspraken').select(['plaats', 'e_mail']).where('tenant_id', '=', tenant.id).where('starttijd', '=', start).where('status', '=', 'geboekt').execute();
  }

  it(`gives the one remaining place to exactly one of ${PARALLEL} simultaneous requests`, async () => {
    const start = offer.at(10 * 60);
    expect((await bookAfspraak(context(), tenant.id, input(start, 'eerste@example.org'))).kind).toBe('geboekt');
    const results = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => bookAfspraak(context(), tenant.id, input(start, `gelijk${i}@example.org`))));
    expect(results.filter((result) => result.kind === 'geboekt')).toHaveLength(1);
    expect(results.filter((result) => result.kind === 'vol')).toHaveLength(PARALLEL - 1);
    const rows = await booked(start);
    expect(rows.map((row) => row.plaats).sort()).toEqual([1, 2]);
    // Exactly one confirmation per booking went into the outbox.
    const mails = await database.db.selectFrom('outbox').select('payload').where('tenant_id', '=', tenant.id).where('kind', '=', 'mail').execute();
    const to = mails.map((mail) => (mail.payload as { to: string }).to).filter((address) => address.startsWith('gelijk'));
    expect(to).toHaveLength(1);
  });

  it('books once when one form is submitted many times at once', async () => {
    const start = offer.at(11 * 60);
    const sleutel = newSecret();
    const results = await Promise.all(Array.from({ length: 20 }, () => bookAfspraak(context(), tenant.id, input(start, 'dubbelklik@example.org', sleutel))));
    expect(results.every((result) => result.kind === 'geboekt')).toBe(true);
    expect(results.filter((result) => result.kind === 'geboekt' && !result.herhaald)).toHaveLength(1);
    expect(await booked(start)).toHaveLength(1);
  });

  it('never leaves two live bookings when a change and a cancellation of the same booking race', async () => {
    const start = offer.at(12 * 60);
    const result = await bookAfspraak(context(), tenant.id, input(start, 'wijzig@example.org'));
    if (result.kind !== 'geboekt') throw new Error('not booked');
    const mail = await database.db.selectFrom('outbox').select('payload').where('tenant_id', '=', tenant.id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    const token = /\/afspraak\/wijzigen\/([A-Za-z0-9_-]{43})/.exec((mail.payload as { text: string }).text)?.[1] ?? '';
    const [changed, cancelled] = await Promise.all([
      changeAfspraak(context(), tenant.id, token, { locatieId: offer.locatieId, start: offer.at(12 * 60 + 30), aanvraagSleutel: newSecret() }),
      cancelAfspraak(context(), tenant.id, token),
    ]);
    // Whichever goes first, the other finds the booking ended or acts on its successor: never two live bookings.
    expect(cancelled.kind === 'geannuleerd' || changed.kind === 'geboekt').toBe(true);
    const live = await database.db.selectFrom('afspraken').select('status').where('tenant_id', '=', tenant.id).where('e_mail', '=', 'wijzig@example.org').where('status', '=', 'geboekt').execute();
    expect(live).toHaveLength(cancelled.kind === 'geannuleerd' ? 0 : 1);
  });
});
