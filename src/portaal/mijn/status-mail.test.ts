import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { createLogger } from '../../platform/logging/logger.ts';
import { OutboxDispatcher } from '../../platform/outbox/dispatcher.ts';
import { createMailer, type Mailer } from '../../platform/mail/mailer.ts';
import { registerMailDelivery } from '../../platform/mail/mail-outbox.ts';
import { registerNotificatiesDelivery } from '../../components/notificaties/delivery.ts';
import { NOTIFICATIE_KIND, type Notificatie } from '../../platform/zgw/notificatie.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, hostOf, type TestApp } from '../../../test/fixtures.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../../test/smtp-server.ts';
import { waitUntil } from '../../../test/wait-until.ts';
import { insertTestZaaktype, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import { insertTestStatus } from '../../components/zaken/zaken/zaken-test-kit.ts';
import { insertOwnZaak } from './mijn-test-kit.ts';
import { statusMailSubscriber } from './status-mail.ts';

const BSN = '999993653';

/*
 * The initiator's e-mail on a new status, end to end: a status set through the Zaken API is published on kanaal
 * `zaken`, the outbox fans the notification out (with the status e-mail as internal subscriber), and the mail event
 * reaches a real SMTP server on loopback.
 */
describe('status e-mail to the initiator', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let zaaktype: TestZaaktype;
  let token: string;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let dispatcher: OutboxDispatcher;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db, 'Gemeente Voorbeeld');
    zaaktype = await insertTestZaaktype(database.db, tenant);
    // "In behandeling" informs the initiator; "Ontvangen" does not.
    const informing = zaaktype.statustypen[1]?.uuid ?? '';
    await database.db
      .updateTable('statustypen')
      .set({ informeren: true, data: JSON.stringify({ statustekst: 'Uw aanvraag is in behandeling genomen.' }) })
      .where('uuid', '=', informing)
      .execute();
    await database.db.updateTable('zaaktypen').set({ omschrijving: 'Parkeervergunning' }).where('uuid', '=', zaaktype.uuid).execute();
    token = await (await createTestClient(database.db, test.keys, tenant, { heeftAlleAutorisaties: true })).token();
    smtp = await startTestSmtpServer();
    mailer = createMailer({ kind: 'smtp', url: smtp.url });
    dispatcher = new OutboxDispatcher({ db: database.db, logger: createLogger('silent'), leaseSeconds: 60, pollMs: 50, workerId: 'status-mail' });
    registerNotificatiesDelivery(dispatcher.handlers, {
      db: database.db,
      keys: test.keys,
      outbound: { allowPrivateNetworks: true },
      notify: () => dispatcher.notify(),
      internalSubscribers: [statusMailSubscriber({ keys: test.keys, logger: createLogger('silent') })],
    });
    registerMailDelivery(dispatcher.handlers, { db: database.db, mailer, fromAddress: 'noreply@voorbeeld.nl' });
    dispatcher.start();
  });

  afterAll(async () => {
    await dispatcher.stop();
    mailer.close();
    await smtp.close();
    await test.app.close();
    await database.close();
  });

  async function setStatus(zaakUrl: string, volgnummer: number): Promise<string> {
    const statustype = zaaktype.statustypen.find((type) => type.volgnummer === volgnummer);
    const response = await test.app.inject({
      method: 'POST',
      url: '/zaken/api/v1/statussen',
      headers: { host: hostOf(tenant), authorization: `Bearer ${token}` },
      payload: { zaak: zaakUrl, statustype: statustype?.url, datumStatusGezet: new Date().toISOString() },
    });
    expect(response.statusCode, response.body).toBe(201);
    dispatcher.notify();
    return String((response.json() as { uuid: string }).uuid);
  }

  /** Waits until the status's notification is fanned out and every mail queued since is delivered. */
  async function settled(statusUuid: string): Promise<void> {
    await waitUntil('the status notification and the mails are delivered', async () => {
      const pending = await database.db
        .selectFrom('outbox')
        .select('id')
        .where('tenant_id', '=', tenant.id)
        .where('delivered_at', 'is', null)
        .where('failed_at', 'is', null)
        .where((eb) => eb.or([eb('kind', '=', 'mail'), eb.and([eb('kind', '=', NOTIFICATIE_KIND), eb(sql<string>`payload->>'resourceUrl'`, 'like', `%${statusUuid}`)])]))
        .execute();
      return pending.length === 0;
    });
  }

  it('e-mails the initiator when the status\'s statustype says so: zaak number and type, status text and a link, nothing else', async () => {
    const zaak = await insertOwnZaak(database.db, tenant, zaaktype, { bsn: BSN, email: 'suzanne@example.org' });
    await setStatus(zaak.url, 2);
    const mail = await smtp.waitForMessage('suzanne@example.org');
    expect(mail.subject).toBe(`Nieuwe status van uw zaak ${zaak.identificatie} (Parkeervergunning)`);
    expect(mail.text).toContain('Uw aanvraag is in behandeling genomen.');
    expect(mail.text).toContain(`/mijn/zaken/${zaak.identificatie}`);
    expect(mail.text).not.toContain(BSN);
    expect(mail.text).not.toContain('Moulin');
    const logged = await database.db.selectFrom('processing_log').select(['processing_activity_id', 'data_subject_id_type']).where('tenant_id', '=', tenant.id).where('name', '=', 'status-melden-per-e-mail').execute();
    expect(logged).toEqual([{ processing_activity_id: 'zaak-behandelen', data_subject_id_type: 'BSN' }]);
  });

  it('sends nothing for a status whose statustype does not inform the initiator, nor to an initiator without an address', async () => {
    const zaak = await insertOwnZaak(database.db, tenant, zaaktype, { bsn: BSN, email: 'stil@example.org' });
    const status = await setStatus(zaak.url, 1);
    const withoutAddress = await insertOwnZaak(database.db, tenant, zaaktype, { bsn: BSN });
    const informing = await setStatus(withoutAddress.url, 2);
    await settled(status);
    await settled(informing);
    expect(smtp.messages.filter((mail) => mail.text?.includes(zaak.identificatie) || mail.text?.includes(withoutAddress.identificatie))).toHaveLength(0);
    const claimed = await database.db.selectFrom('inwoner_statusmails').select('status_uuid').where('status_uuid', 'in', [status, informing]).execute();
    // The informing status without an address is claimed (and logged as skipped), the other not at all.
    expect(claimed.map((row) => row.status_uuid)).toEqual([informing]);
  });

  it('queues one e-mail per status, however often its notification is handled', async () => {
    const zaak = await insertOwnZaak(database.db, tenant, zaaktype, { bsn: BSN, email: 'eenmaal@example.org' });
    const status = await insertTestStatus(database.db, tenant, zaak.uuid, zaaktype.statustypen[1]?.uuid ?? '', '2026-03-04T09:00:00Z');
    const notificatie: Notificatie = {
      kanaal: 'zaken',
      hoofdObject: zaak.url,
      resource: 'status',
      resourceUrl: `http://${hostOf(tenant)}/zaken/api/v1/statussen/${status}`,
      actie: 'create',
      aanmaakdatum: new Date().toISOString(),
      kenmerken: {},
    };
    const subscriber = statusMailSubscriber({ keys: test.keys, logger: createLogger('silent') });
    for (let attempt = 0; attempt < 2; attempt++) await database.db.transaction().execute((trx) => subscriber(trx, [{ tenantId: tenant.id, notificatie }]));
    const queued = await database.db
      .selectFrom('outbox')
      .select('id')
      .where('tenant_id', '=', tenant.id)
      .where('kind', '=', 'mail')
      .where(sql<string>`payload->>'to'`, '=', 'eenmaal@example.org')
      .execute();
    expect(queued).toHaveLength(1);
  });
});
