import { createHash } from 'node:crypto';

/**
 * The idempotency key of an aanvraag made on someone's behalf: the form's own random id bound to the klantcontact,
 * so a resubmitted form finds its first zaak, and a form id copied to another contact can never reach that zaak.
 */
export function namensSleutel(klantcontactUuid: string, formulierId: string): string {
  return `kcc-${createHash('sha256').update(`${klantcontactUuid}:${formulierId}`).digest('hex').slice(0, 32)}`;
}
