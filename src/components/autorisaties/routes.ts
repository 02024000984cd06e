import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { registerZgwConventions } from '../../platform/zgw/conventions.ts';
import { assertValidBody } from '../../platform/zgw/request-body.ts';
import {
  applicatieBody,
  applicatieConsumerQuery,
  applicatieListQuery,
  applicatiePatchBody,
  noQuery,
  type ApplicatieInput,
  type ApplicatieListQuery,
  type ApplicatiePatch,
} from './schemas.ts';
import { changeApplicatie, consumerApplicatie, createApplicatie, destroyApplicatie, listApplicatiePage, retrieveApplicatie, type AutorisatiesCaller } from './service.ts';

/** Where the Autorisaties API is mounted. */
export const AUTORISATIES_ROOT = '/autorisaties/api/v1';

const READ = { scopes: ['autorisaties.lezen'] } as const;
const WRITE = { scopes: ['autorisaties.bijwerken'] } as const;

function caller(request: FastifyRequest): AutorisatiesCaller {
  const apiCaller = request.apiCaller;
  if (!apiCaller) throw new ProblemError('not_authenticated');
  return { id: request.id, headers: request.headers, tenant: request.tenant, staff: request.staff, apiCaller, protocol: request.protocol, host: request.host, url: request.url };
}

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${AUTORISATIES_ROOT}`;
}

/**
 * The Autorisaties API (ZGW Autorisaties 1.1.0) at `/autorisaties/api/v1`: the applicaties of the tenant with their
 * client ids and autorisaties, which every other API of this Loket enforces.
 */
export async function registerAutorisaties(app: FastifyInstance, context: AppContext): Promise<void> {
  const db = context.database.db;
  await app.register(
    async (autorisaties) => {
      registerZgwConventions(autorisaties, 'autorisaties');
      autorisaties.get<{ Querystring: ApplicatieListQuery }>('/applicaties', { config: READ, schema: { querystring: applicatieListQuery } }, async (request) =>
        listApplicatiePage(db, caller(request), baseUrl(request), request.query),
      );
      autorisaties.post<{ Body: ApplicatieInput }>(
        '/applicaties',
        { config: WRITE, attachValidation: true, schema: { querystring: noQuery, body: applicatieBody } },
        async (request, reply) => {
          assertValidBody(request);
          const created = await createApplicatie(db, caller(request), baseUrl(request), request.body);
          return reply.code(201).header('Location', created.url).send(created);
        },
      );
      // Before /applicaties/:uuid, so "consumer" is not taken for a uuid.
      autorisaties.get<{ Querystring: { clientId?: string } }>('/applicaties/consumer', { config: READ, schema: { querystring: applicatieConsumerQuery } }, async (request) =>
        consumerApplicatie(db, caller(request), baseUrl(request), request.query.clientId),
      );
      autorisaties.get<{ Params: { uuid: string } }>('/applicaties/:uuid', { config: { ...READ, etag: true }, schema: { querystring: noQuery } }, async (request) =>
        retrieveApplicatie(db, caller(request), baseUrl(request), request.params.uuid),
      );
      autorisaties.put<{ Params: { uuid: string }; Body: ApplicatieInput }>(
        '/applicaties/:uuid',
        { config: WRITE, attachValidation: true, schema: { querystring: noQuery, body: applicatieBody } },
        async (request) => {
          assertValidBody(request);
          return changeApplicatie(db, caller(request), baseUrl(request), request.params.uuid, request.body, false);
        },
      );
      autorisaties.patch<{ Params: { uuid: string }; Body: ApplicatiePatch }>(
        '/applicaties/:uuid',
        { config: WRITE, attachValidation: true, schema: { querystring: noQuery, body: applicatiePatchBody } },
        async (request) => {
          assertValidBody(request);
          return changeApplicatie(db, caller(request), baseUrl(request), request.params.uuid, request.body, true);
        },
      );
      autorisaties.delete<{ Params: { uuid: string } }>('/applicaties/:uuid', { config: WRITE, schema: { querystring: noQuery } }, async (request, reply) => {
        await destroyApplicatie(db, caller(request), baseUrl(request), request.params.uuid);
        return reply.code(204).send();
      });
    },
    { prefix: AUTORISATIES_ROOT },
  );
}
