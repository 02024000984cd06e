import { inTransaction } from '../../../platform/database/transaction.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { enqueueNotificatie, type Notificatie } from '../../../platform/zgw/notificatie.ts';
import { kanalenByNaam } from '../kanalen/service.ts';
import type { NotificatiesCaller } from '../shared/caller.ts';
import type { MessageInput } from './schemas.ts';

/** What publishing needs besides the request. */
export interface PublicerenDeps {
  db: Kysely<Database>;
  /** Wakes this process's dispatcher after the commit (absent when it does not run here). */
  notify?: () => void;
}

/**
 * `notificaties_create`: an external publisher's message, routed unchanged to every matching abonnement. The kanaal
 * must exist in the tenant and the kenmerken must be exactly the kanaal's filters (as the reference implementation
 * checks), so abonnementen can rely on them. The message goes into the outbox and fans out from there like Loket's
 * own notifications: accepted means it will be delivered, at least once, after the answer.
 */
export async function publiceerNotificatie(deps: PublicerenDeps, caller: NotificatiesCaller, input: MessageInput): Promise<Notificatie> {
  const kenmerken = input.kenmerken ?? {};
  const kanaal = (await kanalenByNaam(deps.db, caller.tenant.id, [input.kanaal])).get(input.kanaal);
  const problems: InvalidParam[] = [];
  if (!kanaal) {
    problems.push({ name: 'kanaal', code: 'kanaal-bestaat-niet', reason: `Kanaal ${input.kanaal} bestaat niet.` });
  } else {
    const given = Object.keys(kenmerken).sort();
    const expected = [...kanaal.filters].sort();
    if (given.length !== expected.length || given.some((name, index) => name !== expected[index])) {
      problems.push({
        name: 'kenmerken',
        code: 'kenmerken-inconsistent',
        reason: `De kenmerken moeten die van kanaal ${kanaal.naam} zijn: ${expected.join(', ') || '(geen)'}.`,
      });
    }
  }
  if (problems.length > 0) throw invalid(problems);
  const notificatie: Notificatie = {
    kanaal: input.kanaal,
    hoofdObject: input.hoofdObject,
    resource: input.resource,
    resourceUrl: input.resourceUrl,
    actie: input.actie,
    aanmaakdatum: input.aanmaakdatum,
    kenmerken,
  };
  await inTransaction(deps.db, (trx) => enqueueNotificatie(trx, caller.tenant.id, notificatie));
  deps.notify?.();
  return notificatie;
}
