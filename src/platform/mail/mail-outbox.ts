import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database/schema.ts';
import type { DeliveryHandlers } from '../outbox/handlers.ts';
import { PermanentDeliveryError } from '../outbox/delivery-handler.ts';
import { enqueueEvent } from '../outbox/write.ts';
import type { Mailer, MailMessage } from './mailer.ts';
import { isMailAddress } from './mail-address.ts';

/** Outbox kind of an e-mail to send. */
export const MAIL_KIND = 'mail';


/**
 * Queues an e-mail in the caller's transaction: it is sent exactly when the change it tells about commits (a booked
 * appointment, a zaak's new status), and retried by the outbox when the mail server is away.
 */
export async function enqueueMail(trx: Transaction<Database>, tenantId: string, message: MailMessage): Promise<void> {
  await enqueueEvent(trx, { tenantId, kind: MAIL_KIND, payload: message });
}

/** The sender per tenant: the municipality's name with the configured address. */
async function senderFor(db: Kysely<Database>, tenantId: string, address: string): Promise<string> {
  const tenant = await db.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirst();
  const name = (tenant?.name ?? 'Loket').replace(/["\\\r\n]/g, '');
  return `"${name}" <${address}>`;
}

/** Registers the `mail` delivery: the outbox hands each queued message to the mailer. */
export function registerMailDelivery(handlers: DeliveryHandlers, options: { db: Kysely<Database>; mailer: Mailer; fromAddress: string }): void {
  handlers.register(MAIL_KIND, async (event) => {
    const message = event.payload as MailMessage;
    // An address no mail server accepts fails at once instead of being retried for a day.
    if (typeof message?.to !== 'string' || !isMailAddress(message.to)) throw new PermanentDeliveryError('The e-mail has no valid recipient address.');
    await options.mailer.send(message, await senderFor(options.db, event.tenantId, options.fromAddress));
  });
}
