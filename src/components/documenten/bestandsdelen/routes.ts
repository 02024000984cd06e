import type { FastifyInstance } from 'fastify';
import { DOCUMENTEN_BIJWERKEN } from '../scopes.ts';
import { documentenCaller } from '../shared/caller.ts';
import { documentenBaseUrl } from '../shared/urls.ts';
import type { DocumentenDeps } from '../informatieobjecten/service.ts';
import { noQuery } from '../informatieobjecten/schemas.ts';
import { assertMayUploadPart, receiveBestandsdeel } from './service.ts';
import { readMultipartPart, readUrlencodedPart } from './upload.ts';

/**
 * `bestandsdeel_update`. Inside the Documenten plugin a multipart/form-data body is left unparsed, so the route
 * streams the part into the storage itself (see ./upload.ts); authorisation and the part's existence are checked
 * before a byte is read.
 */
export function registerBestandsdelen(app: FastifyInstance, deps: DocumentenDeps): void {
  app.addContentTypeParser('multipart/form-data', (_request, _payload, done) => done(null, undefined));

  app.put<{ Params: { uuid: string } }>('/bestandsdelen/:uuid', { config: { scopes: [DOCUMENTEN_BIJWERKEN] }, schema: { querystring: noQuery } }, async (request) => {
    const caller = documentenCaller(request);
    const { omvang } = await assertMayUploadPart(deps, caller, request.params.uuid);
    const multipart = request.headers['content-type']?.toLowerCase().startsWith('multipart/form-data') ?? false;
    const upload = multipart
      ? await readMultipartPart(request.raw, deps.storage, caller.tenant.id, omvang)
      : await readUrlencodedPart(request.body, deps.storage, caller.tenant.id, omvang);
    return receiveBestandsdeel(deps, caller, documentenBaseUrl(request), request.params.uuid, upload);
  });
}
