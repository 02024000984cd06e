import type { AbonnementKanaal } from '../../../platform/database/tables/notificaties.ts';

/** A filter value that matches any value of the kenmerk (as in the reference implementation). */
export const WILDCARD = '*';

/**
 * Whether a notification goes to an abonnement: one of its kanalen has the notification's kanaal, and each of that
 * kanaal's filters equals the notification's kenmerk of the same name (or is the wildcard). A kanaal without
 * filters takes every notification on it.
 */
export function abonnementMatches(kanalen: readonly AbonnementKanaal[], notificatie: { kanaal: string; kenmerken: Record<string, string> }): boolean {
  return kanalen.some(
    (kanaal) =>
      kanaal.naam === notificatie.kanaal &&
      Object.entries(kanaal.filters).every(([kenmerk, value]) => value === WILDCARD || notificatie.kenmerken[kenmerk] === value),
  );
}
