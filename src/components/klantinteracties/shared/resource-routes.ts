import type { FastifyInstance } from 'fastify';
import { assertValidBody } from '../../../platform/zgw/request-body.ts';
import { PAGE_PARAMETER, PAGE_SIZE_PARAMETER } from '../../../platform/zgw/pagination.ts';
import type { KlantDeps } from './caller.ts';
import { EXPAND_PARAMETER } from './expand.ts';
import type { ResourceDefinition } from './resource.ts';
import { createResource, destroyResource, listResource, retrieveResource, updateResource, type ListQuery } from './resource-service.ts';
import type { KlantTable } from './rows.ts';

/** Every operation of the API needs the client's token (the spec's `tokenAuth`). */
export const TOKEN_POLICY = { apiToken: 'klantinteracties' } as const;

const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;

/** The request-body schemas of a resource: create/update (the spec's required fields) and partial update. */
export interface BodySchemas {
  full: Record<string, unknown>;
  partial: Record<string, unknown>;
}

type Params = { uuid: string };
type Body = Record<string, unknown>;

/** The strict querystring of a list: the definition's filters, `page`, `pageSize` and `expand` where offered. */
export function listQuerySchema(definition: ResourceDefinition<KlantTable, unknown>): Record<string, unknown> {
  const properties: Record<string, unknown> = { page: PAGE_PARAMETER, pageSize: PAGE_SIZE_PARAMETER };
  for (const [name, filter] of Object.entries(definition.filters)) properties[name] = filter.schema;
  if (definition.expandable) properties.expand = EXPAND_PARAMETER;
  return { type: 'object', additionalProperties: false, properties };
}

/**
 * Registers the six operations of a resource (`/<resource>` and `/<resource>/{uuid}`) inside the API's prefixed
 * plugin. Bodies are validated with every problem reported at once; the services do the rest.
 */
export function registerResource<T extends KlantTable, J>(
  app: FastifyInstance,
  deps: KlantDeps,
  definition: ResourceDefinition<T, J>,
  bodies: BodySchemas,
  options: { ownDestroy?: true } = {},
): void {
  const list = `/${definition.resource}`;
  const detail = `/${definition.resource}/:uuid`;
  const detailQuery = definition.expandable ? { type: 'object', additionalProperties: false, properties: { expand: EXPAND_PARAMETER } } : NO_QUERY;
  const listQuery = listQuerySchema(definition as ResourceDefinition<KlantTable, unknown>);

  app.get<{ Querystring: ListQuery }>(list, { config: TOKEN_POLICY, schema: { querystring: listQuery } }, async (request) => listResource(deps, definition, request, request.query));

  app.post<{ Body: Body }>(list, { config: TOKEN_POLICY, attachValidation: true, schema: { body: bodies.full } }, async (request, reply) => {
    assertValidBody(request);
    return reply.code(201).send(await createResource(deps, definition, request, request.body));
  });

  app.get<{ Params: Params; Querystring: { expand?: string | string[] } }>(detail, { config: TOKEN_POLICY, schema: { querystring: detailQuery } }, async (request) =>
    retrieveResource(deps, definition, request, request.params.uuid, request.query),
  );

  for (const [method, schema] of [['put', bodies.full], ['patch', bodies.partial]] as const) {
    app[method]<{ Params: Params; Body: Body }>(detail, { config: TOKEN_POLICY, attachValidation: true, schema: { body: schema } }, async (request) => {
      assertValidBody(request);
      return updateResource(deps, definition, request, request.params.uuid, request.body);
    });
  }

  // A resource whose delete has parameters of its own (onderwerpobjecten: `cascade`) registers it itself.
  if (options.ownDestroy) return;
  app.delete<{ Params: Params }>(detail, { config: TOKEN_POLICY }, async (request, reply) => {
    await destroyResource(deps, definition, request, request.params.uuid);
    return reply.code(204).send();
  });
}
