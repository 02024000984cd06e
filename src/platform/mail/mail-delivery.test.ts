import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../database/schema.ts';
import { DeliveryHandlers } from '../outbox/handlers.ts';
import type { OutboxEvent } from '../outbox/event.ts';
import { PermanentDeliveryError } from '../outbox/delivery-handler.ts';
import { createMailer } from './mailer.ts';
import { MAIL_KIND, registerMailDelivery } from './mail-outbox.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../../test/smtp-server.ts';

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';

function mailHandler(handlers: DeliveryHandlers) {
  const handler = handlers.get(MAIL_KIND);
  if (!handler) throw new Error('no mail handler registered');
  return handler;
}

function mailEvent(tenant: Tenant, payload: unknown): OutboxEvent {
  return { id: 1, tenantId: tenant.id, kind: MAIL_KIND, payload, createdAt: new Date(), attempts: 1, lockedBy: null, lockedUntil: null, deliveredAt: null, failedAt: null } as OutboxEvent;
}

describe('e-mail to residents through the outbox', () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db);
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await database.close();
  });

  it('sends a queued message over SMTP with its attachment, from the municipality by name', async () => {
    const mailer = createMailer({ kind: 'smtp', url: smtp.url });
    const handlers = new DeliveryHandlers();
    registerMailDelivery(handlers, { db: database.db, mailer, fromAddress: 'noreply@voorbeeld.nl' });
    await mailHandler(handlers)(
      mailEvent(tenant, { to: 'inwoner@example.org', subject: 'Uw afspraak', text: 'Tot ziens op het gemeentehuis.', attachments: [{ filename: 'afspraak.ics', contentType: 'text/calendar', content: ICS }] }),
      new AbortController().signal,
    );
    mailer.close();
    const mail = await smtp.waitForMessage('inwoner@example.org');
    expect(mail.subject).toBe('Uw afspraak');
    expect(mail.text?.trim()).toBe('Tot ziens op het gemeentehuis.');
    expect(mail.from?.value[0]).toEqual({ address: 'noreply@voorbeeld.nl', name: tenant.name });
    expect(mail.attachments.map((attachment) => [attachment.filename, attachment.contentType])).toEqual([['afspraak.ics', 'text/calendar']]);
    expect(mail.attachments[0]?.content.toString('utf8')).toBe(ICS);
  });

  it('fails a message without a usable address at once instead of retrying it', async () => {
    const handlers = new DeliveryHandlers();
    registerMailDelivery(handlers, { db: database.db, mailer: createMailer({ kind: 'smtp', url: smtp.url }), fromAddress: 'noreply@voorbeeld.nl' });
    await expect(mailHandler(handlers)(mailEvent(tenant, { to: 'geen adres', subject: 'x', text: 'x' }), new AbortController().signal)).rejects.toBeInstanceOf(PermanentDeliveryError);
  });

  it('writes whole .eml files to the mail folder when no SMTP server is configured (the embedded demo)', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'loket-mail-'));
    try {
      const mailer = createMailer({ kind: 'folder', directory: join(directory, 'mail') });
      await mailer.send({ to: 'inwoner@example.org', subject: 'Bevestiging', text: 'Uw aanvraag is ontvangen.' }, '"Gemeente Voorbeeld" <noreply@voorbeeld.nl>');
      const files = await readdir(join(directory, 'mail'));
      expect(files).toHaveLength(1);
      const [file = ''] = files;
      expect(file).toMatch(/\.eml$/);
      const raw = await readFile(join(directory, 'mail', file), 'utf8');
      expect(raw).toContain('Subject: Bevestiging');
      expect(raw).toContain('Uw aanvraag is ontvangen.');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
