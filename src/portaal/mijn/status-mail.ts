import { sql, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../platform/database/schema.ts';
import type { Keys } from '../../platform/crypto/keys.ts';
import { enqueueMail } from '../../platform/mail/mail-outbox.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';
import { traceFromHeader } from '../../platform/http/trace-context.ts';
import { logProcessing } from '../../platform/processing-log/log.ts';
import type { Notificatie } from '../../platform/zgw/notificatie.ts';
import type { InternalSubscriber } from '../../platform/zgw/notificatie-fan-out.ts';
import { findInitiatorContact } from './initiator-contact.ts';
import { portaalOrigin, zaakPath } from './portaal-links.ts';

/*
 * The initiator's e-mail when a zaak reaches a status whose statustype says the initiator is informed (`informeren`).
 * It follows the notifications path: Loket publishes every new status on kanaal `zaken` (resource `status`, actie
 * `create`), whichever channel set it (the API, the staff workspace), and this internal subscriber of the fan-out
 * queues the e-mail in the fan-out's transaction. Once per status: a table of sent status e-mails holds each status
 * at most once, so even a notification published or fanned out twice sends one e-mail.
 */

const STATUS_PATH = /\/zaken\/api\/v1\/statussen\/([0-9a-f-]{36})\/?$/i;

/** The status a notification is about, when it announces a new status of a zaak. */
export function newStatusUuid(notificatie: Notificatie): string | undefined {
  if (notificatie.kanaal !== 'zaken' || notificatie.resource !== 'status' || notificatie.actie !== 'create') return undefined;
  try {
    return STATUS_PATH.exec(new URL(notificatie.resourceUrl).pathname)?.[1]?.toLowerCase();
  } catch {
    return undefined;
  }
}

/** What the e-mail says: the zaak's number and type, the status text and a link; no other personal data. */
export function statusMail(to: string, facts: { identificatie: string; zaaktype: string; statustekst: string; link: string }): MailMessage {
  return {
    to,
    subject: `Nieuwe status van uw zaak ${facts.identificatie} (${facts.zaaktype})`,
    text: [
      'Beste inwoner,',
      '',
      `Er is nieuws over uw zaak ${facts.identificatie} (${facts.zaaktype}):`,
      '',
      facts.statustekst,
      '',
      'Bekijk uw zaak in Mijn omgeving (u logt eerst in):',
      facts.link,
      '',
      'Dit is een automatisch bericht; u kunt er niet op antwoorden.',
    ].join('\n'),
  };
}

async function mailForStatus(trx: Transaction<Database>, keys: Pick<Keys, 'pseudonymise'>, logger: Logger, tenantId: string, statusUuid: string, notificatie: Notificatie): Promise<void> {
  const status = await trx
    .selectFrom('statussen')
    .innerJoin('statustypen', 'statustypen.uuid', 'statussen.statustype_uuid')
    .innerJoin('zaken', 'zaken.uuid', 'statussen.zaak_uuid')
    .innerJoin('zaaktypen', 'zaaktypen.uuid', 'zaken.zaaktype_uuid')
    .innerJoin('tenants', 'tenants.id', 'statussen.tenant_id')
    .select([
      'statussen.zaak_uuid',
      'statustypen.informeren',
      'statustypen.omschrijving as statustype',
      sql<string | null>`statustypen.data->>'statustekst'`.as('statustekst'),
      'zaken.identificatie',
      'zaaktypen.omschrijving as zaaktype',
      'tenants.hostnames',
      'tenants.slug',
    ])
    .where('statussen.tenant_id', '=', tenantId)
    .where('statussen.uuid', '=', statusUuid)
    .executeTakeFirst();
  // Deleted since (a zaak removed), or a status that does not inform the initiator.
  if (!status?.informeren) return;
  const claimed = await trx.insertInto('inwoner_statusmails').values({ status_uuid: statusUuid, tenant_id: tenantId }).onConflict((oc) => oc.column('status_uuid').doNothing()).returning('status_uuid').executeTakeFirst();
  if (!claimed) return;
  const contact = await findInitiatorContact(trx, tenantId, status.zaak_uuid);
  if (contact?.emailadres === undefined) {
    logger.info({ event: 'portaal.status_mail_skipped', tenantId, status: statusUuid, reason: contact ? 'no_address' : 'no_initiator' }, 'no status e-mail: the initiator left no e-mail address');
    return;
  }
  const origin = portaalOrigin({ hostnames: status.hostnames, slug: status.slug }, notificatie.resourceUrl);
  const statustekst = status.statustekst?.trim() ? status.statustekst.trim() : `De status is nu: ${status.statustype}.`;
  await enqueueMail(trx, tenantId, statusMail(contact.emailadres, { identificatie: status.identificatie, zaaktype: status.zaaktype, statustekst, link: `${origin}${zaakPath(status.identificatie)}` }));
  await logProcessing(trx, keys, {
    tenantId,
    activityId: 'zaak-behandelen',
    name: 'status-melden-per-e-mail',
    status: 'ok',
    startTime: new Date(),
    actor: 'loket',
    trace: traceFromHeader(undefined),
    dataSubjects: contact.bsn === undefined ? [] : [{ type: 'BSN', id: contact.bsn }],
    attributes: { zaak: status.zaak_uuid, status: statusUuid },
  });
}

/** The internal subscriber that e-mails initiators about new statussen (register it on the notification fan-out). */
export function statusMailSubscriber(options: { keys: Pick<Keys, 'pseudonymise'>; logger: Logger }): InternalSubscriber {
  return async (trx, notificaties) => {
    for (const { tenantId, notificatie } of notificaties) {
      const statusUuid = newStatusUuid(notificatie);
      if (statusUuid !== undefined) await mailForStatus(trx, options.keys, options.logger, tenantId, statusUuid, notificatie);
    }
  };
}
