import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { zakenBaseUrl } from '../shared/urls.ts';
import { assertValidBody, relationCaller } from '../shared/zaak-relation.ts';
import { zaakeigenschapBody, zaakeigenschapPatchBody, type ZaakeigenschapInput, type ZaakeigenschapPatch } from './schemas.ts';
import { changeZaakeigenschap, createZaakeigenschap, destroyZaakeigenschap, listZaakeigenschapAll, retrieveZaakeigenschap, WRITE_SCOPES } from './service.ts';

// The token must hold the scope; the service checks it again for the zaak's zaaktype and vertrouwelijkheid.
const READ = { scopes: ['zaken.lezen'] } as const;
const WRITE = { scopes: [], anyOfScopes: WRITE_SCOPES } as const;

type Collection = { Params: { zaak_uuid: string } };
type Member = { Params: { zaak_uuid: string; uuid: string } };

/** The zaakeigenschappen operations, nested under their zaak, registered inside the Zaken plugin (prefix included). */
export function registerZaakeigenschappen(app: FastifyInstance, db: Kysely<Database>): void {
  const collection = '/zaken/:zaak_uuid/zaakeigenschappen';
  const member = `${collection}/:uuid`;

  app.get<Collection>(collection, { config: READ }, async (request) => listZaakeigenschapAll(db, relationCaller(request), zakenBaseUrl(request), request.params.zaak_uuid));

  app.post<Collection & { Body: ZaakeigenschapInput }>(collection, { config: WRITE, attachValidation: true, schema: { body: zaakeigenschapBody } }, async (request, reply) => {
    assertValidBody(request);
    const zaakeigenschap = await createZaakeigenschap(db, relationCaller(request), zakenBaseUrl(request), request.params.zaak_uuid, request.body);
    return reply.code(201).header('Location', zaakeigenschap.url).send(zaakeigenschap);
  });

  // GET and, through Fastify's automatic HEAD route (same config), `zaakeigenschap_headers`: ETag + If-None-Match.
  app.get<Member>(member, { config: { ...READ, etag: true } }, async (request) =>
    retrieveZaakeigenschap(db, relationCaller(request), zakenBaseUrl(request), request.params.zaak_uuid, request.params.uuid),
  );

  app.put<Member & { Body: ZaakeigenschapInput }>(member, { config: WRITE, attachValidation: true, schema: { body: zaakeigenschapBody } }, async (request) => {
    assertValidBody(request);
    return changeZaakeigenschap(db, relationCaller(request), zakenBaseUrl(request), request.params.zaak_uuid, request.params.uuid, request.body, false);
  });

  app.patch<Member & { Body: ZaakeigenschapPatch }>(member, { config: WRITE, attachValidation: true, schema: { body: zaakeigenschapPatchBody } }, async (request) => {
    assertValidBody(request);
    return changeZaakeigenschap(db, relationCaller(request), zakenBaseUrl(request), request.params.zaak_uuid, request.params.uuid, request.body, true);
  });

  app.delete<Member>(member, { config: WRITE }, async (request, reply) => {
    await destroyZaakeigenschap(db, relationCaller(request), zakenBaseUrl(request), request.params.zaak_uuid, request.params.uuid);
    return reply.code(204).send();
  });
}
