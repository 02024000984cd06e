import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';

/** What Mijn omgeving's e-mails need of a zaak's initiator: the address to write to and whose data it is. */
export interface InitiatorContact {
  /** `contactpersoonRol.emailadres` of the initiator rol (as the e-forms record it); undefined when none was given. */
  emailadres: string | undefined;
  /** The initiator's BSN, for the processing log; undefined for a business. */
  bsn: string | undefined;
}

/**
 * The initiator of a zaak and the e-mail address it left (the first initiator rol). Undefined when the zaak has no
 * initiator. The address is personal data: callers log the processing when they use it.
 */
export async function findInitiatorContact(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<InitiatorContact | undefined> {
  const row = await db
    .selectFrom('rollen')
    .select(['inp_bsn', sql<string | null>`data->'contactpersoonRol'->>'emailadres'`.as('emailadres')])
    .where('tenant_id', '=', tenantId)
    .where('zaak_uuid', '=', zaakUuid)
    .where('omschrijving_generiek', '=', 'initiator')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const emailadres = row.emailadres?.trim();
  return { emailadres: emailadres ? emailadres : undefined, bsn: row.inp_bsn ?? undefined };
}
