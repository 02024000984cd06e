import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { logRequestProcessing } from '../../platform/processing-log/request.ts';
import { createDocumentStorage } from '../../components/documenten/storage/storage.ts';
import { controleerFormulier, type VeldFout } from '../../formulieren/antwoorden-controle.ts';
import { antwoordenUitFormulier } from '../../formulieren/antwoorden-uit-formulier.ts';
import { vandaag } from '../../formulieren/dagen.ts';
import { alleVelden, type Antwoorden, type Bestand, type FormulierDefinitie } from '../../formulieren/definitie.ts';
import { findInzending, listFormulieren } from '../../formulieren/repository.ts';
import { gepubliceerdFormulier } from '../../formulieren/service.ts';
import { submitAanvraag } from '../../formulieren/submit-aanvraag.ts';
import { checkBestand } from '../../formulieren/veld-validatie.ts';
import { zichtbareVelden } from '../../formulieren/voorwaarden.ts';
import { readStapUpload, TE_GROOT, UPLOADS, type StapBody } from '../../portaal/formulieren/stap-upload.ts';
import { sendPage } from '../send-page.ts';
import { klantcontactMetPersoon, type KlantcontactMetPersoon, type KlantcontactPersoon } from '../contactverzoeken/klantcontact-persoon.ts';
import { staffKlantCaller } from '../contactverzoeken/klant-caller.ts';
import { aanvraagKanaalVan } from './kanaal.ts';
import { koppelZaak } from './koppeling.ts';
import { formulierPage, geenPersoonPage, ingediendPage, keuzePage, type FormulierKeuze, type NamensContext } from './pages.ts';
import { namensPath } from './paths.ts';
import { namensSleutel } from './sleutel.ts';

/*
 * A request on someone's behalf, from a klantcontact: the agent picks a product with a published e-form, fills in
 * the SAME definition for the identified person (same fields, conditions and checks as the portal), and submits it
 * through submitAanvraag with the contact's channel, so the zaak equals one made online. The new zaak is linked to
 * the klantcontact (an onderwerpobject) in the same transaction. Register in a plugin scope of its own: it reads
 * multipart bodies (file fields) itself.
 */

const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const UUID = { type: 'string', pattern: UUID_PATTERN } as const;
const PARAMS = { type: 'object', required: ['klantcontactUuid'], properties: { klantcontactUuid: UUID } } as const;
const POLICY = { staffRoles: ['kcc', 'behandelaar'] } as const;

function staffOf(request: FastifyRequest): StaffIdentity {
  if (!request.staff) throw new ProblemError('not_authenticated');
  return request.staff;
}

/** Prefill from the identified person, as the portal prefills from the signed-in identity. */
function prefill(definitie: FormulierDefinitie, persoon: KlantcontactPersoon): Antwoorden {
  const antwoorden: Antwoorden = {};
  for (const veld of alleVelden(definitie)) {
    const value = veld.prefill === 'bsn' && persoon.soort === 'bsn' ? persoon.identificatie : veld.prefill === 'kvk' && persoon.soort === 'kvk' ? persoon.identificatie : veld.prefill === 'naam' ? persoon.naam : undefined;
    if (value !== undefined && value !== '') antwoorden[veld.id] = value;
  }
  return antwoorden;
}

function text(body: StapBody, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
}

export function registerNamensAanvraag(app: FastifyInstance, context: AppContext): void {
  const deps = { db: context.database.db, keys: context.keys, storage: createDocumentStorage(context.config.dataDir) };
  const { db } = deps;
  app.addContentTypeParser('multipart/form-data', (request, _payload, done) => {
    readStapUpload(request.raw).then(
      (body) => done(null, body),
      (error: Error) => done(error),
    );
  });

  async function loadContact(request: FastifyRequest, uuid: string): Promise<{ gevonden: KlantcontactMetPersoon; page: NamensContext }> {
    const gevonden = await klantcontactMetPersoon(deps, staffKlantCaller(request), uuid);
    if (!gevonden) throw new ProblemError('not_found', 'Dit klantcontact bestaat niet.');
    return { gevonden, page: { tenantName: request.tenant.name, staff: staffOf(request), klantcontactUuid: uuid, kanaal: aanvraagKanaalVan(gevonden.klantcontact.kanaal) } };
  }

  async function formulieren(tenantId: string): Promise<FormulierKeuze[]> {
    const rows = await listFormulieren(db, tenantId);
    return rows.flatMap((row) => (row.gepubliceerd === null ? [] : [{ zaaktypeIdentificatie: row.zaaktype_identificatie, titel: (row.gepubliceerd as FormulierDefinitie).titel }]));
  }

  app.get<{ Params: { klantcontactUuid: string }; Querystring: { zaaktype?: string } }>(
    '/medewerker/kcc/contacten/:klantcontactUuid/aanvraag',
    { config: POLICY, schema: { params: PARAMS, querystring: { type: 'object', additionalProperties: false, properties: { zaaktype: { type: 'string', maxLength: 100 } } } } },
    async (request, reply) => {
      const { gevonden, page } = await loadContact(request, request.params.klantcontactUuid);
      const persoon = gevonden.persoon;
      if (!persoon) return sendPage(reply, 409, geenPersoonPage(page));
      const gekozen = request.query.zaaktype;
      if (gekozen === undefined || gekozen === '') {
        return sendPage(reply, gekozen === '' ? 400 : 200, keuzePage(page, { persoon, formulieren: await formulieren(request.tenant.id), ...(gekozen === '' ? { fout: 'Kies het product dat de klant aanvraagt.' } : {}) }));
      }
      const formulier = await gepubliceerdFormulier(db, request.tenant.id, gekozen);
      if (!formulier) return sendPage(reply, 400, keuzePage(page, { persoon, formulieren: await formulieren(request.tenant.id), fout: 'Voor dit product is geen e-formulier gepubliceerd. Kies een product uit de lijst.' }));
      return sendPage(reply, 200, formulierPage(page, { persoon, zaaktypeIdentificatie: gekozen, definitie: formulier.definitie, formulierId: randomUUID(), antwoorden: prefill(formulier.definitie, persoon), fouten: [] }));
    },
  );

  app.post<{ Params: { klantcontactUuid: string }; Body: StapBody | undefined }>('/medewerker/kcc/contacten/:klantcontactUuid/aanvraag', { config: POLICY, schema: { params: PARAMS } }, async (request, reply: FastifyReply) => {
    const body: StapBody = request.body ?? {};
    const { gevonden, page } = await loadContact(request, request.params.klantcontactUuid);
    const persoon = gevonden.persoon;
    if (!persoon) return sendPage(reply, 409, geenPersoonPage(page));
    const formulierId = text(body, '_formulier');
    const zaaktype = text(body, '_zaaktype');
    if (!new RegExp(UUID_PATTERN).test(formulierId) || zaaktype.length > 100) throw new ProblemError('invalid', 'Het formulier is niet volledig aangekomen. Open het opnieuw.');
    const sleutel = namensSleutel(gevonden.klantcontact.uuid, formulierId);
    const done = namensPath(gevonden.klantcontact.uuid, `/ingediend/${formulierId}`);
    // A second click or a retried request: the zaak is there already.
    if ((await findInzending(db, request.tenant.id, sleutel))?.zaak_identificatie) return reply.redirect(done, 303);
    const formulier = await gepubliceerdFormulier(db, request.tenant.id, zaaktype);
    if (!formulier) return sendPage(reply, 400, keuzePage(page, { persoon, formulieren: await formulieren(request.tenant.id), fout: 'Voor dit product is geen e-formulier meer gepubliceerd. Kies een product uit de lijst.' }));
    const { definitie } = formulier;

    // Only the fields the page showed are read: a condition may have brought up more, which are shown first.
    const getoond = new Set(text(body, '_getoond').split(' ').filter((id) => id !== ''));
    const shownVelden = alleVelden(definitie).filter((veld) => getoond.has(veld.id));
    const antwoorden = antwoordenUitFormulier(shownVelden, prefill(definitie, persoon), body);
    const render = (status: number, view: { fouten?: readonly VeldFout[]; melding?: string }) =>
      sendPage(reply, status, formulierPage(page, { persoon, zaaktypeIdentificatie: zaaktype, definitie, formulierId, antwoorden, fouten: view.fouten ?? [], ...(view.melding ? { melding: view.melding } : {}) }));
    const zichtbaar = zichtbareVelden(definitie, antwoorden);
    const appeared = [...zichtbaar].filter((id) => !getoond.has(id));
    if (appeared.length > 0) return render(200, { melding: `Door een antwoord ${appeared.length === 1 ? 'is er een vraag' : 'zijn er vragen'} bijgekomen. Vul die ook in.` });
    if (text(body, '_actie') === 'bijwerken') return render(200, { melding: 'De vragen zijn bijgewerkt.' });

    const uploads = (body[UPLOADS] ?? []).filter((upload) => zichtbaar.has(upload.veld));
    const uploadFouten: VeldFout[] = [];
    for (const veld of shownVelden.filter((candidate) => candidate.type === 'bestand')) {
      if ((body[TE_GROOT] ?? []).includes(veld.id)) uploadFouten.push({ veld, melding: checkBestand(veld, { bestandsnaam: 'dat u koos', formaat: '', grootte: Number.MAX_SAFE_INTEGER }).fout ?? 'Het bestand is te groot.' });
      const upload = uploads.find((candidate) => candidate.veld === veld.id);
      const fout = upload ? checkBestand(veld, { bestandsnaam: upload.bestandsnaam, formaat: upload.formaat, grootte: upload.inhoud.length }).fout : undefined;
      if (fout !== undefined) uploadFouten.push({ veld, melding: fout });
    }
    const bestanden: (Bestand & { inhoud: Buffer })[] = uploads.map((upload) => ({ veld: upload.veld, bestandsnaam: upload.bestandsnaam, formaat: upload.formaat, grootte: upload.inhoud.length, inhoud: upload.inhoud }));
    const controle = controleerFormulier(definitie, antwoorden, bestanden, vandaag());
    const fouten = [...uploadFouten, ...controle.fouten.filter((fout) => !uploadFouten.some((upload) => upload.veld.id === fout.veld.id))];
    if (fouten.length > 0) return render(400, { fouten });

    const caller = staffKlantCaller(request);
    const startTime = new Date();
    const kanaal = aanvraagKanaalVan(gevonden.klantcontact.kanaal);
    await submitAanvraag(deps, {
      tenant: request.tenant,
      origin: { protocol: request.protocol, host: request.host },
      trace: request.trace,
      kanaal,
      sleutel,
      zaaktypeIdentificatie: zaaktype,
      definitie,
      antwoorden: controle.antwoorden,
      bestanden,
      aanvrager: { soort: persoon.soort, identificatie: persoon.identificatie, naam: persoon.naam },
      // The zaak is recorded by now (completeInzending): link it to the contact in the same transaction.
      binnenTransactie: async (trx) => {
        const inzending = await findInzending(trx, request.tenant.id, sleutel);
        if (!inzending?.zaak_url) throw new Error('The submission has no zaak inside its own transaction');
        await koppelZaak(trx, context.keys, caller, gevonden.klantcontact.uuid, inzending.zaak_url);
        // Filling in a person's form is a processing of their data, logged with the aanvraag it became.
        await logRequestProcessing(trx, context.keys, request, {
          activityId: 'zaak-behandelen',
          name: 'aanvraag-namens-indienen',
          status: 'ok',
          startTime,
          dataSubjects: persoon.soort === 'bsn' ? [{ type: 'BSN', id: persoon.identificatie }] : [],
          attributes: { kanaal, zaaktype },
        });
      },
    });
    request.log.info({ event: 'aanvraag.namens_ingediend', tenantId: request.tenant.id, kanaal, zaaktype }, 'aanvraag submitted on behalf of a person');
    return reply.redirect(done, 303);
  });

  app.get<{ Params: { klantcontactUuid: string; formulierId: string } }>(
    '/medewerker/kcc/contacten/:klantcontactUuid/aanvraag/ingediend/:formulierId',
    { config: POLICY, schema: { params: { type: 'object', required: ['klantcontactUuid', 'formulierId'], properties: { klantcontactUuid: UUID, formulierId: UUID } } } },
    async (request, reply) => {
      const { gevonden, page } = await loadContact(request, request.params.klantcontactUuid);
      const inzending = await findInzending(db, request.tenant.id, namensSleutel(gevonden.klantcontact.uuid, request.params.formulierId));
      if (!inzending?.zaak_identificatie || !inzending.zaak_uuid) throw new ProblemError('not_found', 'Deze aanvraag bestaat niet.');
      const formulier = await gepubliceerdFormulier(db, request.tenant.id, inzending.zaaktype_identificatie);
      return sendPage(reply, 200, ingediendPage(page, { titel: formulier?.definitie.titel ?? inzending.zaaktype_identificatie, zaakIdentificatie: inzending.zaak_identificatie, zaakUuid: inzending.zaak_uuid }));
    },
  );
}
