import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { createTestTenant } from '../../test/fixtures.ts';
import { createKeys } from '../platform/crypto/keys.ts';
import { traceFromHeader } from '../platform/http/trace-context.ts';
import { seedTestOffer } from './afspraken-test-fixtures.ts';
import { AFSPRAAK_RETENTION_DAYS, removeOldAfspraken } from './retention.ts';
import { bookAfspraak, cancelAfspraak, changeAfspraak, newSecret } from './service.ts';

describe('removing appointments after their retention period', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('removes appointments that ended before the retention period, the one a change replaced too, and keeps the rest', async () => {
    const tenant = await createTestTenant(database.db);
    const offer = await seedTestOffer(database.db, tenant.id, { balies: 3 });
    const context = { db: database.db, keys: createKeys(randomBytes(32)), request: { tenant, trace: traceFromHeader(undefined), apiCaller: undefined }, gemeente: tenant.name, siteUrl: 'https://test.example', now: new Date() };
    const book = (minuut: number, eMail: string) => bookAfspraak(context, tenant.id, { productId: offer.productId, locatieId: offer.locatieId, start: offer.at(minuut), naam: 'Inwoner', eMail, telefoon: null, opmerking: '', aanvraagSleutel: newSecret() });
    await book(600, 'blijft@example.org');
    await book(660, 'verzet@example.org');
    const tokenOf = async (eMail: string) => {
      const rows = await database.db.selectFrom('outbox').select('payload').where('tenant_id', '=', tenant.id).execute();
      const text = rows.map((row) => row.payload as { to: string; text: string }).find((mail) => mail.to === eMail)?.text ?? '';
      return /\/afspraak\/wijzigen\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? '';
    };
    await changeAfspraak(context, tenant.id, await tokenOf('verzet@example.org'), { locatieId: offer.locatieId, start: offer.at(720), aanvraagSleutel: newSecret() });
    await book(780, 'geannuleerd@example.org');
    await cancelAfspraak(context, tenant.id, await tokenOf('geannuleerd@example.org'));

    // Just inside the period nothing goes; past it, everything that ended before the cut-off.
    const ended = offer.at(17 * 60);
    expect(await removeOldAfspraken(database.db, new Date(ended.getTime() + (AFSPRAAK_RETENTION_DAYS - 1) * 86_400_000))).toBe(0);
    const cutoff = new Date(offer.at(11 * 60 + 31).getTime() + AFSPRAAK_RETENTION_DAYS * 86_400_000);
    expect(await removeOldAfspraken(database.db, cutoff)).toBe(2);
    const left = await database.db.selectFrom('afspraken').select(['e_mail', 'status', 'vorige_afspraak_id']).where('tenant_id', '=', tenant.id).orderBy('starttijd').execute();
    expect(left).toEqual([
      { e_mail: 'verzet@example.org', status: 'geboekt', vorige_afspraak_id: null },
      { e_mail: 'geannuleerd@example.org', status: 'geannuleerd', vorige_afspraak_id: null },
    ]);
  });
});
