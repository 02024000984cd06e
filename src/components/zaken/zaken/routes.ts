import type { FastifyInstance } from 'fastify';
import { zakenCaller } from '../shared/caller.ts';
import { zakenBaseUrl } from '../shared/urls.ts';
import { assertValidBody } from '../shared/zaak-relation.ts';
import { zaakBodyProblems } from './rules.ts';
import {
  noQuery,
  zaakBody,
  zaakListQuery,
  zaakPatchBody,
  zaakRetrieveQuery,
  type ZaakInput,
  type ZaakListQuery,
  type ZaakPatch,
  type ZaakRetrieveQuery,
} from './schemas.ts';
import { zaakPageBody } from './page-body.ts';
import { changeZaak, createZaak, destroyZaak, retrieveZaakBody, zaakListRequest, type ZakenDeps } from './service.ts';
import { sendJsonWithEtag } from '../../../platform/zgw/etag.ts';
import { sendSerialisedJson } from '../../../platform/zgw/serialised-json.ts';

// Every zaak operation carries geometry (zaakgeometrie), so Accept-Crs / Content-Crs apply (`crs: true`).
// The token must hold the scope; the service checks it again for the zaak's zaaktype and vertrouwelijkheid.
const READ = { scopes: ['zaken.lezen'], crs: true } as const;
const CREATE = { scopes: ['zaken.aanmaken'], crs: true } as const;
const UPDATE = { scopes: [], anyOfScopes: ['zaken.bijwerken', 'zaken.geforceerd-bijwerken'], crs: true } as const;
const DESTROY = { scopes: ['zaken.verwijderen'], crs: true } as const;

/** The `/zaken` operations of the Zaken API, registered inside the Zaken plugin (prefix included). */
export function registerZakenResource(app: FastifyInstance, deps: ZakenDeps): void {
  // The page arrives as serialised JSON (built from the zaken's kept JSON where it can be), so it is sent as it is.
  app.get<{ Querystring: ZaakListQuery }>('/zaken', { config: READ, schema: { querystring: zaakListQuery } }, async (request, reply) => {
    const body = await zaakPageBody(deps, zakenCaller(request), zakenBaseUrl(request), zaakListRequest(request.query));
    return sendSerialisedJson(reply, body);
  });

  app.post<{ Body: ZaakInput }>('/zaken', { config: CREATE, attachValidation: true, schema: { querystring: noQuery, body: zaakBody } }, async (request, reply) => {
    assertValidBody(request, (body) => zaakBodyProblems(body));
    const zaak = await createZaak(deps, zakenCaller(request), zakenBaseUrl(request), request.body);
    return reply.code(201).header('Location', zaak.url).send(zaak);
  });

  // GET and, through Fastify's automatic HEAD route (same config), `zaak_headers`: ETag + If-None-Match. The zaak
  // arrives as serialised JSON with its ETag (kept per version of the zaak), so the route answers both itself.
  app.get<{ Params: { uuid: string }; Querystring: ZaakRetrieveQuery }>(
    '/zaken/:uuid',
    { config: { ...READ, etag: true }, schema: { querystring: zaakRetrieveQuery } },
    async (request, reply) => {
      const { json, etag } = await retrieveZaakBody(deps, zakenCaller(request), zakenBaseUrl(request), request.params.uuid, request.query.expand);
      return sendJsonWithEtag(request, reply, json, etag);
    },
  );

  app.put<{ Params: { uuid: string }; Body: ZaakInput }>(
    '/zaken/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: noQuery, body: zaakBody } },
    async (request) => {
      assertValidBody(request, (body) => zaakBodyProblems(body));
      return changeZaak(deps, zakenCaller(request), zakenBaseUrl(request), request.params.uuid, request.body, false);
    },
  );

  app.patch<{ Params: { uuid: string }; Body: ZaakPatch }>(
    '/zaken/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: noQuery, body: zaakPatchBody } },
    async (request) => {
      assertValidBody(request, (body) => zaakBodyProblems(body));
      return changeZaak(deps, zakenCaller(request), zakenBaseUrl(request), request.params.uuid, request.body, true);
    },
  );

  app.delete<{ Params: { uuid: string } }>('/zaken/:uuid', { config: DESTROY, schema: { querystring: noQuery } }, async (request, reply) => {
    await destroyZaak(deps, zakenCaller(request), zakenBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
