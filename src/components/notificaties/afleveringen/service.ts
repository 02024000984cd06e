import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { listFailedEvents, retryEvent, retryFailedEvents } from '../../../platform/outbox/repository.ts';
import { AFLEVERING_KIND, parseAflevering } from '../../../platform/zgw/notificatie.ts';
import { abonnementUrl } from '../shared/urls.ts';

/*
 * Failed deliveries (a Loket extension): deliveries the outbox gave up after 24 hours of retries, for a beheerder
 * to see and re-trigger, through `loket notificaties mislukt|opnieuw` and `/notificaties/api/v1/mislukte-afleveringen`.
 * A delivery's payload is the notification itself (informatie-arm: URLs and kenmerken) and the abonnement's uuid;
 * the abonnement's Authorization header is never part of it.
 */

/** One failed delivery as a beheerder sees it. */
export interface MislukteAflevering {
  id: number;
  /** The abonnement's uuid. */
  abonnement: string;
  kanaal: string;
  resource: string;
  resourceUrl: string;
  actie: string;
  aanmaakdatum: string;
  pogingen: number;
  mislukt: string;
  laatsteFout: string | null;
}

/** The tenant's failed deliveries, newest failure first. */
export async function listMislukteAfleveringen(db: Kysely<Database>, tenantId: string, limit = 100): Promise<MislukteAflevering[]> {
  const events = await listFailedEvents(db, tenantId, { kind: AFLEVERING_KIND, withPayload: true, limit });
  return events.map((event) => {
    let abonnement = '';
    let notificatie = { kanaal: '', resource: '', resourceUrl: '', actie: '', aanmaakdatum: '' };
    try {
      const aflevering = parseAflevering(event.payload);
      abonnement = aflevering.abonnement;
      notificatie = aflevering.notificatie;
    } catch {
      // A malformed payload (failed for that very reason) is listed with what the event itself says.
    }
    return {
      id: event.id,
      abonnement,
      kanaal: notificatie.kanaal,
      resource: notificatie.resource,
      resourceUrl: notificatie.resourceUrl,
      actie: notificatie.actie,
      aanmaakdatum: notificatie.aanmaakdatum,
      pogingen: event.attempts,
      mislukt: event.failedAt.toISOString(),
      laatsteFout: event.lastError,
    };
  });
}

/** A failed delivery as API JSON: the abonnement as its URL. */
export function presentMislukteAflevering(aflevering: MislukteAflevering, base: string): MislukteAflevering & { abonnementUrl: string } {
  return { ...aflevering, abonnementUrl: abonnementUrl(base, aflevering.abonnement) };
}

/** Makes one failed delivery of the tenant due again; false when it has none with this id. */
export async function opnieuwAfleveren(db: Kysely<Database>, tenantId: string, id: number): Promise<boolean> {
  return retryEvent(db, tenantId, id, { kind: AFLEVERING_KIND });
}

/** Makes every failed delivery of the tenant due again; returns how many. */
export async function allesOpnieuwAfleveren(db: Kysely<Database>, tenantId: string): Promise<number> {
  return retryFailedEvents(db, tenantId, { kind: AFLEVERING_KIND });
}
