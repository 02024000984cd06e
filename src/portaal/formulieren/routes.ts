import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { Keys } from '../../platform/crypto/keys.ts';
import type { ResidentIdentity } from '../../platform/auth/resident-session.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { logRequestProcessing } from '../../platform/processing-log/request.ts';
import type { DocumentStorage } from '../../components/documenten/storage/storage.ts';
import { findPublishedProduct } from '../../kennisbank/producten/service.ts';
import { controleerFormulier, controleerStap } from '../../formulieren/antwoorden-controle.ts';
import { vandaag } from '../../formulieren/dagen.ts';
import { antwoordenUitFormulier } from '../../formulieren/antwoorden-uit-formulier.ts';
import type { Antwoorden, FormulierDefinitie, Stap } from '../../formulieren/definitie.ts';
import { conceptBestanden, conceptBestandenMetInhoud, deleteBestand, deleteConcept, findConcept, findInzending, replaceBestand, saveAntwoorden, startConcept, type ConceptRow } from '../../formulieren/repository.ts';
import { gepubliceerdFormulier } from '../../formulieren/service.ts';
import { submitAanvraag } from '../../formulieren/submit-aanvraag.ts';
import { checkBestand } from '../../formulieren/veld-validatie.ts';
import { zichtbareStappen, zichtbareVelden } from '../../formulieren/voorwaarden.ts';
import { notFoundPage } from '../product-page.ts';
import { isProductSlug } from '../paths.ts';
import { sendPortaalPage } from '../portaal-page.ts';
import { aanvraagPath, controlePage, ontvangenPage, opgeslagenPage, startPage, stapPage, type FormulierContext } from './pages.ts';
import { readStapUpload, TE_GROOT, UPLOADS, type StapBody } from './stap-upload.ts';

/*
 * The resident's journey through an e-form at /producten/{slug}/aanvragen: start (or continue a draft), one page per
 * step with Back / Next / Save for later, a summary with change links, and the confirmation with the zaak number.
 * Every page needs a signed-in resident (route policy `resident`, which also checks CSRF on every POST); conditions
 * are judged on the server; the draft is kept per person and form for 30 days.
 */

const RESIDENT = { resident: true } as const;
const DRAFT_DAYS = 30;
const SLUG = { type: 'string', minLength: 1, maxLength: 100 } as const;
const STAP = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,39}$' } as const;
const UUID = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } as const;

export interface AanvraagRoutesDeps {
  db: Kysely<Database>;
  keys: Pick<Keys, 'pseudonymise'>;
  storage: DocumentStorage;
}

interface Loaded {
  context: FormulierContext;
  formulierUuid: string;
  zaaktypeIdentificatie: string;
}

function residentOf(request: FastifyRequest): ResidentIdentity {
  if (!request.resident) throw new ProblemError('not_authenticated');
  return request.resident;
}

function persoon(resident: ResidentIdentity) {
  return { soort: resident.soort, identificatie: resident.identificatie };
}

function expiry(now: Date): Date {
  return new Date(now.getTime() + DRAFT_DAYS * 86_400_000);
}

function antwoordenVan(row: ConceptRow): Antwoorden {
  return (row.antwoorden ?? {}) as Antwoorden;
}

/** Prefill from the signed-in identity: BSN or KvK number, name, e-mail when the sign-in gave one. */
function prefill(definitie: FormulierDefinitie, resident: ResidentIdentity): Antwoorden {
  const antwoorden: Antwoorden = {};
  for (const veld of definitie.stappen.flatMap((stap) => stap.velden)) {
    const value =
      veld.prefill === 'bsn' && resident.soort === 'bsn' ? resident.identificatie
      : veld.prefill === 'kvk' && resident.soort === 'kvk' ? resident.identificatie
      : veld.prefill === 'naam' ? resident.naam
      : veld.prefill === 'email' ? resident.eMail
      : undefined;
    if (value !== undefined && value !== '') antwoorden[veld.id] = value;
  }
  return antwoorden;
}

/** Registers the e-form journey; call inside its own plugin scope (it reads multipart bodies itself). */
export function registerAanvraagRoutes(app: FastifyInstance, deps: AanvraagRoutesDeps): void {
  const { db } = deps;
  app.addContentTypeParser('multipart/form-data', (request, _payload, done) => {
    readStapUpload(request.raw).then(
      (body) => done(null, body),
      (error: Error) => done(error),
    );
  });

  async function load(request: FastifyRequest, slug: string): Promise<Loaded | undefined> {
    if (!isProductSlug(slug)) return undefined;
    const product = await findPublishedProduct(db, request.tenant.id, slug, { intern: false });
    const zaaktype = product?.inhoud.zaaktypeIdentificatie;
    if (!product || !zaaktype || !product.inhoud.aanvraagkanalen.includes('online')) return undefined;
    const formulier = await gepubliceerdFormulier(db, request.tenant.id, zaaktype);
    if (!formulier) return undefined;
    return { context: { tenant: request.tenant, resident: residentOf(request), slug, definitie: formulier.definitie }, formulierUuid: formulier.uuid, zaaktypeIdentificatie: zaaktype };
  }

  const notFound = (request: FastifyRequest, reply: FastifyReply) => sendPortaalPage(reply, 404, notFoundPage(request.tenant));
  const page = (reply: FastifyReply, status: number, document: ReturnType<typeof startPage>) => sendPortaalPage(reply, status, document, { privateForm: true });

  async function draftOf(request: FastifyRequest, loaded: Loaded): Promise<ConceptRow | undefined> {
    return findConcept(db, request.tenant.id, loaded.formulierUuid, persoon(loaded.context.resident), new Date());
  }

  /** The draft's answers are a resident's personal data: saving them is a processing, logged like any. */
  async function logDraft(request: FastifyRequest, name: string, resident: ResidentIdentity): Promise<void> {
    await logRequestProcessing(db, deps.keys, request, {
      activityId: 'zaak-behandelen',
      name,
      status: 'ok',
      startTime: new Date(),
      actor: 'inwoner',
      dataSubjects: resident.soort === 'bsn' ? [{ type: 'BSN', id: resident.identificatie }] : [],
    });
  }

  app.get<{ Params: { slug: string } }>('/producten/:slug/aanvragen', { config: RESIDENT, schema: { params: { type: 'object', required: ['slug'], properties: { slug: SLUG } } } }, async (request, reply) => {
    const loaded = await load(request, request.params.slug);
    if (!loaded) return notFound(request, reply);
    const draft = await draftOf(request, loaded);
    const eersteStap = draft ? zichtbareStappen(loaded.context.definitie, antwoordenVan(draft))[0]?.id : undefined;
    return page(reply, 200, startPage(loaded.context, draft && eersteStap ? { verlooptOp: draft.verloopt_op, eersteStap } : undefined));
  });

  app.post<{ Params: { slug: string }; Body: { opnieuw?: string } }>(
    '/producten/:slug/aanvragen/start',
    { config: RESIDENT, schema: { params: { type: 'object', required: ['slug'], properties: { slug: SLUG } } } },
    async (request, reply) => {
      const loaded = await load(request, request.params.slug);
      if (!loaded) return notFound(request, reply);
      const { definitie, resident } = loaded.context;
      const existing = await draftOf(request, loaded);
      const draft = existing && request.body?.opnieuw !== 'ja' ? existing : await startConcept(db, request.tenant.id, loaded.formulierUuid, persoon(resident), prefill(definitie, resident), expiry(new Date()));
      const first = zichtbareStappen(definitie, antwoordenVan(draft))[0];
      if (!first) return notFound(request, reply);
      return reply.redirect(aanvraagPath(loaded.context.slug, `/stap/${first.id}`), 303);
    },
  );

  async function renderStap(request: FastifyRequest, reply: FastifyReply, loaded: Loaded, draft: ConceptRow, stap: Stap, view: { antwoorden: Antwoorden; status: number; fouten?: ReturnType<typeof controleerStap>['fouten']; terug: boolean; melding?: string }) {
    const bestanden = await conceptBestanden(db, request.tenant.id, draft.uuid);
    const stappen = zichtbareStappen(loaded.context.definitie, view.antwoorden);
    return page(reply, view.status, stapPage(loaded.context, { stappen, stap, antwoorden: view.antwoorden, bestanden, fouten: view.fouten ?? [], terugNaarControle: view.terug, ...(view.melding ? { melding: view.melding } : {}) }));
  }

  const STAP_PARAMS = { type: 'object', required: ['slug', 'stap'], properties: { slug: SLUG, stap: STAP } } as const;

  app.get<{ Params: { slug: string; stap: string }; Querystring: { terug?: 'controleren'; controle?: 'ja' } }>(
    '/producten/:slug/aanvragen/stap/:stap',
    { config: RESIDENT, schema: { params: STAP_PARAMS, querystring: { type: 'object', additionalProperties: false, properties: { terug: { type: 'string', enum: ['controleren'] }, controle: { type: 'string', enum: ['ja'] } } } } },
    async (request, reply) => {
      const loaded = await load(request, request.params.slug);
      if (!loaded) return notFound(request, reply);
      const draft = await draftOf(request, loaded);
      if (!draft) return reply.redirect(aanvraagPath(loaded.context.slug), 303);
      const antwoorden = antwoordenVan(draft);
      const stappen = zichtbareStappen(loaded.context.definitie, antwoorden);
      const stap = stappen.find((candidate) => candidate.id === request.params.stap);
      const first = stappen[0];
      if (!stap) return first ? reply.redirect(aanvraagPath(loaded.context.slug, `/stap/${first.id}`), 303) : notFound(request, reply);
      // Sent back from the summary because something is missing: show what.
      const fouten = request.query.controle === 'ja' ? controleerStap(loaded.context.definitie, stap, antwoorden, await conceptBestanden(db, request.tenant.id, draft.uuid), vandaag()).fouten : [];
      return renderStap(request, reply, loaded, draft, stap, { antwoorden, status: 200, fouten, terug: request.query.terug === 'controleren' });
    },
  );

  app.post<{ Params: { slug: string; stap: string }; Body: StapBody | undefined }>('/producten/:slug/aanvragen/stap/:stap', { config: RESIDENT, schema: { params: STAP_PARAMS } }, async (request, reply) => {
    const loaded = await load(request, request.params.slug);
    if (!loaded) return notFound(request, reply);
    const { definitie, resident, slug } = loaded.context;
    const draft = await draftOf(request, loaded);
    if (!draft) return reply.redirect(aanvraagPath(slug), 303);
    const before = antwoordenVan(draft);
    const stap = zichtbareStappen(definitie, before).find((candidate) => candidate.id === request.params.stap);
    if (!stap) return reply.redirect(aanvraagPath(slug), 303);
    const body: StapBody = request.body ?? {};
    const actie = typeof body.actie === 'string' ? body.actie : 'volgende';
    const terug = body.terug === 'controleren';
    const now = new Date();
    const antwoorden = antwoordenUitFormulier(stap.velden, before, body);
    await saveAntwoorden(db, request.tenant.id, draft.uuid, antwoorden, now, expiry(now));
    await logDraft(request, 'aanvraag-concept-bewaren', resident);

    // Files first: a complete upload replaces the field's file, one that does not fit is refused beside the field.
    const uploadFouten: { veld: Stap['velden'][number]; melding: string }[] = [];
    const fileFields = stap.velden.filter((veld) => veld.type === 'bestand');
    for (const veld of fileFields) {
      if ((body[TE_GROOT] ?? []).includes(veld.id)) {
        const uitkomst = checkBestand(veld, { bestandsnaam: 'dat u koos', formaat: '', grootte: Number.MAX_SAFE_INTEGER });
        uploadFouten.push({ veld, melding: uitkomst.fout ?? 'Het bestand is te groot.' });
        continue;
      }
      const upload = (body[UPLOADS] ?? []).find((candidate) => candidate.veld === veld.id);
      if (!upload) continue;
      const uitkomst = checkBestand(veld, { bestandsnaam: upload.bestandsnaam, formaat: upload.formaat, grootte: upload.inhoud.length });
      if (uitkomst.fout !== undefined) uploadFouten.push({ veld, melding: uitkomst.fout });
      else await replaceBestand(db, request.tenant.id, draft.uuid, { veld: veld.id, bestandsnaam: upload.bestandsnaam, formaat: upload.formaat, grootte: upload.inhoud.length, inhoud: upload.inhoud });
    }
    if (actie.startsWith('verwijder:')) {
      const veld = fileFields.find((candidate) => `verwijder:${candidate.id}` === actie);
      if (veld) await deleteBestand(db, request.tenant.id, draft.uuid, veld.id);
      return renderStap(request, reply, loaded, draft, stap, { antwoorden, status: 200, terug, melding: veld ? `Het bestand bij '${veld.label}' is verwijderd.` : undefined });
    }
    if (actie === 'opslaan') return page(reply, 200, opgeslagenPage(loaded.context, expiry(now)));
    const stappen = zichtbareStappen(definitie, antwoorden);
    if (actie === 'vorige') {
      const index = stappen.findIndex((candidate) => candidate.id === stap.id);
      const previous = index > 0 ? stappen[index - 1] : undefined;
      return reply.redirect(previous ? aanvraagPath(slug, `/stap/${previous.id}`) : aanvraagPath(slug), 303);
    }
    const bestanden = await conceptBestanden(db, request.tenant.id, draft.uuid);
    const controle = controleerStap(definitie, stap, antwoorden, bestanden, vandaag(now));
    // An answer in this step can bring up more questions in it. The resident has not seen those yet: they are no
    // errors now; the step is shown again with them before going on.
    const shownBefore = zichtbareVelden(definitie, before);
    const shownNow = zichtbareVelden(definitie, antwoorden);
    const appeared = stap.velden.filter((veld) => shownNow.has(veld.id) && !shownBefore.has(veld.id));
    const unseen = new Set(appeared.map((veld) => veld.id));
    const fouten = [...uploadFouten, ...controle.fouten.filter((fout) => !unseen.has(fout.veld.id) && !uploadFouten.some((upload) => upload.veld.id === fout.veld.id))];
    if (fouten.length > 0) return renderStap(request, reply, loaded, draft, stap, { antwoorden, status: 400, fouten, terug });
    if (appeared.length > 0) {
      return renderStap(request, reply, loaded, draft, stap, { antwoorden, status: 200, terug, melding: `Door uw antwoord ${appeared.length === 1 ? 'is er een vraag' : 'zijn er vragen'} bijgekomen. Vul die ook in.` });
    }
    await saveAntwoorden(db, request.tenant.id, draft.uuid, { ...antwoorden, ...controle.antwoorden }, now, expiry(now));
    const index = stappen.findIndex((candidate) => candidate.id === stap.id);
    const next = stappen[index + 1];
    return reply.redirect(terug || !next ? aanvraagPath(slug, '/controleren') : aanvraagPath(slug, `/stap/${next.id}`), 303);
  });

  app.get<{ Params: { slug: string } }>('/producten/:slug/aanvragen/controleren', { config: RESIDENT, schema: { params: { type: 'object', required: ['slug'], properties: { slug: SLUG } } } }, async (request, reply) => {
    const loaded = await load(request, request.params.slug);
    if (!loaded) return notFound(request, reply);
    const draft = await draftOf(request, loaded);
    if (!draft) return reply.redirect(aanvraagPath(loaded.context.slug), 303);
    const antwoorden = antwoordenVan(draft);
    const bestanden = await conceptBestanden(db, request.tenant.id, draft.uuid);
    const controle = controleerFormulier(loaded.context.definitie, antwoorden, bestanden, vandaag());
    if (controle.eersteFouteStap) return reply.redirect(aanvraagPath(loaded.context.slug, `/stap/${controle.eersteFouteStap.id}?controle=ja`), 303);
    return page(reply, 200, controlePage(loaded.context, antwoorden, bestanden, draft.uuid));
  });

  app.post<{ Params: { slug: string }; Body: { concept?: string } }>(
    '/producten/:slug/aanvragen/versturen',
    { config: RESIDENT, schema: { params: { type: 'object', required: ['slug'], properties: { slug: SLUG } }, body: { type: 'object', required: ['concept'], properties: { concept: UUID } } } },
    async (request, reply) => {
      const loaded = await load(request, request.params.slug);
      if (!loaded) return notFound(request, reply);
      const { slug, resident, definitie } = loaded.context;
      const sleutel = request.body.concept ?? '';
      const done = aanvraagPath(slug, `/ontvangen/${sleutel}`);
      // A second click or a retried request: the draft is gone, its submission is there.
      const earlier = await findInzending(db, request.tenant.id, sleutel);
      if (earlier && earlier.soort === resident.soort && earlier.identificatie === resident.identificatie) return reply.redirect(done, 303);
      const draft = await draftOf(request, loaded);
      if (!draft || draft.uuid !== sleutel) return reply.redirect(aanvraagPath(slug), 303);
      const bestanden = await conceptBestandenMetInhoud(db, request.tenant.id, draft.uuid);
      const controle = controleerFormulier(definitie, antwoordenVan(draft), bestanden, vandaag());
      if (controle.eersteFouteStap) return reply.redirect(aanvraagPath(slug, `/stap/${controle.eersteFouteStap.id}?controle=ja`), 303);
      const zichtbaar = zichtbareVelden(definitie, controle.antwoorden);
      await submitAanvraag(deps, {
        tenant: request.tenant,
        origin: { protocol: request.protocol, host: request.host },
        trace: request.trace,
        kanaal: 'portaal',
        sleutel,
        zaaktypeIdentificatie: loaded.zaaktypeIdentificatie,
        definitie,
        antwoorden: controle.antwoorden,
        bestanden: bestanden.filter((bestand) => zichtbaar.has(bestand.veld)),
        aanvrager: { soort: resident.soort, identificatie: resident.identificatie, naam: resident.naam, ...(resident.eMail ? { eMail: resident.eMail } : {}) },
        binnenTransactie: (trx) => deleteConcept(trx, request.tenant.id, draft.uuid),
      });
      return reply.redirect(done, 303);
    },
  );

  app.get<{ Params: { slug: string; sleutel: string } }>(
    '/producten/:slug/aanvragen/ontvangen/:sleutel',
    { config: RESIDENT, schema: { params: { type: 'object', required: ['slug', 'sleutel'], properties: { slug: SLUG, sleutel: UUID } } } },
    async (request, reply) => {
      const loaded = await load(request, request.params.slug);
      if (!loaded) return notFound(request, reply);
      const resident = loaded.context.resident;
      const inzending = await findInzending(db, request.tenant.id, request.params.sleutel);
      // Only the person who sent it sees its zaak number.
      if (!inzending?.zaak_identificatie || inzending.soort !== resident.soort || inzending.identificatie !== resident.identificatie) return notFound(request, reply);
      return page(reply, 200, ontvangenPage({ tenant: request.tenant, resident, slug: loaded.context.slug, titel: loaded.context.definitie.titel }, inzending.zaak_identificatie));
    },
  );
}
