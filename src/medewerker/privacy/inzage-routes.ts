import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { isValidBsn } from '../../platform/personal-data/bsn.ts';
import { listProcessingForPerson } from '../../platform/processing-log/query.ts';
import { logRequestProcessing } from '../../platform/processing-log/request.ts';
import { sendPage } from '../send-page.ts';
import { INZAGE_PATH, inzagePage } from './inzage-page.ts';

const INZAGE_BODY = {
  type: 'object',
  additionalProperties: false,
  properties: { bsn: { type: 'string', maxLength: 20 }, voor: { type: 'string', pattern: '^[0-9]{1,15}$' } },
} as const;

/**
 * `GET/POST /medewerker/privacy/verwerkingen` (privacy role): list every recorded processing of one
 * person. The BSN travels in a POST body, never in a URL, and the lookup is logged as processing itself.
 */
export function registerInzageRoutes(app: FastifyInstance, context: AppContext): void {
  const { database, keys } = context;
  const policy = { staffRoles: ['privacy'] } as const;

  app.get(INZAGE_PATH, { config: policy }, async (request, reply) => {
    if (!request.staff) throw new ProblemError('not_authenticated');
    return sendPage(reply, 200, inzagePage({ tenantName: request.tenant.name, csrfToken: request.staff.csrfToken }));
  });

  app.post<{ Body: { bsn?: string; voor?: string } }>(INZAGE_PATH, { config: policy, schema: { body: INZAGE_BODY } }, async (request, reply) => {
    if (!request.staff) throw new ProblemError('not_authenticated');
    const view = { tenantName: request.tenant.name, csrfToken: request.staff.csrfToken };
    const bsn = (request.body.bsn ?? '').replace(/\s/g, '');
    if (!isValidBsn(bsn)) {
      const error = bsn === '' ? 'Vul een burgerservicenummer in.' : 'Dit is geen geldig burgerservicenummer: het moet uit 9 cijfers bestaan en de elfproef doorstaan.';
      return sendPage(reply, 400, inzagePage({ ...view, bsn: request.body.bsn, error }));
    }
    const startTime = new Date();
    const before = request.body.voor === undefined ? undefined : Number(request.body.voor);
    const result = await database.db.transaction().execute(async (trx) => {
      const found = await listProcessingForPerson(trx, keys, { tenantId: request.tenant.id, bsn, before });
      await logRequestProcessing(trx, keys, request, {
        activityId: 'inzage-verzoek-afhandelen',
        name: 'verwerkingen-inzien',
        status: 'ok',
        startTime,
        dataSubjects: [{ type: 'BSN', id: bsn }],
      });
      return found;
    });
    return sendPage(reply, 200, inzagePage({ ...view, bsn, result }));
  });
}
