import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { createTestApp, createTestTenant, hostOf, type TestApp } from '../../test/fixtures.ts';
import { csrfTokenIn, responseCookie } from '../../test/staff-session.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../test/smtp-server.ts';
import type { Tenant } from '../platform/database/schema.ts';
import { createLogger } from '../platform/logging/logger.ts';
import { createMailer, type Mailer } from '../platform/mail/mailer.ts';
import { registerMailDelivery } from '../platform/mail/mail-outbox.ts';
import { OutboxDispatcher } from '../platform/outbox/dispatcher.ts';
import { seedTestOffer, type TestOffer } from './afspraken-test-fixtures.ts';

/** Unfolds a calendar file into content lines (RFC 5545 3.1), after checking its line endings. */
function contentLines(file: string): string[] {
  expect(file.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  return file.replace(/\r\n[ \t]/g, '').split('\r\n').filter((line) => line !== '');
}

describe('the confirmation e-mail of an appointment, through the outbox to an SMTP server', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let offer: TestOffer;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let dispatcher: OutboxDispatcher;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db, 'Gemeente Voorbeeld');
    offer = await seedTestOffer(database.db, tenant.id);
    smtp = await startTestSmtpServer();
    mailer = createMailer({ kind: 'smtp', url: smtp.url });
    dispatcher = new OutboxDispatcher({ db: database.db, logger: createLogger('silent'), leaseSeconds: 30, pollMs: 50 });
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

  it('arrives with the management link in Dutch text and a valid .ics for the booked time', async () => {
    const start = offer.at(10 * 60);
    const host = hostOf(tenant);
    const form = await test.app.inject({ method: 'GET', url: `/afspraak/gegevens?product=${offer.productId}&locatie=${offer.locatieId}&start=${encodeURIComponent(start.toISOString())}`, headers: { host, accept: 'text/html' } });
    const aanvraag = /name="aanvraag" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const booked = await test.app.inject({
      method: 'POST',
      url: '/afspraak/gegevens',
      headers: { host, cookie: `loket_afspraak_formulier=${responseCookie(form, 'loket_afspraak_formulier') ?? ''}`, accept: 'text/html' },
      payload: { _csrf: csrfTokenIn(form.body), aanvraag, product: offer.productId, locatie: offer.locatieId, start: start.toISOString(), naam: 'Bram Bakker', e_mail: 'bram@example.org' },
    });
    expect(booked.statusCode).toBe(303);

    const mail = await smtp.waitForMessage('bram@example.org');
    expect(mail.subject).toBe('Bevestiging van uw afspraak: Paspoort aanvragen');
    expect(mail.from?.value[0]).toEqual({ address: 'noreply@voorbeeld.nl', name: 'Gemeente Voorbeeld' });
    expect(mail.text).toContain('Beste Bram Bakker,');
    expect(mail.text).toContain('Waar: Stadhuis, Plein 1, 1234 AB Teststad');
    const link = /(http:\/\/\S+\/afspraak\/wijzigen\/[A-Za-z0-9_-]{43})/.exec(mail.text ?? '')?.[1];
    expect(link).toBeDefined();
    const page = await test.app.inject({ method: 'GET', url: new URL(link ?? '').pathname, headers: { host, accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Bram Bakker');

    expect(mail.attachments).toHaveLength(1);
    const [attachment] = mail.attachments;
    expect(attachment?.filename).toBe('afspraak.ics');
    expect(attachment?.contentType).toBe('text/calendar');
    const lines = contentLines(attachment?.content.toString('utf8') ?? '');
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('METHOD:PUBLISH');
    expect(lines.find((line) => line.startsWith('UID:'))).toMatch(/^UID:[0-9a-f-]{36}@loket$/);
    expect(lines.find((line) => line.startsWith('DTSTAMP:'))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    const utc = (instant: Date) => instant.toISOString().replace(/[-:]/g, '').replace('.000', '');
    expect(lines).toContain(`DTSTART:${utc(start)}`);
    expect(lines).toContain(`DTEND:${utc(new Date(start.getTime() + 30 * 60_000))}`);
    expect(lines).toContain('SUMMARY:Afspraak Gemeente Voorbeeld: Paspoort aanvragen');
    expect(lines).toContain('LOCATION:Stadhuis\\, Plein 1\\, 1234 AB Teststad');
  });
});
