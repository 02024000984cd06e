import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { sendBerichtToInitiator } from './berichten.ts';
import { createDocumentverzoek } from './documentverzoeken.ts';
import { portaalOrigin } from './portaal-links.ts';

const BEHANDELAAR = { staffRoles: ['behandelaar'] } as const;
const ZAAK_PARAMS = { type: 'object', required: ['zaak'], properties: { zaak: { type: 'string', format: 'uuid' } } } as const;

interface BerichtBody {
  onderwerp: string;
  tekst: string;
}

interface DocumentverzoekBody {
  omschrijving: string;
  informatieobjecttype: string;
  deadline?: string;
}

function staffOf(request: FastifyRequest) {
  if (!request.staff) throw new ProblemError('not_authenticated');
  return request.staff;
}

/**
 * The behandelaar's side of Mijn omgeving, as minimal staff routes until the zaak workspace offers them on its pages:
 * send the initiator a bericht, and ask the initiator for a document. Both answer 201 with the new uuid (problem+json
 * for bad input; 404 for a zaak that is not this municipality's). Session, MFA, role and CSRF are checked centrally.
 */
export function registerBehandelaarMijnOmgeving(app: FastifyInstance, context: AppContext): void {
  const db = context.database.db;

  app.post<{ Params: { zaak: string }; Body: BerichtBody }>(
    '/medewerker/zaken/:zaak/berichten',
    {
      config: BEHANDELAAR,
      schema: {
        params: ZAAK_PARAMS,
        body: { type: 'object', additionalProperties: false, required: ['onderwerp', 'tekst'], properties: { onderwerp: { type: 'string', maxLength: 1000 }, tekst: { type: 'string', maxLength: 20_000 } } },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const origin = portaalOrigin(request.tenant, `${request.protocol}://${request.host}/`);
      const result = await sendBerichtToInitiator({ db, keys: context.keys }, request, { zaakUuid: request.params.zaak.toLowerCase(), onderwerp: request.body.onderwerp, tekst: request.body.tekst, afzender: staff.displayName, origin });
      context.outbox?.notify();
      return reply.code(201).header('Cache-Control', 'no-store').send(result);
    },
  );

  app.post<{ Params: { zaak: string }; Body: DocumentverzoekBody }>(
    '/medewerker/zaken/:zaak/documentverzoeken',
    {
      config: BEHANDELAAR,
      schema: {
        params: ZAAK_PARAMS,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['omschrijving', 'informatieobjecttype'],
          properties: { omschrijving: { type: 'string', maxLength: 2000 }, informatieobjecttype: { type: 'string', maxLength: 100 }, deadline: { type: 'string', maxLength: 20 } },
        },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const uuid = await createDocumentverzoek(db, request.tenant.id, {
        zaakUuid: request.params.zaak,
        omschrijving: request.body.omschrijving,
        informatieobjecttypeUuid: request.body.informatieobjecttype,
        deadline: request.body.deadline,
        aangevraagdDoor: staff.displayName,
      });
      return reply.code(201).header('Cache-Control', 'no-store').send({ uuid });
    },
  );
}
