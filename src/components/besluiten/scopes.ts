/*
 * Besluiten scopes as besluiten-1.1.0.yaml's `security` sections name them. The route checks that the application
 * holds the scope at all; the services check it again for the besluittype at hand (autorisaties per type).
 */

export const BESLUITEN_LEZEN = 'besluiten.lezen';
export const BESLUITEN_AANMAKEN = 'besluiten.aanmaken';
export const BESLUITEN_BIJWERKEN = 'besluiten.bijwerken';
export const BESLUITEN_VERWIJDEREN = 'besluiten.verwijderen';
export const AUDITTRAILS_LEZEN = 'audittrails.lezen';
