/*
 * Notificaties scopes as notificaties-1.0.1.yaml's `security` sections name them, plus Loket's own scope for the
 * beheer of failed deliveries (a Loket extension, documented in the README).
 */

export const NOTIFICATIES_CONSUMEREN = 'notificaties.consumeren';
export const NOTIFICATIES_PUBLICEREN = 'notificaties.publiceren';
/** Loket extension: list and re-trigger failed deliveries (`/mislukte-afleveringen`). */
export const NOTIFICATIES_BEHEREN = 'notificaties.beheren';
