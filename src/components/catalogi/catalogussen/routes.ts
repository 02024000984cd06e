import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { assertValidBody } from '../../../platform/zgw/request-body.ts';
import { CATALOGI_BIJWERKEN, CATALOGI_LEZEN, CATALOGI_SCHRIJVEN } from '../scopes.ts';
import {
  catalogusBody,
  catalogusListQuery,
  catalogusPatchBody,
  catalogusRetrieveQuery,
  noQuery,
  type CatalogusInput,
  type CatalogusListQuery,
  type CatalogusPatch,
  type CatalogusRetrieveQuery,
} from './schemas.ts';
import { catalogusRuleProblems, changeCatalogus, createCatalogus, listCatalogusPage, retrieveCatalogus } from './service.ts';
import { catalogiBaseUrl } from './present.ts';

/** Reading: `catalogi.lezen` or, by ztc-014, the Zaken/Documenten read scopes. */
const READ = { scopes: [], anyOfScopes: CATALOGI_LEZEN } as const;
const CREATE = { scopes: CATALOGI_SCHRIJVEN } as const;
const UPDATE = { scopes: [], anyOfScopes: CATALOGI_BIJWERKEN } as const;

/** The catalogussen operations of the Catalogi API, registered inside the Catalogi plugin (prefix included). */
export function registerCatalogussen(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: CatalogusListQuery }>('/catalogussen', { config: READ, schema: { querystring: catalogusListQuery } }, async (request) =>
    listCatalogusPage(db, request, catalogiBaseUrl(request), request.query),
  );

  app.post<{ Body: CatalogusInput }>(
    '/catalogussen',
    { config: CREATE, attachValidation: true, schema: { querystring: noQuery, body: catalogusBody } },
    async (request, reply) => {
      assertValidBody(request, catalogusRuleProblems);
      const catalogus = await createCatalogus(db, request, catalogiBaseUrl(request), request.body);
      return reply.code(201).header('Location', catalogus.url).send(catalogus);
    },
  );

  // GET and, through Fastify's automatic HEAD route (same config), `catalogus_headers`: ETag + If-None-Match.
  app.get<{ Params: { uuid: string }; Querystring: CatalogusRetrieveQuery }>(
    '/catalogussen/:uuid',
    { config: { ...READ, etag: true }, schema: { querystring: catalogusRetrieveQuery } },
    async (request) => retrieveCatalogus(db, request, catalogiBaseUrl(request), request.params.uuid, request.query.expand),
  );

  app.put<{ Params: { uuid: string }; Body: CatalogusInput }>(
    '/catalogussen/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: noQuery, body: catalogusBody } },
    async (request) => {
      assertValidBody(request, catalogusRuleProblems);
      return changeCatalogus(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, false);
    },
  );

  app.patch<{ Params: { uuid: string }; Body: CatalogusPatch }>(
    '/catalogussen/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: noQuery, body: catalogusPatchBody } },
    async (request) => {
      assertValidBody(request, catalogusRuleProblems);
      return changeCatalogus(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, true);
    },
  );
}
