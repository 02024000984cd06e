import type { FastifyInstance } from 'fastify';
import { assertValidBody } from '../../../platform/zgw/request-body.ts';
import type { KlantDeps } from '../shared/caller.ts';
import { TOKEN_POLICY } from '../shared/resource-routes.ts';
import { maakKlantcontactBody, type MaakKlantcontactInput } from './schemas.ts';
import { maakKlantcontact } from './service.ts';

/** `POST /maak-klantcontact`. */
export function registerMaakKlantcontact(app: FastifyInstance, deps: KlantDeps): void {
  app.post<{ Body: MaakKlantcontactInput }>('/maak-klantcontact', { config: TOKEN_POLICY, attachValidation: true, schema: { body: maakKlantcontactBody } }, async (request, reply) => {
    assertValidBody(request);
    return reply.code(201).send(await maakKlantcontact(deps, request, request.body));
  });
}
