import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { zakenBaseUrl } from '../shared/urls.ts';
import { noQuery, zaakbesluitBody, zaakbesluitReadQuery, type ZaakbesluitInput, type ZaakbesluitReadQuery } from './schemas.ts';
import { confirmZaakbesluit, listZaakbesluiten, refuseZaakbesluitRemoval, retrieveZaakbesluit, type ZaakbesluitCaller, type ZaakbesluitDeps } from './service.ts';

// The token must hold the scope; the service checks it again for the zaak's zaaktype and vertrouwelijkheid.
const READ = { scopes: ['zaken.lezen'] } as const;
const WRITE = { scopes: ['zaken.bijwerken'] } as const;

function callerOf(request: FastifyRequest): ZaakbesluitCaller {
  if (!request.apiCaller) throw new ProblemError('not_authenticated');
  return { tenant: request.tenant, apiCaller: request.apiCaller };
}

type ZaakParams = { zaak_uuid: string };
type ZaakbesluitParams = { zaak_uuid: string; uuid: string };

/** /zaken/{zaak_uuid}/besluiten of the Zaken API, registered inside the Zaken plugin (prefix included). */
export function registerZaakbesluiten(app: FastifyInstance, deps: ZaakbesluitDeps): void {
  app.get<{ Params: ZaakParams; Querystring: ZaakbesluitReadQuery }>('/zaken/:zaak_uuid/besluiten', { config: READ, schema: { querystring: zaakbesluitReadQuery } }, async (request) =>
    listZaakbesluiten(deps, callerOf(request), zakenBaseUrl(request), request.params.zaak_uuid, request.query.expand),
  );

  app.post<{ Params: ZaakParams; Body: ZaakbesluitInput }>(
    '/zaken/:zaak_uuid/besluiten',
    { config: WRITE, schema: { querystring: noQuery, body: zaakbesluitBody } },
    async (request, reply) => {
      const relation = await confirmZaakbesluit(deps, callerOf(request), zakenBaseUrl(request), request.params.zaak_uuid, request.body.besluit);
      return reply.code(201).header('Location', relation.url).send(relation);
    },
  );

  app.get<{ Params: ZaakbesluitParams; Querystring: ZaakbesluitReadQuery }>(
    '/zaken/:zaak_uuid/besluiten/:uuid',
    { config: READ, schema: { querystring: zaakbesluitReadQuery } },
    async (request) => retrieveZaakbesluit(deps, callerOf(request), zakenBaseUrl(request), request.params.zaak_uuid, request.params.uuid, request.query.expand),
  );

  app.delete<{ Params: ZaakbesluitParams }>('/zaken/:zaak_uuid/besluiten/:uuid', { config: WRITE, schema: { querystring: noQuery } }, async (request) =>
    refuseZaakbesluitRemoval(deps, callerOf(request), request.params.zaak_uuid, request.params.uuid),
  );
}
