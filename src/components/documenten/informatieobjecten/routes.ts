import type { FastifyInstance } from 'fastify';
import { DOCUMENTEN_AANMAKEN, DOCUMENTEN_LEZEN, DOCUMENTEN_VERWIJDEREN } from '../scopes.ts';
import { assertValidBody, documentenCaller } from '../shared/caller.ts';
import { documentenBaseUrl } from '../shared/urls.ts';
import {
  informatieobjectCreateBody,
  informatieobjectDownloadQuery,
  informatieobjectListQuery,
  informatieobjectPatchBody,
  informatieobjectRetrieveQuery,
  informatieobjectUpdateBody,
  noQuery,
  pageQuery,
  unlockBody,
  zoekBody,
  type InformatieobjectInput,
  type InformatieobjectListQuery,
  type InformatieobjectPatch,
  type InformatieobjectRetrieveQuery,
  type ZoekInput,
} from './schemas.ts';
import {
  changeInformatieobject,
  createInformatieobject,
  destroyInformatieobject,
  downloadInformatieobject,
  listInformatieobjectPage,
  lockInformatieobject,
  retrieveInformatieobject,
  searchInformatieobjecten,
  UNLOCK_SCOPES,
  unlockInformatieobject,
  UPDATE_SCOPES,
  type DocumentenDeps,
} from './service.ts';

// The token must hold the scope; the service checks it again for the document's type and vertrouwelijkheid.
const READ = { scopes: [DOCUMENTEN_LEZEN] } as const;
const CREATE = { scopes: [DOCUMENTEN_AANMAKEN] } as const;
const UPDATE = { scopes: [], anyOfScopes: UPDATE_SCOPES } as const;
const DESTROY = { scopes: [DOCUMENTEN_VERWIJDEREN] } as const;
const LOCK = { scopes: ['documenten.lock'] } as const;
const UNLOCK = { scopes: [], anyOfScopes: UNLOCK_SCOPES } as const;

/** A file name safe inside a quoted Content-Disposition parameter (the full name goes in `filename*`). */
function asciiFileName(name: string): string {
  return name.replace(/[^\x20-\x7e]|["\\]/g, '_');
}

/** The enkelvoudiginformatieobjecten operations, registered inside the Documenten plugin (prefix included). */
export function registerInformatieobjecten(app: FastifyInstance, deps: DocumentenDeps): void {
  app.get<{ Querystring: InformatieobjectListQuery }>('/enkelvoudiginformatieobjecten', { config: READ, schema: { querystring: informatieobjectListQuery } }, async (request) =>
    listInformatieobjectPage(deps, documentenCaller(request), documentenBaseUrl(request), request.query),
  );

  app.post<{ Body: InformatieobjectInput }>(
    '/enkelvoudiginformatieobjecten',
    { config: CREATE, attachValidation: true, schema: { querystring: noQuery, body: informatieobjectCreateBody } },
    async (request, reply) => {
      assertValidBody(request);
      const document = await createInformatieobject(deps, documentenCaller(request), documentenBaseUrl(request), request.body);
      return reply.code(201).header('Location', document.url).send(document);
    },
  );

  app.post<{ Body: ZoekInput; Querystring: { page?: number } }>(
    '/enkelvoudiginformatieobjecten/_zoek',
    { config: READ, attachValidation: true, schema: { querystring: pageQuery, body: zoekBody } },
    async (request) => {
      assertValidBody(request);
      return searchInformatieobjecten(deps, documentenCaller(request), documentenBaseUrl(request), request.body, request.query.page);
    },
  );

  // GET (and Fastify's automatic HEAD, `enkelvoudiginformatieobject_headers`) with an ETag and If-None-Match.
  app.get<{ Params: { uuid: string }; Querystring: InformatieobjectRetrieveQuery }>(
    '/enkelvoudiginformatieobjecten/:uuid',
    { config: { ...READ, etag: true }, schema: { querystring: informatieobjectRetrieveQuery } },
    async (request) => retrieveInformatieobject(deps, documentenCaller(request), documentenBaseUrl(request), request.params.uuid, request.query),
  );

  app.put<{ Params: { uuid: string }; Body: InformatieobjectInput }>(
    '/enkelvoudiginformatieobjecten/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: noQuery, body: informatieobjectUpdateBody } },
    async (request) => {
      assertValidBody(request);
      return changeInformatieobject(deps, documentenCaller(request), documentenBaseUrl(request), request.params.uuid, request.body, false);
    },
  );

  app.patch<{ Params: { uuid: string }; Body: InformatieobjectPatch }>(
    '/enkelvoudiginformatieobjecten/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: noQuery, body: informatieobjectPatchBody } },
    async (request) => {
      assertValidBody(request);
      return changeInformatieobject(deps, documentenCaller(request), documentenBaseUrl(request), request.params.uuid, request.body, true);
    },
  );

  app.delete<{ Params: { uuid: string } }>('/enkelvoudiginformatieobjecten/:uuid', { config: DESTROY, schema: { querystring: noQuery } }, async (request, reply) => {
    await destroyInformatieobject(deps, documentenCaller(request), documentenBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });

  // The content, streamed from the storage with its checksum checked on the way (never read whole into memory).
  app.get<{ Params: { uuid: string }; Querystring: { versie?: number; registratieOp?: string } }>(
    '/enkelvoudiginformatieobjecten/:uuid/download',
    { config: READ, schema: { querystring: informatieobjectDownloadQuery } },
    async (request, reply) => {
      const content = await downloadInformatieobject(deps, documentenCaller(request), request.params.uuid, request.query);
      reply.header('Content-Type', 'application/octet-stream').header('Content-Length', String(content.size));
      if (content.bestandsnaam !== '') {
        reply.header('Content-Disposition', `attachment; filename="${asciiFileName(content.bestandsnaam)}"; filename*=UTF-8''${encodeURIComponent(content.bestandsnaam)}`);
      }
      return reply.send(content.stream);
    },
  );

  app.post<{ Params: { uuid: string } }>('/enkelvoudiginformatieobjecten/:uuid/lock', { config: LOCK, schema: { querystring: noQuery } }, async (request) =>
    lockInformatieobject(deps, documentenCaller(request), request.params.uuid),
  );

  app.post<{ Params: { uuid: string }; Body: { lock?: string } | null }>(
    '/enkelvoudiginformatieobjecten/:uuid/unlock',
    { config: UNLOCK, attachValidation: true, schema: { querystring: noQuery, body: unlockBody } },
    async (request, reply) => {
      assertValidBody(request);
      await unlockInformatieobject(deps, documentenCaller(request), request.params.uuid, request.body?.lock);
      return reply.code(204).send();
    },
  );
}
