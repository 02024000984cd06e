/*
 * Catalogi scopes as the specification's `security` sections name them. Operations that accept one of several
 * scopes declare `scopes: []` (a verified JWT is required) plus the platform's `anyOfScopes`.
 */

/**
 * Reading the catalogue: `catalogi.lezen`, and by rule ztc-014 also `zaken.lezen` and `documenten.lezen`, because
 * the Zaken and Documenten APIs consult the catalogue with their own read scopes.
 */
export const CATALOGI_LEZEN = ['catalogi.lezen', 'zaken.lezen', 'documenten.lezen'] as const;

/** Creating in the catalogue (`catalogus_create`: `catalogi.schrijven`). */
export const CATALOGI_SCHRIJVEN = ['catalogi.schrijven'] as const;

/** Updating (`catalogus_update` / `_partial_update`: `(catalogi.schrijven | catalogi.geforceerd-schrijven)`). */
export const CATALOGI_BIJWERKEN = ['catalogi.schrijven', 'catalogi.geforceerd-schrijven'] as const;

/** Deleting a type (`*_destroy`: `(catalogi.schrijven | catalogi.geforceerd-verwijderen)`). */
export const CATALOGI_VERWIJDEREN = ['catalogi.schrijven', 'catalogi.geforceerd-verwijderen'] as const;
