import { sql } from 'kysely';

/*
 * One channel vocabulary for requests (zaken) and contacts, so the channel mix compares like with like. A zaak's
 * channel is the channel its e-form submission came in through (the portal, or the KCC entering it on someone's
 * behalf: telefoon, balie, …); a zaak without a submission was created through the API by another application and its
 * channel is unknown to Loket ('onbekend'). The Zaken API's communicatiekanaal is a URL into a Referentielijsten
 * list that Loket's own channels do not set, so it is not used. Keep in step with KANALEN in ../kanalen.ts.
 */

/** The channel of zaak `z`, given the lateral `inzending` (its e-form submission, if any). */
export const ZAAK_KANAAL_SQL = sql`CASE inzending.kanaal
    WHEN 'portaal' THEN 'online' WHEN 'website' THEN 'online' WHEN 'email' THEN 'e-mail' WHEN 'sociale_media' THEN 'sociale media'
    WHEN 'telefoon' THEN 'telefoon' WHEN 'balie' THEN 'balie' WHEN 'post' THEN 'post' WHEN 'chat' THEN 'chat'
    ELSE 'onbekend' END`;

/** The channel of KCC contact `k` (a contact through the website counts as online). */
export const KCC_KANAAL_SQL = sql`CASE k.kanaal WHEN 'website' THEN 'online' ELSE k.kanaal END`;
