import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { invalid, problemBody } from '../../platform/errors/problem.ts';
import { noQuery, procestypenQuery, resultatenQuery, uuidParams, type ProcestypenQuery, type ResultatenQuery } from './schemas.ts';
import {
  getProcestype,
  getResultaat,
  getResultaattypeomschrijving,
  isUuid,
  listProcestypen,
  listResultaattypeomschrijvingen,
  listResultaten,
} from './service.ts';
import { API_ROOT, apiBaseUrl, pageUrl, presentProcestype, presentResultaat, presentResultaattypeomschrijving } from './present.ts';

// The spec declares no security and states these read-only APIs need no authorisation: national public data.
const PUBLIC = { public: true } as const;

type UuidRequest = FastifyRequest<{ Params: { uuid: string } }>;

/**
 * This operation documents its 400 as a single FieldValidationError (`code`, `name`, `reason`), unlike the
 * others' ValidatieFout; the problem body gets `name` and `reason` added so it satisfies both shapes.
 */
function malformedUuid(request: FastifyRequest, reply: FastifyReply, uuid: string): FastifyReply {
  const reason = `${uuid} is geen geldige UUID.`;
  const problem = invalid([{ name: 'uuid', code: 'invalid', reason }]);
  return reply.code(400).type('application/problem+json').send({ ...problemBody(problem, request.id), name: 'uuid', reason });
}

/** The Referentielijsten & Selectielijst API (every operation of its OpenAPI file) at `/referentielijsten/api/v1`. */
export async function registerReferentielijsten(app: FastifyInstance): Promise<void> {
  app.get(`${API_ROOT}/health`, { config: PUBLIC, schema: { querystring: noQuery } }, async () => ({ healthy: true, time: new Date().toISOString() }));

  app.get(`${API_ROOT}/procestypen`, { config: PUBLIC, schema: { querystring: procestypenQuery } }, async (request: FastifyRequest<{ Querystring: ProcestypenQuery }>) => {
    const base = apiBaseUrl(request);
    return listProcestypen(request.query).map((procestype) => presentProcestype(procestype, base));
  });

  app.get(`${API_ROOT}/procestypen/:uuid`, { config: PUBLIC, schema: { querystring: noQuery, params: uuidParams } }, async (request: UuidRequest) =>
    presentProcestype(getProcestype(request.params.uuid), apiBaseUrl(request)),
  );

  app.get(`${API_ROOT}/resultaten`, { config: PUBLIC, schema: { querystring: resultatenQuery } }, async (request: FastifyRequest<{ Querystring: ResultatenQuery }>) => {
    const query = request.query;
    const procesTypeUrls = (['proces_type', 'procesType'] as const).flatMap((name) => (query[name] === undefined ? [] : [{ name, value: query[name] }]));
    const page = listResultaten({ procesTypeUrls, page: query.page });
    const base = apiBaseUrl(request);
    return {
      count: page.count,
      next: page.hasNext ? pageUrl(base, { ...query }, page.page + 1) : null,
      previous: page.page > 1 ? pageUrl(base, { ...query }, page.page - 1) : null,
      results: page.results.map((resultaat) => presentResultaat(resultaat, base)),
    };
  });

  app.get(`${API_ROOT}/resultaten/:uuid`, { config: PUBLIC, schema: { querystring: noQuery } }, async (request: UuidRequest) =>
    presentResultaat(getResultaat(request.params.uuid), apiBaseUrl(request)),
  );

  app.get(`${API_ROOT}/resultaattypeomschrijvingen`, { config: PUBLIC, schema: { querystring: noQuery } }, async (request) => {
    const base = apiBaseUrl(request);
    return listResultaattypeomschrijvingen().map((omschrijving) => presentResultaattypeomschrijving(omschrijving, base));
  });

  app.get(`${API_ROOT}/resultaattypeomschrijvingen/:uuid`, { config: PUBLIC, schema: { querystring: noQuery } }, async (request: UuidRequest, reply) => {
    if (!isUuid(request.params.uuid)) return malformedUuid(request, reply, request.params.uuid);
    return presentResultaattypeomschrijving(getResultaattypeomschrijving(request.params.uuid), apiBaseUrl(request));
  });
}
