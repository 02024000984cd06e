import type { FastifyInstance } from 'fastify';
import { NOTIFICATIES_PUBLICEREN } from '../scopes.ts';
import { assertValidBody, notificatiesCaller } from '../shared/caller.ts';
import { messageBody, noQuery, type MessageInput } from './schemas.ts';
import { publiceerNotificatie, type PublicerenDeps } from './service.ts';

/** `POST /notificaties` of the Notificaties API, registered inside the Notificaties plugin (prefix included). */
export function registerPubliceren(app: FastifyInstance, deps: PublicerenDeps): void {
  app.post<{ Body: MessageInput }>(
    '/notificaties',
    { config: { scopes: [NOTIFICATIES_PUBLICEREN] }, attachValidation: true, schema: { querystring: noQuery, body: messageBody } },
    async (request) => {
      assertValidBody(request);
      return publiceerNotificatie(deps, notificatiesCaller(request), request.body);
    },
  );
}
