import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import type { SafeHtml } from '../../platform/http/html.ts';
import { logRequestProcessing } from '../../platform/processing-log/request.ts';
import { listProductOverzicht } from '../../kennisbank/producten/repository.ts';
import { addDays, fromAmsterdam, toAmsterdam } from '../amsterdam-time.ts';
import { AFSPRAAK_ACTIVITY } from '../service.ts';
import {
  appointmentsAt,
  capacityOf,
  deleteClosingDay,
  findLocation,
  findProduct,
  insertClosingDay,
  insertLocation,
  insertProduct,
  listClosingDays,
  listLocations,
  listProducts,
  openingPeriods,
  replaceCapacity,
  replaceOpeningPeriods,
  updateLocation,
  updateProduct,
} from '../repository.ts';
import { formatPeriods, readLocatieForm, readProductForm, WEEKDAGEN, type BeheerFieldError, type LocatieForm, type ProductForm } from './beheer-forms.ts';
import { AFSPRAKEN_BEHEER_PATH, afsprakenDagPage, locatieFormPage, locatiesPage, productenPage, productFormPage, sluitingsdagenPage } from './beheer-pages.ts';

// Configuring the appointments is the functioneel beheerder's work; the counter's list is for everyone who receives residents.
const BEHEERDER = { staffRoles: ['beheerder'] } as const;
const BALIE = { staffRoles: ['kcc', 'behandelaar', 'beheerder'] } as const;
const ID_PARAMS = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } as const;
const MELDING_QUERY = { type: 'object', additionalProperties: false, properties: { melding: { type: 'string', enum: ['opgeslagen', 'verwijderd'] } } } as const;
const MELDINGEN: Record<string, string> = { opgeslagen: 'De wijziging is opgeslagen.', verwijderd: 'De sluitingsdag is verwijderd.' };
const TEXT = { type: 'string', maxLength: 1000 } as const;

function staffOf(request: FastifyRequest): StaffIdentity {
  // The staffRoles policy sets request.staff before any handler runs.
  if (!request.staff) throw new ProblemError('not_authenticated');
  return request.staff;
}

function send(reply: FastifyReply, status: number, document: SafeHtml): FastifyReply {
  // Never cached: the pages carry a CSRF token, and the counter's list personal data.
  return reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(document.value);
}

function textBody(fields: string[]) {
  return { type: 'object', additionalProperties: false, properties: Object.fromEntries([['_csrf', { type: 'string' }], ...fields.map((field) => [field, TEXT])]) } as const;
}

/** Bodies with a field per location (`balies-{id}`) are checked field by field in the form reader. */
const PRODUCT_BODY = { type: 'object', additionalProperties: TEXT, properties: { _csrf: { type: 'string' } } } as const;
const LOCATIE_BODY = textBody(['naam', 'adres', 'postcode', 'plaats', 'actief', ...WEEKDAGEN]);
const SLUITINGSDAG_BODY = textBody(['datum', 'locatie', 'omschrijving']);

/**
 * The appointments in the staff workspace: the counter's list per location and day (kcc, behandelaar, beheerder;
 * viewing it is logged as processing of the residents' data) and the beheerder's pages for locations and opening
 * hours, closing days, and products with their length and counters.
 */
export function registerAfspraakBeheer(app: FastifyInstance, context: AppContext): void {
  const db = context.database.db;
  const { keys } = context;

  app.get<{ Querystring: { locatie?: string; datum?: string } }>(
    AFSPRAKEN_BEHEER_PATH,
    { config: BALIE, schema: { querystring: { type: 'object', additionalProperties: false, properties: { locatie: { type: 'string', format: 'uuid' }, datum: { type: 'string', format: 'date' } } } } },
    async (request, reply) => {
      const staff = staffOf(request);
      const tenantId = request.tenant.id;
      const locaties = await listLocations(db, tenantId);
      const datum = request.query.datum ?? toAmsterdam(new Date()).datum;
      const locatie = locaties.find((item) => item.id === request.query.locatie) ?? locaties[0];
      const van = fromAmsterdam(datum, 0);
      const tot = fromAmsterdam(addDays(datum, 1), 0);
      const startTime = new Date();
      const afspraken =
        locatie && van && tot
          ? await db.transaction().execute(async (trx) => {
              const rows = await appointmentsAt(trx, tenantId, locatie.id, van, tot);
              if (rows.length > 0) {
                // Staff see names and contact details: each resident shown gets a record.
                await logRequestProcessing(trx, keys, request, {
                  activityId: AFSPRAAK_ACTIVITY,
                  name: 'afspraken-inzien',
                  status: 'ok',
                  startTime,
                  dataSubjects: [...new Set(rows.map((row) => row.e_mail.toLowerCase()))].map((id) => ({ type: 'E-MAILADRES', id })),
                  attributes: { locatie: locatie.id, datum },
                });
              }
              return rows;
            })
          : [];
      return send(reply, 200, afsprakenDagPage({ tenantName: request.tenant.name, locaties, locatieId: locatie?.id, datum, afspraken, beheerder: staff.roles.includes('beheerder') }));
    },
  );

  // ---- Locations and opening hours ----

  app.get<{ Querystring: { melding?: string } }>(`${AFSPRAKEN_BEHEER_PATH}/locaties`, { config: BEHEERDER, schema: { querystring: MELDING_QUERY } }, async (request, reply) => {
    staffOf(request);
    const melding = request.query.melding ? MELDINGEN[request.query.melding] : undefined;
    return send(reply, 200, locatiesPage({ tenantName: request.tenant.name, locaties: await listLocations(db, request.tenant.id), melding }));
  });

  app.get(`${AFSPRAKEN_BEHEER_PATH}/locaties/nieuw`, { config: BEHEERDER }, async (request, reply) => {
    const staff = staffOf(request);
    return send(reply, 200, locatieFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, values: { actief: 'ja' }, errors: [] }));
  });

  app.post<{ Body: LocatieForm }>(`${AFSPRAKEN_BEHEER_PATH}/locaties/nieuw`, { config: BEHEERDER, schema: { body: LOCATIE_BODY } }, async (request, reply) => {
    const staff = staffOf(request);
    const read = readLocatieForm(request.body);
    if (!read.ok) return send(reply, 400, locatieFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, values: request.body, errors: read.errors }));
    await db.transaction().execute(async (trx) => {
      const id = await insertLocation(trx, request.tenant.id, read.value.locatie);
      await replaceOpeningPeriods(trx, request.tenant.id, id, read.value.openingstijden);
    });
    return reply.redirect(`${AFSPRAKEN_BEHEER_PATH}/locaties?melding=opgeslagen`, 303);
  });

  app.get<{ Params: { id: string } }>(`${AFSPRAKEN_BEHEER_PATH}/locaties/:id`, { config: BEHEERDER, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const staff = staffOf(request);
    const locatie = await findLocation(db, request.tenant.id, request.params.id);
    if (!locatie) throw new ProblemError('not_found');
    const periods = await openingPeriods(db, request.tenant.id, locatie.id);
    const values: Record<string, string> = { naam: locatie.naam, adres: locatie.adres, postcode: locatie.postcode, plaats: locatie.plaats, actief: locatie.actief ? 'ja' : '' };
    WEEKDAGEN.forEach((dag, index) => (values[dag] = formatPeriods(periods, index + 1)));
    return send(reply, 200, locatieFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, id: locatie.id, values, errors: [] }));
  });

  app.post<{ Params: { id: string }; Body: LocatieForm }>(`${AFSPRAKEN_BEHEER_PATH}/locaties/:id`, { config: BEHEERDER, schema: { params: ID_PARAMS, body: LOCATIE_BODY } }, async (request, reply) => {
    const staff = staffOf(request);
    const read = readLocatieForm(request.body);
    if (!read.ok) return send(reply, 400, locatieFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, id: request.params.id, values: request.body, errors: read.errors }));
    const found = await db.transaction().execute(async (trx) => {
      if (!(await updateLocation(trx, request.tenant.id, request.params.id, read.value.locatie))) return false;
      await replaceOpeningPeriods(trx, request.tenant.id, request.params.id, read.value.openingstijden);
      return true;
    });
    if (!found) throw new ProblemError('not_found');
    return reply.redirect(`${AFSPRAKEN_BEHEER_PATH}/locaties?melding=opgeslagen`, 303);
  });

  // ---- Products, appointment length and counters ----

  app.get<{ Querystring: { melding?: string } }>(`${AFSPRAKEN_BEHEER_PATH}/producten`, { config: BEHEERDER, schema: { querystring: MELDING_QUERY } }, async (request, reply) => {
    staffOf(request);
    const melding = request.query.melding ? MELDINGEN[request.query.melding] : undefined;
    return send(reply, 200, productenPage({ tenantName: request.tenant.name, producten: await listProducts(db, request.tenant.id), melding }));
  });

  async function productView(request: FastifyRequest, id: string | undefined) {
    const staff = staffOf(request);
    const locaties = await listLocations(db, request.tenant.id);
    const kennisbank = id ? [] : (await listProductOverzicht(db, request.tenant.id)).map((product) => ({ slug: product.slug, titel: product.titel }));
    return { tenantName: request.tenant.name, csrfToken: staff.csrfToken, id, locaties, kennisbank };
  }

  app.get(`${AFSPRAKEN_BEHEER_PATH}/producten/nieuw`, { config: BEHEERDER }, async (request, reply) =>
    send(reply, 200, productFormPage({ ...(await productView(request, undefined)), values: { actief: 'ja', duur: '15' }, errors: [] })),
  );

  app.post<{ Body: ProductForm }>(`${AFSPRAKEN_BEHEER_PATH}/producten/nieuw`, { config: BEHEERDER, schema: { body: PRODUCT_BODY } }, async (request, reply) => {
    const view = await productView(request, undefined);
    const read = readProductForm(request.body, view.locaties.map((locatie) => locatie.id), { nieuw: true });
    const errors: BeheerFieldError[] = read.ok ? [] : read.errors;
    if (read.ok && !view.kennisbank.some((product) => product.slug === read.value.productSlug)) errors.push({ fieldId: 'product_slug', message: 'Kies het product uit de kennisbank.' });
    if (!read.ok || errors.length > 0) return send(reply, 400, productFormPage({ ...view, values: request.body, errors }));
    const created = await db.transaction().execute(async (trx) => {
      const id = await insertProduct(trx, request.tenant.id, read.value);
      if (id) await replaceCapacity(trx, request.tenant.id, id, read.value.balies);
      return id;
    });
    if (!created) return send(reply, 400, productFormPage({ ...view, values: request.body, errors: [{ fieldId: 'product_slug', message: 'Voor dit product kan al een afspraak worden gemaakt. Wijzig het in de lijst.' }] }));
    return reply.redirect(`${AFSPRAKEN_BEHEER_PATH}/producten?melding=opgeslagen`, 303);
  });

  app.get<{ Params: { id: string } }>(`${AFSPRAKEN_BEHEER_PATH}/producten/:id`, { config: BEHEERDER, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const product = await findProduct(db, request.tenant.id, request.params.id);
    if (!product) throw new ProblemError('not_found');
    const view = await productView(request, product.id);
    const balies = await capacityOf(db, request.tenant.id, product.id);
    const values: Record<string, string> = { product_slug: product.product_slug, naam: product.naam, duur: String(product.duur_minuten), actief: product.actief ? 'ja' : '' };
    for (const locatie of view.locaties) values[`balies-${locatie.id}`] = String(balies.get(locatie.id) ?? 0);
    return send(reply, 200, productFormPage({ ...view, values, errors: [] }));
  });

  app.post<{ Params: { id: string }; Body: ProductForm }>(`${AFSPRAKEN_BEHEER_PATH}/producten/:id`, { config: BEHEERDER, schema: { params: ID_PARAMS, body: PRODUCT_BODY } }, async (request, reply) => {
    const product = await findProduct(db, request.tenant.id, request.params.id);
    if (!product) throw new ProblemError('not_found');
    const view = await productView(request, product.id);
    const read = readProductForm(request.body, view.locaties.map((locatie) => locatie.id), { nieuw: false });
    if (!read.ok) return send(reply, 400, productFormPage({ ...view, values: { ...request.body, product_slug: product.product_slug }, errors: read.errors }));
    await db.transaction().execute(async (trx) => {
      await updateProduct(trx, request.tenant.id, product.id, read.value);
      await replaceCapacity(trx, request.tenant.id, product.id, read.value.balies);
    });
    return reply.redirect(`${AFSPRAKEN_BEHEER_PATH}/producten?melding=opgeslagen`, 303);
  });

  // ---- Closing days ----

  async function closingView(request: FastifyRequest) {
    const staff = staffOf(request);
    return {
      tenantName: request.tenant.name,
      csrfToken: staff.csrfToken,
      dagen: await listClosingDays(db, request.tenant.id, toAmsterdam(new Date()).datum),
      locaties: await listLocations(db, request.tenant.id),
    };
  }

  app.get<{ Querystring: { melding?: string } }>(`${AFSPRAKEN_BEHEER_PATH}/sluitingsdagen`, { config: BEHEERDER, schema: { querystring: MELDING_QUERY } }, async (request, reply) => {
    const melding = request.query.melding ? MELDINGEN[request.query.melding] : undefined;
    return send(reply, 200, sluitingsdagenPage({ ...(await closingView(request)), values: {}, errors: [], melding }));
  });

  app.post<{ Body: { datum?: string; locatie?: string; omschrijving?: string } }>(`${AFSPRAKEN_BEHEER_PATH}/sluitingsdagen`, { config: BEHEERDER, schema: { body: SLUITINGSDAG_BODY } }, async (request, reply) => {
    const view = await closingView(request);
    const datum = (request.body.datum ?? '').trim();
    const locatie = (request.body.locatie ?? '').trim();
    const omschrijving = (request.body.omschrijving ?? '').trim();
    const errors: BeheerFieldError[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(datum) || Number.isNaN(Date.parse(`${datum}T00:00:00Z`))) errors.push({ fieldId: 'datum', message: 'Vul een datum in zoals 2026-04-27.' });
    if (omschrijving.length > 200) errors.push({ fieldId: 'omschrijving', message: 'De omschrijving mag hoogstens 200 tekens zijn.' });
    const locatieId = locatie === '' ? null : (view.locaties.find((item) => item.id === locatie)?.id ?? undefined);
    if (locatieId === undefined) errors.push({ fieldId: 'locatie', message: 'Kies een locatie uit de lijst.' });
    if (errors.length > 0 || locatieId === undefined) return send(reply, 400, sluitingsdagenPage({ ...view, values: request.body, errors }));
    if (!(await insertClosingDay(db, request.tenant.id, { locatieId, datum, omschrijving }))) {
      return send(reply, 400, sluitingsdagenPage({ ...view, values: request.body, errors: [{ fieldId: 'datum', message: 'Deze dag staat al als sluitingsdag in de lijst.' }] }));
    }
    return reply.redirect(`${AFSPRAKEN_BEHEER_PATH}/sluitingsdagen?melding=opgeslagen`, 303);
  });

  app.post<{ Params: { id: string } }>(
    `${AFSPRAKEN_BEHEER_PATH}/sluitingsdagen/:id/verwijderen`,
    { config: BEHEERDER, schema: { params: ID_PARAMS, body: { type: 'object', additionalProperties: false, properties: { _csrf: { type: 'string' } } } } },
    async (request, reply) => {
      staffOf(request);
      if (!(await deleteClosingDay(db, request.tenant.id, request.params.id))) throw new ProblemError('not_found');
      return reply.redirect(`${AFSPRAKEN_BEHEER_PATH}/sluitingsdagen?melding=verwijderd`, 303);
    },
  );
}
