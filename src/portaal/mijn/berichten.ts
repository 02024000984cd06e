import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { Keys } from '../../platform/crypto/keys.ts';
import type { InvalidParam } from '../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../platform/errors/problem.ts';
import { inTransaction } from '../../platform/database/transaction.ts';
import { enqueueMail } from '../../platform/mail/mail-outbox.ts';
import { logRequestProcessing, type ProcessingRequest } from '../../platform/processing-log/request.ts';
import { findInitiatorContact } from './initiator-contact.ts';
import { insertBericht, type Bericht } from './berichten-repository.ts';
import { MIJN_PATHS } from './portaal-links.ts';

export const MAX_ONDERWERP = 200;
export const MAX_TEKST = 10_000;

/** What a message needs: a subject and a text within their lengths. */
export interface BerichtInput {
  onderwerp: string;
  tekst: string;
}

/** Every problem with a message's fields, named after the form's fields. */
export function berichtProblems(input: Partial<BerichtInput>, fields: (keyof BerichtInput)[] = ['onderwerp', 'tekst']): InvalidParam[] {
  const problems: InvalidParam[] = [];
  for (const field of fields) {
    const value = (input[field] ?? '').trim();
    const max = field === 'onderwerp' ? MAX_ONDERWERP : MAX_TEKST;
    if (value === '') problems.push({ name: field, code: 'required', reason: field === 'onderwerp' ? 'Vul een onderwerp in.' : 'Schrijf uw bericht.' });
    else if (value.length > max) problems.push({ name: field, code: 'max_length', reason: `Gebruik hoogstens ${max} tekens.` });
  }
  return problems;
}

/** A member of staff sending a message (the route's staff session), for the processing log. */
export type StaffCaller = ProcessingRequest & { tenant: { id: string } };

/**
 * A behandelaar's message to the initiator of a zaak. In one transaction: the message, and, when the initiator left
 * an e-mail address, the e-mail "U heeft een nieuw bericht" with only a link (the message itself stays behind the
 * sign-in); reading that address is logged as processing for the zaak. No address: no e-mail, the resident sees the
 * message on the next visit. 404 for a zaak of another tenant.
 */
export async function sendBerichtToInitiator(
  deps: { db: Kysely<Database>; keys: Pick<Keys, 'pseudonymise'> },
  caller: StaffCaller,
  input: BerichtInput & { zaakUuid: string; afzender: string; origin: string },
): Promise<{ uuid: string; gemaild: boolean }> {
  const problems = berichtProblems(input);
  if (problems.length > 0) throw invalid(problems);
  const tenantId = caller.tenant.id;
  const startTime = new Date();
  return inTransaction(deps.db, async (trx) => {
    const zaak = await trx.selectFrom('zaken').select(['uuid', 'identificatie']).where('tenant_id', '=', tenantId).where('uuid', '=', input.zaakUuid).executeTakeFirst();
    if (!zaak) throw new ProblemError('not_found', 'Deze zaak bestaat niet.');
    const uuid = await insertBericht(trx, { tenantId, zaakUuid: zaak.uuid, richting: 'van_behandelaar', onderwerp: input.onderwerp.trim(), tekst: input.tekst.trim(), afzender: input.afzender });
    const contact = await findInitiatorContact(trx, tenantId, zaak.uuid);
    if (contact?.emailadres === undefined) return { uuid, gemaild: false };
    await enqueueMail(trx, tenantId, {
      to: contact.emailadres,
      subject: 'U heeft een nieuw bericht',
      text: [
        'Beste inwoner,',
        '',
        `U heeft een nieuw bericht over uw zaak ${zaak.identificatie}.`,
        'Lees het bericht in Mijn omgeving (u logt eerst in):',
        `${input.origin}${MIJN_PATHS.berichten}`,
        '',
        'Dit is een automatisch bericht; u kunt er niet op antwoorden.',
      ].join('\n'),
    });
    await logRequestProcessing(trx, deps.keys, caller, {
      activityId: 'zaak-behandelen',
      name: 'bericht-melden-per-e-mail',
      status: 'ok',
      startTime,
      dataSubjects: contact.bsn === undefined ? [] : [{ type: 'BSN', id: contact.bsn }],
      attributes: { zaak: zaak.uuid },
    });
    return { uuid, gemaild: true };
  });
}

/** The resident's reply to a message: a new message on the same zaak, from the resident. */
export async function replyToBericht(db: Kysely<Database>, tenantId: string, bericht: Pick<Bericht, 'zaakUuid' | 'onderwerp'>, input: { tekst: string; afzender: string }): Promise<string> {
  const problems = berichtProblems({ tekst: input.tekst }, ['tekst']);
  if (problems.length > 0) throw invalid(problems);
  const onderwerp = /^re:/i.test(bericht.onderwerp) ? bericht.onderwerp : `Re: ${bericht.onderwerp}`;
  return insertBericht(db, { tenantId, zaakUuid: bericht.zaakUuid, richting: 'van_inwoner', onderwerp: onderwerp.slice(0, MAX_ONDERWERP), tekst: input.tekst.trim(), afzender: input.afzender });
}
