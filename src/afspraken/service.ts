import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/schema.ts';
import type { Keys } from '../platform/crypto/keys.ts';
import { inTransaction } from '../platform/database/transaction.ts';
import { enqueueMail } from '../platform/mail/mail-outbox.ts';
import { logRequestProcessing, type ProcessingRequest } from '../platform/processing-log/request.ts';
import { addDays, toAmsterdam } from './amsterdam-time.ts';
import { afspraakMail, type AfspraakMailSoort } from './afspraak-mail.ts';
import { slotAt, type Slot, type SlotRules } from './slots.ts';
import {
  bookedCounts,
  closedDays,
  endBooking,
  findByAanvraagSleutel,
  findByBeheerToken,
  findLocation,
  findProduct,
  insertAfspraakIfFree,
  locationsForProduct,
  openingPeriods,
  takenPlaces,
  type AfspraakRow,
  type LocatieRow,
  type ProductRow,
} from './repository.ts';

/** Residents book up to six weeks ahead … */
export const BOOKING_DAYS = 42;
/** … and no later than an hour before the appointment, so the counter can prepare. */
export const LEAD_MINUTES = 60;
/** The processing activity (register) appointments are logged under. */
export const AFSPRAAK_ACTIVITY = 'afspraak-balie';

/** sha256 of a secret from a link or form: only the hash is stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new secret for a management link or a booking form (256 random bits). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A product as offered at one location: what the slot rules need. */
export interface Offer {
  product: ProductRow;
  locatie: LocatieRow & { balies: number };
}

/** The product at a location, when that location (active) offers that product (active). */
export async function findOffer(db: Kysely<Database>, tenantId: string, productId: string, locatieId: string): Promise<Offer | undefined> {
  const product = await findProduct(db, tenantId, productId);
  if (!product?.actief) return undefined;
  const locatie = (await locationsForProduct(db, tenantId, productId)).find((location) => location.id === locatieId);
  return locatie ? { product, locatie } : undefined;
}

/** The first day residents may book and the earliest moment, from now. */
export function bookingWindow(now: Date): { eersteDag: string; laatsteDag: string; vroegst: Date } {
  const eersteDag = toAmsterdam(now).datum;
  return { eersteDag, laatsteDag: addDays(eersteDag, BOOKING_DAYS - 1), vroegst: new Date(now.getTime() + LEAD_MINUTES * 60_000) };
}

/** The slot rules of an offer over the whole booking window (opening hours, closing days, bookings so far). */
export async function slotRules(db: Kysely<Database>, tenantId: string, offer: Offer, now: Date): Promise<SlotRules> {
  const window = bookingWindow(now);
  // A day either side, so that slots on the window's edge days count their bookings whatever the offset.
  const van = new Date(now.getTime() - 86_400_000);
  const tot = new Date(now.getTime() + (BOOKING_DAYS + 2) * 86_400_000);
  return {
    openingstijden: await openingPeriods(db, tenantId, offer.locatie.id),
    gesloten: await closedDays(db, tenantId, offer.locatie.id, window.eersteDag, window.laatsteDag),
    duurMinuten: offer.product.duur_minuten,
    capaciteit: offer.locatie.balies,
    bezet: await bookedCounts(db, tenantId, offer.product.id, offer.locatie.id, van, tot),
    vroegst: window.vroegst,
  };
}

/**
 * The slot that starts at `start`, if it is offered now: inside the booking window (closing days are only known
 * there) and a real slot of the opening hours. Free or not: the caller decides.
 */
export function offeredSlot(rules: SlotRules, start: Date, now: Date): Slot | undefined {
  const datum = toAmsterdam(start).datum;
  const window = bookingWindow(now);
  if (Number.isNaN(start.getTime()) || datum < window.eersteDag || datum > window.laatsteDag) return undefined;
  return slotAt(rules, datum, start);
}

/** An appointment with its product and location, as pages and e-mails show it. */
export interface AfspraakDetails {
  row: AfspraakRow;
  product: ProductRow;
  locatie: LocatieRow;
}

async function details(db: Kysely<Database>, row: AfspraakRow): Promise<AfspraakDetails> {
  const product = await findProduct(db, row.tenant_id, row.product_id);
  const locatie = await findLocation(db, row.tenant_id, row.locatie_id);
  if (!product || !locatie) throw new Error(`Appointment ${row.id} lost its product or location`);
  return { row, product, locatie };
}

/** Who is booking, with the form's one-time key (a double submit finds the first booking). */
export interface BookingInput {
  productId: string;
  locatieId: string;
  start: Date;
  naam: string;
  eMail: string;
  telefoon: string | null;
  opmerking: string;
  aanvraagSleutel: string;
}

/** What the caller needs to write the e-mail's link and the processing log. */
export interface BookingContext {
  db: Kysely<Database>;
  keys: Pick<Keys, 'pseudonymise'>;
  request: ProcessingRequest;
  gemeente: string;
  /** `https://host`: the management link in the e-mail starts with it. */
  siteUrl: string;
  now: Date;
}

export type BookingResult =
  | { kind: 'geboekt'; afspraak: AfspraakDetails; herhaald: boolean }
  /** The time is not offered (closed, past, outside opening hours) or the product/location is not bookable. */
  | { kind: 'niet-beschikbaar' }
  /** Every counter place of the slot is taken. */
  | { kind: 'vol' };

/** Path of the page where a resident cancels or changes with the link from the e-mail. */
export function beheerPath(token: string): string {
  return `/afspraak/wijzigen/${token}`;
}

function mailFor(context: BookingContext, soort: AfspraakMailSoort, afspraak: AfspraakDetails, token: string | undefined) {
  return afspraakMail(
    soort,
    {
      gemeente: context.gemeente,
      product: afspraak.product,
      locatie: afspraak.locatie,
      start: afspraak.row.starttijd,
      eind: afspraak.row.eindtijd,
      naam: afspraak.row.naam,
      eMail: afspraak.row.e_mail,
      icsUid: afspraak.row.ics_uid,
      icsVolgnummer: afspraak.row.ics_volgnummer,
      beheerLink: token === undefined ? undefined : `${context.siteUrl}${beheerPath(token)}`,
    },
    context.now,
  );
}

/**
 * Takes a free counter place of the slot. The places 1 … capacity are tried in turn; the partial unique index on
 * booked places lets exactly one of any number of concurrent requests have each place.
 */
async function claimPlace(
  trx: Kysely<Database>,
  tenantId: string,
  offer: Offer,
  start: Date,
  eind: Date,
  fields: Omit<Parameters<typeof insertAfspraakIfFree>[1], 'tenantId' | 'productId' | 'locatieId' | 'start' | 'eind' | 'plaats'>,
): Promise<AfspraakRow | 'herhaald' | undefined> {
  const taken = await takenPlaces(trx, tenantId, offer.product.id, offer.locatie.id, start);
  for (let plaats = 1; plaats <= offer.locatie.balies; plaats++) {
    if (taken.has(plaats)) continue;
    const row = await insertAfspraakIfFree(trx, { tenantId, productId: offer.product.id, locatieId: offer.locatie.id, start, eind, plaats, ...fields });
    if (row) return row;
    // Nothing inserted: the place went to another request, or this very form was booked meanwhile.
    if (await findByAanvraagSleutel(trx, tenantId, fields.aanvraagSleutelHash)) return 'herhaald';
  }
  return undefined;
}

async function logAfspraak(context: BookingContext, trx: Kysely<Database>, name: string, row: AfspraakRow, startTime: Date): Promise<void> {
  await logRequestProcessing(trx, context.keys, context.request, {
    activityId: AFSPRAAK_ACTIVITY,
    name,
    status: 'ok',
    startTime,
    dataSubjects: [{ type: 'E-MAILADRES', id: row.e_mail.toLowerCase() }],
    attributes: { afspraak: row.id },
  });
}

/**
 * Books an appointment in one transaction: the counter place, the confirmation e-mail with its calendar file (sent
 * after commit) and the processing-log record. A resubmitted form returns the booking it made the first time.
 */
export async function bookAfspraak(context: BookingContext, tenantId: string, input: BookingInput): Promise<BookingResult> {
  const aanvraagSleutelHash = hashSecret(input.aanvraagSleutel);
  const startTime = new Date();
  return inTransaction(context.db, async (trx) => {
    const earlier = await findByAanvraagSleutel(trx, tenantId, aanvraagSleutelHash);
    if (earlier) return { kind: 'geboekt', afspraak: await details(trx, earlier), herhaald: true };
    const offer = await findOffer(trx, tenantId, input.productId, input.locatieId);
    if (!offer) return { kind: 'niet-beschikbaar' };
    const slot = offeredSlot(await slotRules(trx, tenantId, offer, context.now), input.start, context.now);
    if (!slot) return { kind: 'niet-beschikbaar' };
    const token = newSecret();
    const claimed = await claimPlace(trx, tenantId, offer, slot.start, slot.eind, {
      naam: input.naam,
      eMail: input.eMail,
      telefoon: input.telefoon,
      opmerking: input.opmerking,
      beheerTokenHash: hashSecret(token),
      aanvraagSleutelHash,
      icsUid: `${randomUUID()}@loket`,
      icsVolgnummer: 0,
      vorigeAfspraakId: null,
    });
    if (claimed === 'herhaald') {
      const first = await findByAanvraagSleutel(trx, tenantId, aanvraagSleutelHash);
      if (!first) throw new Error('A booking found by its form key vanished');
      return { kind: 'geboekt', afspraak: await details(trx, first), herhaald: true };
    }
    if (!claimed) return { kind: 'vol' };
    const afspraak = await details(trx, claimed);
    await enqueueMail(trx, tenantId, mailFor(context, 'bevestiging', afspraak, token));
    await logAfspraak(context, trx, 'afspraak-maken', claimed, startTime);
    return { kind: 'geboekt', afspraak, herhaald: false };
  });
}

/** What a management link leads to. */
export type ManagedAfspraak =
  | { kind: 'geboekt'; afspraak: AfspraakDetails }
  | { kind: 'voorbij'; afspraak: AfspraakDetails }
  | { kind: 'geannuleerd'; afspraak: AfspraakDetails }
  | { kind: 'onbekend' };

/** The appointment behind a management link; a booked one whose start has passed can no longer be changed. */
export async function findManagedAfspraak(db: Kysely<Database>, tenantId: string, token: string, now: Date): Promise<ManagedAfspraak> {
  const row = await findByBeheerToken(db, tenantId, hashSecret(token));
  if (!row) return { kind: 'onbekend' };
  const afspraak = await details(db, row);
  if (row.status !== 'geboekt') return { kind: 'geannuleerd', afspraak };
  if (row.starttijd.getTime() <= now.getTime()) return { kind: 'voorbij', afspraak };
  return { kind: 'geboekt', afspraak };
}

export type CancelResult = { kind: 'geannuleerd'; afspraak: AfspraakDetails } | { kind: 'niet-mogelijk'; afspraak?: AfspraakDetails };

/** Cancels the booking behind a management link: the place is free again, and a METHOD:CANCEL e-mail follows. */
export async function cancelAfspraak(context: BookingContext, tenantId: string, token: string): Promise<CancelResult> {
  const startTime = new Date();
  return inTransaction(context.db, async (trx) => {
    const current = await findManagedAfspraak(trx, tenantId, token, context.now);
    if (current.kind !== 'geboekt') return { kind: 'niet-mogelijk', afspraak: current.kind === 'onbekend' ? undefined : current.afspraak };
    // The row lock of this update makes a concurrent cancel or change of the same booking wait, then find it ended.
    const ended = await endBooking(trx, tenantId, current.afspraak.row.id, 'geannuleerd');
    if (!ended) return { kind: 'niet-mogelijk', afspraak: current.afspraak };
    const afspraak = { ...current.afspraak, row: { ...ended, ics_volgnummer: ended.ics_volgnummer + 1 } };
    await enqueueMail(trx, tenantId, mailFor(context, 'annulering', afspraak, undefined));
    await logAfspraak(context, trx, 'afspraak-annuleren', ended, startTime);
    return { kind: 'geannuleerd', afspraak };
  });
}

export type ChangeResult = BookingResult | { kind: 'niet-mogelijk' };

/**
 * Moves the booking behind a management link to another slot (and perhaps another location) in one transaction:
 * the old place is released and the new one taken together, or neither. The new booking keeps the link and the
 * calendar UID, with a higher SEQUENCE, and an updated calendar file is mailed.
 */
export async function changeAfspraak(context: BookingContext, tenantId: string, token: string, input: { locatieId: string; start: Date; aanvraagSleutel: string }): Promise<ChangeResult> {
  const aanvraagSleutelHash = hashSecret(input.aanvraagSleutel);
  const startTime = new Date();
  try {
    return await inTransaction(context.db, async (trx) => {
      const earlier = await findByAanvraagSleutel(trx, tenantId, aanvraagSleutelHash);
      if (earlier) return { kind: 'geboekt', afspraak: await details(trx, earlier), herhaald: true };
      const current = await findManagedAfspraak(trx, tenantId, token, context.now);
      if (current.kind !== 'geboekt') return { kind: 'niet-mogelijk' };
      const old = current.afspraak.row;
      const offer = await findOffer(trx, tenantId, old.product_id, input.locatieId);
      if (!offer) return { kind: 'niet-beschikbaar' };
      const ended = await endBooking(trx, tenantId, old.id, 'verplaatst');
      if (!ended) return { kind: 'niet-mogelijk' };
      // Read after the release, so the old place counts as free when the resident picks a time in the same slot.
      const slot = offeredSlot(await slotRules(trx, tenantId, offer, context.now), input.start, context.now);
      if (!slot) throw new ChangeRefused('niet-beschikbaar');
      const claimed = await claimPlace(trx, tenantId, offer, slot.start, slot.eind, {
        naam: old.naam,
        eMail: old.e_mail,
        telefoon: old.telefoon,
        opmerking: old.opmerking,
        beheerTokenHash: old.beheer_token_hash,
        aanvraagSleutelHash,
        icsUid: old.ics_uid,
        icsVolgnummer: old.ics_volgnummer + 1,
        vorigeAfspraakId: old.id,
      });
      if (claimed === 'herhaald') throw new ChangeRefused('herhaald');
      if (!claimed) throw new ChangeRefused('vol');
      const afspraak = await details(trx, claimed);
      await enqueueMail(trx, tenantId, mailFor(context, 'wijziging', afspraak, token));
      await logAfspraak(context, trx, 'afspraak-wijzigen', claimed, startTime);
      return { kind: 'geboekt', afspraak, herhaald: false };
    });
  } catch (error) {
    // The old booking was released inside the transaction; refusing rolls that back, so it stays as it was.
    if (!(error instanceof ChangeRefused)) throw error;
    if (error.reason === 'herhaald') {
      const first = await findByAanvraagSleutel(context.db, tenantId, aanvraagSleutelHash);
      if (first) return { kind: 'geboekt', afspraak: await details(context.db, first), herhaald: true };
      return { kind: 'niet-mogelijk' };
    }
    return { kind: error.reason };
  }
}

class ChangeRefused extends Error {
  constructor(readonly reason: 'niet-beschikbaar' | 'vol' | 'herhaald') {
    super(`change refused: ${reason}`);
  }
}

/** Logs that the resident's details were shown through a link (management link, confirmation page). */
export async function logAfspraakShown(db: Kysely<Database>, keys: Pick<Keys, 'pseudonymise'>, request: ProcessingRequest, row: AfspraakRow, startTime: Date): Promise<void> {
  await logRequestProcessing(db, keys, request, {
    activityId: AFSPRAAK_ACTIVITY,
    name: 'afspraak-inzien',
    status: 'ok',
    startTime,
    dataSubjects: [{ type: 'E-MAILADRES', id: row.e_mail.toLowerCase() }],
    attributes: { afspraak: row.id },
  });
}

/** How long the confirmation page after booking stays reachable: its address is in the browser's history. */
const CONFIRMATION_HOURS = 24;

/** The booking a form key made, for the confirmation page after the redirect. */
export async function findBookingByFormKey(db: Kysely<Database>, tenantId: string, aanvraagSleutel: string): Promise<AfspraakDetails | undefined> {
  const row = await findByAanvraagSleutel(db, tenantId, hashSecret(aanvraagSleutel));
  if (!row || Date.now() - row.created_at.getTime() > CONFIRMATION_HOURS * 3_600_000) return undefined;
  return details(db, row);
}
