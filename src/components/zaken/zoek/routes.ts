import type { FastifyInstance } from 'fastify';
import { zakenCaller } from '../shared/caller.ts';
import { zakenBaseUrl } from '../shared/urls.ts';
import { assertValidBody } from '../shared/zaak-relation.ts';
import { sendSerialisedJson } from '../../../platform/zgw/serialised-json.ts';
import type { ZakenDeps } from '../zaken/service.ts';
import { zaakZoekBody, zaakZoekQuery, type ZaakZoekBody, type ZaakZoekQuery } from './schemas.ts';
import { searchZaken } from './service.ts';

/** `POST /zaken/_zoek`, registered inside the Zaken plugin (prefix included). Geometry in the body: CRS headers apply. */
export function registerZaakZoek(app: FastifyInstance, deps: ZakenDeps): void {
  app.post<{ Body: ZaakZoekBody | undefined; Querystring: ZaakZoekQuery }>(
    '/zaken/_zoek',
    { config: { scopes: ['zaken.lezen'], crs: true }, attachValidation: true, schema: { querystring: zaakZoekQuery, body: zaakZoekBody } },
    async (request, reply) => {
      assertValidBody(request);
      // A search answers 200: it creates nothing. The page arrives as serialised JSON.
      return sendSerialisedJson(reply.code(200), await searchZaken(deps, zakenCaller(request), zakenBaseUrl(request), request.body, request.query));
    },
  );
}
