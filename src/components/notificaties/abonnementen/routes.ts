import type { FastifyInstance } from 'fastify';
import { NOTIFICATIES_CONSUMEREN, NOTIFICATIES_PUBLICEREN } from '../scopes.ts';
import { assertValidBody, notificatiesCaller } from '../shared/caller.ts';
import { notificatiesBaseUrl } from '../shared/urls.ts';
import { abonnementBody, abonnementPatchBody, noQuery, type AbonnementInput, type AbonnementPatch } from './schemas.ts';
import { changeAbonnement, createAbonnement, destroyAbonnement, listAbonnementJson, retrieveAbonnementJson, type AbonnementenDeps } from './service.ts';

// `(notificaties.consumeren | notificaties.publiceren)` for reading, `notificaties.consumeren` for writing.
const READ = { scopes: [], anyOfScopes: [NOTIFICATIES_CONSUMEREN, NOTIFICATIES_PUBLICEREN] } as const;
const WRITE = { scopes: [NOTIFICATIES_CONSUMEREN] } as const;

/** The abonnement operations of the Notificaties API, registered inside the Notificaties plugin (prefix included). */
export function registerAbonnementen(app: FastifyInstance, deps: AbonnementenDeps): void {
  app.get('/abonnement', { config: READ, schema: { querystring: noQuery } }, async (request) =>
    listAbonnementJson(deps, notificatiesCaller(request), notificatiesBaseUrl(request)),
  );

  app.post<{ Body: AbonnementInput }>('/abonnement', { config: WRITE, attachValidation: true, schema: { querystring: noQuery, body: abonnementBody } }, async (request, reply) => {
    assertValidBody(request);
    const abonnement = await createAbonnement(deps, notificatiesCaller(request), notificatiesBaseUrl(request), request.body);
    return reply.code(201).header('Location', abonnement.url).send(abonnement);
  });

  app.get<{ Params: { uuid: string } }>('/abonnement/:uuid', { config: { ...READ, etag: true }, schema: { querystring: noQuery } }, async (request) =>
    retrieveAbonnementJson(deps, notificatiesCaller(request), notificatiesBaseUrl(request), request.params.uuid),
  );

  app.put<{ Params: { uuid: string }; Body: AbonnementInput }>(
    '/abonnement/:uuid',
    { config: WRITE, attachValidation: true, schema: { querystring: noQuery, body: abonnementBody } },
    async (request) => {
      assertValidBody(request);
      return changeAbonnement(deps, notificatiesCaller(request), notificatiesBaseUrl(request), request.params.uuid, request.body);
    },
  );

  app.patch<{ Params: { uuid: string }; Body: AbonnementPatch }>(
    '/abonnement/:uuid',
    { config: WRITE, attachValidation: true, schema: { querystring: noQuery, body: abonnementPatchBody } },
    async (request) => {
      assertValidBody(request);
      return changeAbonnement(deps, notificatiesCaller(request), notificatiesBaseUrl(request), request.params.uuid, request.body);
    },
  );

  app.delete<{ Params: { uuid: string } }>('/abonnement/:uuid', { config: WRITE, schema: { querystring: noQuery } }, async (request, reply) => {
    await destroyAbonnement(deps, notificatiesCaller(request), request.params.uuid);
    return reply.code(204).send();
  });
}
