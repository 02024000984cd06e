import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { issueFormToken, verifyFormToken, type FormTokenScope } from '../../platform/auth/csrf-form-token.ts';
import { RateLimiter } from '../../platform/http/rate-limit.ts';
import { notFoundPage } from '../../portaal/product-page.ts';
import { sendPortaalPage } from '../../portaal/portaal-page.ts';
import { toAmsterdam } from '../amsterdam-time.ts';
import { daysWithFreeSlots, slotsOnDay } from '../slots.ts';
import { listBookableProducts, locationsForProduct, findProduct, type ProductRow } from '../repository.ts';
import {
  bookAfspraak,
  BOOKING_DAYS,
  bookingWindow,
  cancelAfspraak,
  changeAfspraak,
  findBookingByFormKey,
  findManagedAfspraak,
  findOffer,
  logAfspraakShown,
  newSecret,
  offeredSlot,
  slotRules,
  type AfspraakDetails,
  type BookingContext,
  type Offer,
} from '../service.ts';
import { validateGegevens, type GegevensBody } from './gegevens-form.ts';
import {
  AFSPRAAK_PATH,
  annulerenPage,
  beheerPage,
  bevestigingPage,
  bookingFlow,
  changeFlow,
  datumKeuzePage,
  gegevensPage,
  locatieKeuzePage,
  onbekendeLinkPage,
  productKeuzePage,
  SLOT_GONE,
  SLOT_TAKEN,
  tijdKeuzePage,
  verzettenPage,
  type BeheerMelding,
  type Flow,
} from './afspraak-pages.ts';

const PUBLIC = { public: true } as const;
/** Per client address and tenant: a person books for a household now and then, a script floods. */
const BOOKINGS_PER_WINDOW = 10;
const BOOKING_WINDOW_MS = 10 * 60_000;
/** The booking and change forms' double-submit cookie, sent only to the appointment pages. */
const FORM_SCOPE: FormTokenScope = { cookie: 'loket_afspraak_formulier', path: AFSPRAAK_PATH };

const UUID = { type: 'string', format: 'uuid' } as const;
const DATUM = { type: 'string', format: 'date' } as const;
const START = { type: 'string', format: 'date-time', maxLength: 40 } as const;
/** The secrets in links and forms: 32 random bytes in base64url. */
const SECRET = { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' } as const;
const TOKEN_PARAMS = { type: 'object', required: ['token'], properties: { token: { type: 'string', maxLength: 100 } } } as const;
const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;

function queryOf(properties: Record<string, object>) {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties), properties } as const;
}

type Query = Record<string, string>;

/** The appointment pages of the portal: book (public, no sign-in needed), and change or cancel with the e-mail's link. */
export function registerAfspraakPortaal(app: FastifyInstance, context: AppContext): void {
  const db = context.database.db;
  const { keys } = context;
  const bookings = new RateLimiter({ limit: BOOKINGS_PER_WINDOW, windowMs: BOOKING_WINDOW_MS });
  const client = (request: FastifyRequest) => `${request.tenant.id} ${request.ip}`;
  const notFound = (request: FastifyRequest, reply: FastifyReply) => sendPortaalPage(reply, 404, notFoundPage(request.tenant));

  function bookingContext(request: FastifyRequest, now: Date): BookingContext {
    return { db, keys, request, gemeente: request.tenant.name, siteUrl: `${request.protocol}://${request.host}`, now };
  }

  async function activeProduct(request: FastifyRequest, productId: string): Promise<ProductRow | undefined> {
    const product = await findProduct(db, request.tenant.id, productId);
    return product?.actief ? product : undefined;
  }

  // ---- The steps shared by booking and changing: location, day, time ----

  async function showLocations(request: FastifyRequest, reply: FastifyReply, flow: Flow, product: ProductRow): Promise<FastifyReply> {
    return sendPortaalPage(reply, 200, locatieKeuzePage(request.tenant, flow, product, await locationsForProduct(db, request.tenant.id, product.id)));
  }

  async function showDays(request: FastifyRequest, reply: FastifyReply, flow: Flow, offer: Offer, status = 200, melding?: string): Promise<FastifyReply> {
    const now = new Date();
    const rules = await slotRules(db, request.tenant.id, offer, now);
    const dagen = daysWithFreeSlots(rules, bookingWindow(now).eersteDag, BOOKING_DAYS);
    return sendPortaalPage(reply, status, datumKeuzePage(request.tenant, flow, offer, dagen, melding));
  }

  async function showTimes(request: FastifyRequest, reply: FastifyReply, flow: Flow, offer: Offer, datum: string, status = 200, melding?: string): Promise<FastifyReply> {
    const now = new Date();
    const window = bookingWindow(now);
    // Outside the window nothing is bookable: the day page says so instead of an empty list.
    if (datum < window.eersteDag || datum > window.laatsteDag) return showDays(request, reply, flow, offer, status, melding ?? SLOT_GONE);
    const slots = slotsOnDay(await slotRules(db, request.tenant.id, offer, now), datum);
    return sendPortaalPage(reply, status, tijdKeuzePage(request.tenant, flow, offer, datum, slots, melding));
  }

  /** The slot a link or form names, if it is still offered and free. */
  async function freeSlot(request: FastifyRequest, offer: Offer, start: Date) {
    const now = new Date();
    const slot = offeredSlot(await slotRules(db, request.tenant.id, offer, now), start, now);
    return slot && slot.vrij > 0 ? slot : undefined;
  }

  // ---- Booking ----

  app.get(AFSPRAAK_PATH, { config: PUBLIC, schema: { querystring: NO_QUERY } }, async (request, reply) =>
    sendPortaalPage(reply, 200, productKeuzePage(request.tenant, await listBookableProducts(db, request.tenant.id))),
  );

  app.get<{ Querystring: Query }>(`${AFSPRAAK_PATH}/locatie`, { config: PUBLIC, schema: { querystring: queryOf({ product: UUID }) } }, async (request, reply) => {
    const product = await activeProduct(request, request.query.product ?? '');
    if (!product) return notFound(request, reply);
    return showLocations(request, reply, bookingFlow(product.id), product);
  });

  app.get<{ Querystring: Query }>(`${AFSPRAAK_PATH}/datum`, { config: PUBLIC, schema: { querystring: queryOf({ product: UUID, locatie: UUID }) } }, async (request, reply) => {
    const offer = await findOffer(db, request.tenant.id, request.query.product ?? '', request.query.locatie ?? '');
    if (!offer) return notFound(request, reply);
    return showDays(request, reply, bookingFlow(offer.product.id), offer);
  });

  app.get<{ Querystring: Query }>(`${AFSPRAAK_PATH}/tijd`, { config: PUBLIC, schema: { querystring: queryOf({ product: UUID, locatie: UUID, datum: DATUM }) } }, async (request, reply) => {
    const offer = await findOffer(db, request.tenant.id, request.query.product ?? '', request.query.locatie ?? '');
    if (!offer) return notFound(request, reply);
    return showTimes(request, reply, bookingFlow(offer.product.id), offer, request.query.datum ?? '');
  });

  app.get<{ Querystring: Query }>(`${AFSPRAAK_PATH}/gegevens`, { config: PUBLIC, schema: { querystring: queryOf({ product: UUID, locatie: UUID, start: START }) } }, async (request, reply) => {
    const offer = await findOffer(db, request.tenant.id, request.query.product ?? '', request.query.locatie ?? '');
    if (!offer) return notFound(request, reply);
    const start = new Date(request.query.start ?? '');
    const slot = await freeSlot(request, offer, start);
    if (!slot) return showTimes(request, reply, bookingFlow(offer.product.id), offer, toAmsterdam(start).datum, 200, SLOT_GONE);
    const csrfToken = issueFormToken(request, reply, keys, Date.now(), FORM_SCOPE);
    // A fresh key per form: submitting this form twice books once.
    return sendPortaalPage(reply, 200, gegevensPage(request.tenant, { ...offer, start: slot.start, eind: slot.eind, csrfToken, aanvraag: newSecret(), values: {}, errors: [] }), { privateForm: true });
  });

  app.post<{ Body: GegevensBody & { product: string; locatie: string; start: string; aanvraag: string } }>(
    `${AFSPRAAK_PATH}/gegevens`,
    {
      config: PUBLIC,
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['product', 'locatie', 'start', 'aanvraag'],
          properties: {
            _csrf: { type: 'string', maxLength: 200 },
            aanvraag: SECRET,
            product: UUID,
            locatie: UUID,
            start: START,
            naam: { type: 'string', maxLength: 1000 },
            e_mail: { type: 'string', maxLength: 1000 },
            telefoon: { type: 'string', maxLength: 1000 },
            opmerking: { type: 'string', maxLength: 5000 },
          },
        },
      },
    },
    async (request, reply) => {
      verifyFormToken(request, keys, Date.now(), FORM_SCOPE);
      bookings.take(client(request));
      const body = request.body;
      const offer = await findOffer(db, request.tenant.id, body.product, body.locatie);
      if (!offer) return notFound(request, reply);
      const start = new Date(body.start);
      const flow = bookingFlow(offer.product.id);
      const checked = validateGegevens(body);
      if (!checked.ok) {
        const csrfToken = issueFormToken(request, reply, keys, Date.now(), FORM_SCOPE);
        const eind = new Date(start.getTime() + offer.product.duur_minuten * 60_000);
        return sendPortaalPage(reply, 400, gegevensPage(request.tenant, { ...offer, start, eind, csrfToken, aanvraag: body.aanvraag, values: body, errors: checked.errors }), { privateForm: true });
      }
      const result = await bookAfspraak(bookingContext(request, new Date()), request.tenant.id, { productId: offer.product.id, locatieId: offer.locatie.id, start, ...checked.gegevens, aanvraagSleutel: body.aanvraag });
      context.outbox?.notify();
      if (result.kind === 'vol') return showTimes(request, reply, flow, offer, toAmsterdam(start).datum, 409, SLOT_TAKEN);
      if (result.kind === 'niet-beschikbaar') return showTimes(request, reply, flow, offer, toAmsterdam(start).datum, 409, SLOT_GONE);
      // Post, redirect, get: reloading the confirmation sends nothing twice.
      return reply.code(303).header('Cache-Control', 'no-store').redirect(`${AFSPRAAK_PATH}/bevestiging/${body.aanvraag}`, 303);
    },
  );

  app.get<{ Params: { sleutel: string } }>(
    `${AFSPRAAK_PATH}/bevestiging/:sleutel`,
    { config: PUBLIC, schema: { params: { type: 'object', required: ['sleutel'], properties: { sleutel: { type: 'string', maxLength: 100 } } }, querystring: NO_QUERY } },
    async (request, reply) => {
      const startTime = new Date();
      const afspraak = await findBookingByFormKey(db, request.tenant.id, request.params.sleutel);
      if (!afspraak) return notFound(request, reply);
      await logAfspraakShown(db, keys, request, afspraak.row, startTime);
      return sendPortaalPage(reply, 200, bevestigingPage(request.tenant, afspraak), { privateForm: true });
    },
  );

  // ---- Changing and cancelling with the management link ----

  const manage = `${AFSPRAAK_PATH}/wijzigen/:token`;

  /** The booked appointment behind the link; otherwise sends the page that says why not and returns undefined. */
  async function managed(request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply): Promise<AfspraakDetails | undefined> {
    const { token } = request.params;
    const found = await findManagedAfspraak(db, request.tenant.id, token, new Date());
    if (found.kind === 'onbekend') {
      await sendPortaalPage(reply, 404, onbekendeLinkPage(request.tenant), { privateForm: true });
      return undefined;
    }
    if (found.kind !== 'geboekt') {
      await sendPortaalPage(reply, 200, beheerPage(request.tenant, { token, state: found.kind, afspraak: found.afspraak }), { privateForm: true });
      return undefined;
    }
    return found.afspraak;
  }

  async function managedOffer(request: FastifyRequest<{ Params: { token: string }; Querystring: Query }>, reply: FastifyReply): Promise<Offer | undefined | null> {
    const afspraak = await managed(request, reply);
    if (!afspraak) return null;
    const offer = await findOffer(db, request.tenant.id, afspraak.product.id, request.query.locatie ?? '');
    if (!offer) await notFound(request, reply);
    return offer;
  }

  app.get<{ Params: { token: string }; Querystring: { melding?: BeheerMelding } }>(
    manage,
    { config: PUBLIC, schema: { params: TOKEN_PARAMS, querystring: { type: 'object', additionalProperties: false, properties: { melding: { type: 'string', enum: ['geannuleerd', 'gewijzigd'] } } } } },
    async (request, reply) => {
      const { token } = request.params;
      const startTime = new Date();
      const found = await findManagedAfspraak(db, request.tenant.id, token, startTime);
      if (found.kind === 'onbekend') return sendPortaalPage(reply, 404, onbekendeLinkPage(request.tenant), { privateForm: true });
      await logAfspraakShown(db, keys, request, found.afspraak.row, startTime);
      return sendPortaalPage(reply, 200, beheerPage(request.tenant, { token, state: found.kind, afspraak: found.afspraak, melding: request.query.melding }), { privateForm: true });
    },
  );

  app.get<{ Params: { token: string } }>(`${manage}/annuleren`, { config: PUBLIC, schema: { params: TOKEN_PARAMS, querystring: NO_QUERY } }, async (request, reply) => {
    const afspraak = await managed(request, reply);
    if (!afspraak) return reply;
    const csrfToken = issueFormToken(request, reply, keys, Date.now(), FORM_SCOPE);
    return sendPortaalPage(reply, 200, annulerenPage(request.tenant, { token: request.params.token, afspraak, csrfToken }), { privateForm: true });
  });

  app.post<{ Params: { token: string } }>(
    `${manage}/annuleren`,
    { config: PUBLIC, schema: { params: TOKEN_PARAMS, body: { type: 'object', additionalProperties: false, properties: { _csrf: { type: 'string', maxLength: 200 } } } } },
    async (request, reply) => {
      verifyFormToken(request, keys, Date.now(), FORM_SCOPE);
      bookings.take(client(request));
      const { token } = request.params;
      const result = await cancelAfspraak(bookingContext(request, new Date()), request.tenant.id, token);
      context.outbox?.notify();
      if (result.kind === 'niet-mogelijk' && !result.afspraak) return sendPortaalPage(reply, 404, onbekendeLinkPage(request.tenant), { privateForm: true });
      // Cancelled now or before: the link's page says so either way.
      return reply.code(303).header('Cache-Control', 'no-store').redirect(`${changeFlow(token).start}${result.kind === 'geannuleerd' ? '?melding=geannuleerd' : ''}`, 303);
    },
  );

  app.get<{ Params: { token: string } }>(`${manage}/locatie`, { config: PUBLIC, schema: { params: TOKEN_PARAMS, querystring: NO_QUERY } }, async (request, reply) => {
    const afspraak = await managed(request, reply);
    if (!afspraak) return reply;
    return showLocations(request, reply, changeFlow(request.params.token), afspraak.product);
  });

  app.get<{ Params: { token: string }; Querystring: Query }>(`${manage}/datum`, { config: PUBLIC, schema: { params: TOKEN_PARAMS, querystring: queryOf({ locatie: UUID }) } }, async (request, reply) => {
    const offer = await managedOffer(request, reply);
    if (!offer) return reply;
    return showDays(request, reply, changeFlow(request.params.token), offer);
  });

  app.get<{ Params: { token: string }; Querystring: Query }>(`${manage}/tijd`, { config: PUBLIC, schema: { params: TOKEN_PARAMS, querystring: queryOf({ locatie: UUID, datum: DATUM }) } }, async (request, reply) => {
    const offer = await managedOffer(request, reply);
    if (!offer) return reply;
    return showTimes(request, reply, changeFlow(request.params.token), offer, request.query.datum ?? '');
  });

  app.get<{ Params: { token: string }; Querystring: Query }>(`${manage}/bevestigen`, { config: PUBLIC, schema: { params: TOKEN_PARAMS, querystring: queryOf({ locatie: UUID, start: START }) } }, async (request, reply) => {
    const afspraak = await managed(request, reply);
    if (!afspraak) return reply;
    const offer = await findOffer(db, request.tenant.id, afspraak.product.id, request.query.locatie ?? '');
    if (!offer) return notFound(request, reply);
    const flow = changeFlow(request.params.token);
    const start = new Date(request.query.start ?? '');
    const slot = await freeSlot(request, offer, start);
    if (!slot) return showTimes(request, reply, flow, offer, toAmsterdam(start).datum, 200, SLOT_GONE);
    const csrfToken = issueFormToken(request, reply, keys, Date.now(), FORM_SCOPE);
    return sendPortaalPage(reply, 200, verzettenPage(request.tenant, { token: request.params.token, afspraak, locatie: offer.locatie, start: slot.start, eind: slot.eind, csrfToken, aanvraag: newSecret() }), { privateForm: true });
  });

  app.post<{ Params: { token: string }; Body: { locatie: string; start: string; aanvraag: string } }>(
    `${manage}/bevestigen`,
    {
      config: PUBLIC,
      schema: {
        params: TOKEN_PARAMS,
        body: { type: 'object', additionalProperties: false, required: ['locatie', 'start', 'aanvraag'], properties: { _csrf: { type: 'string', maxLength: 200 }, aanvraag: SECRET, locatie: UUID, start: START } },
      },
    },
    async (request, reply) => {
      verifyFormToken(request, keys, Date.now(), FORM_SCOPE);
      bookings.take(client(request));
      const { token } = request.params;
      const start = new Date(request.body.start);
      const result = await changeAfspraak(bookingContext(request, new Date()), request.tenant.id, token, { locatieId: request.body.locatie, start, aanvraagSleutel: request.body.aanvraag });
      context.outbox?.notify();
      if (result.kind === 'geboekt') return reply.code(303).header('Cache-Control', 'no-store').redirect(`${changeFlow(token).start}?melding=gewijzigd`, 303);
      if (result.kind === 'niet-mogelijk') {
        const afspraak = await managed(request, reply);
        if (!afspraak) return reply;
        return reply.code(303).header('Cache-Control', 'no-store').redirect(changeFlow(token).start, 303);
      }
      const afspraak = await managed(request, reply);
      if (!afspraak) return reply;
      const offer = await findOffer(db, request.tenant.id, afspraak.product.id, request.body.locatie);
      if (!offer) return notFound(request, reply);
      return showTimes(request, reply, changeFlow(token), offer, toAmsterdam(start).datum, 409, result.kind === 'vol' ? SLOT_TAKEN : SLOT_GONE);
    },
  );
}
