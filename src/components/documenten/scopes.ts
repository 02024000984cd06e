/*
 * Documenten scopes as documenten-1.7.0.yaml's `security` sections name them. The route checks that the application
 * holds one of the scopes at all; the services check it again for the document's informatieobjecttype and
 * vertrouwelijkheidaanduiding (autorisaties per type, up to a maximum aanduiding).
 */

export const DOCUMENTEN_LEZEN = 'documenten.lezen';
export const DOCUMENTEN_AANMAKEN = 'documenten.aanmaken';
export const DOCUMENTEN_BIJWERKEN = 'documenten.bijwerken';
export const DOCUMENTEN_GEFORCEERD_BIJWERKEN = 'documenten.geforceerd-bijwerken';
export const DOCUMENTEN_VERWIJDEREN = 'documenten.verwijderen';
export const DOCUMENTEN_LOCK = 'documenten.lock';
export const DOCUMENTEN_GEFORCEERD_UNLOCK = 'documenten.geforceerd-unlock';
export const AUDITTRAILS_LEZEN = 'audittrails.lezen';
