import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { FormulierWaarden, VeldFout } from '../formulier/velden.ts';
import { readSignaalbandenForm, resetSignaalbanden, saveSignaalbanden, signaalbandenVan, signaalbandenWaarden } from '../kengetallen/signaalbanden-instelling.ts';
import { formulierRijen, ratioKlassenVan, ratioKlassenWaarden, readRatioKlassenForm, resetRatioKlassen, saveRatioKlassen } from '../weerstand/ratio-klassen-instelling.ts';
import { KENGETAL_NAMEN } from './kengetal-namen.ts';
import { FINANCIEN_PATHS } from './paden.ts';
import { BEHEER, send, staffOf, TEXT_BODY } from './route-hulp.ts';
import { signaalwaardenPage } from './signaalwaarden-page.ts';

const MELDINGEN = {
  banden: 'De signaalwaarden zijn opgeslagen.',
  'banden-standaard': 'De signaalwaarden van de provincie gelden weer.',
  klassen: 'De waarderingstabel is opgeslagen.',
  'klassen-standaard': 'De gangbare waarderingstabel geldt weer.',
} as const;
type Melding = keyof typeof MELDINGEN;
const QUERY = { type: 'object', additionalProperties: false, properties: { melding: { type: 'string', enum: Object.keys(MELDINGEN) } } } as const;

/** What one form posted back with its problems; the other form shows what is stored. */
interface Teruggestuurd {
  banden?: { waarden: FormulierWaarden; errors: VeldFout[] };
  klassen?: { waarden: FormulierWaarden; errors: VeldFout[] };
}

/**
 * The controller's settings of the kengetallen's signal bands and the weerstandsratio's rating table: one page with a
 * form for each, and a way back to the default for each.
 */
export function registerSignaalwaarden(app: FastifyInstance, db: Kysely<Database>): void {
  const render = async (request: FastifyRequest, terug: Teruggestuurd, melding?: Melding) => {
    const staff = staffOf(request);
    const [banden, klassen] = await Promise.all([signaalbandenVan(db, request.tenant.id), ratioKlassenVan(db, request.tenant.id)]);
    const klasseWaarden = terug.klassen?.waarden ?? ratioKlassenWaarden(klassen.klassen);
    const gevuld = Object.entries(klasseWaarden).flatMap(([key, value]) => {
      const rij = /^(?:klasse|vanaf|betekenis)_(\d+)$/.exec(key)?.[1];
      return rij !== undefined && (value ?? '').trim() !== '' ? [Number(rij)] : [];
    });
    return signaalwaardenPage({
      tenantName: request.tenant.name,
      csrfToken: staff.csrfToken,
      banden: { waarden: terug.banden?.waarden ?? signaalbandenWaarden(banden.banden), errors: terug.banden?.errors ?? [], eigen: banden.eigen },
      // Posted rows stay visible even when they were beyond the stored table (a class being added).
      klassen: { waarden: klasseWaarden, errors: terug.klassen?.errors ?? [], eigen: klassen.eigen, rijen: formulierRijen(Math.max(klassen.klassen.length, ...gevuld)) },
      melding: melding ? MELDINGEN[melding] : undefined,
    });
  };

  app.get<{ Querystring: { melding?: Melding } }>(FINANCIEN_PATHS.instellingen, { config: BEHEER, schema: { querystring: QUERY } }, async (request, reply) => {
    return send(reply, 200, await render(request, {}, request.query.melding));
  });

  app.post<{ Body: FormulierWaarden }>(FINANCIEN_PATHS.signaalbanden, { config: BEHEER, schema: { body: TEXT_BODY } }, async (request, reply) => {
    const read = readSignaalbandenForm(request.body, KENGETAL_NAMEN);
    if (!read.ok) return send(reply, 400, await render(request, { banden: { waarden: request.body, errors: read.errors } }));
    await saveSignaalbanden(db, request.tenant.id, read.value);
    return reply.redirect(`${FINANCIEN_PATHS.instellingen}?melding=banden`, 303);
  });

  app.post(FINANCIEN_PATHS.signaalbandenStandaard, { config: BEHEER, schema: { body: TEXT_BODY } }, async (request, reply) => {
    await resetSignaalbanden(db, request.tenant.id);
    return reply.redirect(`${FINANCIEN_PATHS.instellingen}?melding=banden-standaard`, 303);
  });

  app.post<{ Body: FormulierWaarden }>(FINANCIEN_PATHS.ratioKlassen, { config: BEHEER, schema: { body: TEXT_BODY } }, async (request, reply) => {
    const read = readRatioKlassenForm(request.body);
    if (!read.ok) return send(reply, 400, await render(request, { klassen: { waarden: request.body, errors: read.errors } }));
    await saveRatioKlassen(db, request.tenant.id, read.value);
    return reply.redirect(`${FINANCIEN_PATHS.instellingen}?melding=klassen`, 303);
  });

  app.post(FINANCIEN_PATHS.ratioKlassenStandaard, { config: BEHEER, schema: { body: TEXT_BODY } }, async (request, reply) => {
    await resetRatioKlassen(db, request.tenant.id);
    return reply.redirect(`${FINANCIEN_PATHS.instellingen}?melding=klassen-standaard`, 303);
  });
}
