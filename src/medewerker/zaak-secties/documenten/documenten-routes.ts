import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { html } from '../../../platform/http/html.ts';
import { VERTROUWELIJKHEIDAANDUIDINGEN } from '../../../platform/auth/autorisaties.ts';
import { amsterdamToday } from '../../../kennisbank/dates.ts';
import { downloadInformatieobject } from '../../../components/documenten/informatieobjecten/service.ts';
import { sendPage } from '../../send-page.ts';
import { werkplekPage } from '../../werkplek-page.ts';
import type { ZaakSectieContext } from '../../zaken/zaak-sectie.ts';
import { alleenLezenReden } from '../alleen-lezen.ts';
import { assertMagWijzigen, loadSectieContext, magWijzigen, maxBehandelRank, zaakPagePath } from '../sectie-zaak.ts';
import { ZAAK_SECTIE_ROLLEN, type ZaakSectieRouteOptions } from '../sectie-routes-opties.ts';
import { logDocumentVerwerking } from './document-verwerking.ts';
import { DocumentVergrendeldError, nieuweVersie, ontgrendelDocument, vergrendelDocument, voegDocumentToe } from './document-acties.ts';
import { isDocumentUploadBody, MAX_DOCUMENT_BYTES, readDocumentUploadBody, type DocumentUploadBody, type UploadedFile } from './document-upload-body.ts';
import { documentPaden, documentPaginaInhoud, maxGrootteTekst, nieuwDocumentFormulier, nieuwDocumentSamenvatting, type NieuwDocumentForm } from './documenten-weergave.ts';
import { documentenDeps, findZaakDocument, informatieobjecttypenVanZaaktype, listDocumentVersies } from './zaak-documenten.ts';

/*
 * The document routes of the zaak page under /medewerker/zaken/:zaak/documenten: the new-document form and its POST,
 * the document page (versions, lock) and its POSTs, and the download. Every route loads the zaak within the member's
 * view (404 otherwise); every POST re-checks that the member may change it (403 otherwise).
 */

const KEY = { type: 'string', minLength: 1, maxLength: 60 } as const;
const ZAAK_PARAMS = { type: 'object', required: ['zaak'], properties: { zaak: KEY } } as const;
const DOCUMENT_PARAMS = { type: 'object', required: ['zaak', 'document'], properties: { zaak: KEY, document: KEY } } as const;
const MELDINGEN = { toegevoegd: 'Het document is toegevoegd.', versie: 'De nieuwe versie is opgeslagen.', vergrendeld: 'U heeft het document vergrendeld. Anderen kunnen nu geen nieuwe versie opslaan.', ontgrendeld: 'Het document is ontgrendeld.' } as const;
type Melding = keyof typeof MELDINGEN;

/** Media types the browser may be told; anything else is sent as plain bytes, never rendered as a page. */
const BENOEMDE_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'text/plain',
  'text/csv',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/zip',
]);

function contentDisposition(name: string): string {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function staffOf(request: FastifyRequest) {
  const staff = request.staff;
  if (!staff) throw new ProblemError('not_authenticated');
  return staff;
}

function uploadBodyOf(body: unknown): DocumentUploadBody {
  if (!isDocumentUploadBody(body)) throw new ProblemError('unsupported_media_type', 'Stuur het formulier als multipart/form-data.');
  return body;
}

type Fouten = NonNullable<NieuwDocumentForm['fouten']>;

/** The problem with an uploaded file, if any. */
function bestandFout(bestand: UploadedFile | undefined, tooLarge: boolean, maxBytes: number): string | undefined {
  if (tooLarge) return `Het bestand is groter dan ${maxGrootteTekst(maxBytes)}. Kies een kleiner bestand.`;
  if (!bestand || bestand.bestandsnaam === '') return 'Kies een bestand.';
  if (bestand.bytes.length === 0) return 'Het bestand is leeg. Kies een ander bestand.';
  return undefined;
}

/** Registers the document routes; the multipart parser stays inside this plugin. */
export async function registerDocumentenRoutes(app: FastifyInstance, context: AppContext, options: ZaakSectieRouteOptions = {}): Promise<void> {
  const maxBytes = options.maxUploadBytes ?? MAX_DOCUMENT_BYTES;
  const config = { staffRoles: ZAAK_SECTIE_ROLLEN };

  await app.register(async (routes) => {
    // Our own reading of multipart bodies (limit, broken uploads), whatever an enclosing context may have set.
    if (routes.hasContentTypeParser('multipart/form-data')) routes.removeContentTypeParser('multipart/form-data');
    routes.addContentTypeParser('multipart/form-data', (request, _payload, done) => {
      readDocumentUploadBody(request.raw, maxBytes).then(
        (body) => done(null, body),
        (error: Error) => done(error, undefined),
      );
    });

    async function nieuwDocumentPagina(reply: FastifyReply, ctx: ZaakSectieContext, status: number, form: Omit<NieuwDocumentForm, 'zaakUuid' | 'csrfToken' | 'typen' | 'maxBytes' | 'maxRank'> = {}): Promise<FastifyReply> {
      const staff = staffOf(ctx.request);
      const typen = await informatieobjecttypenVanZaaktype(context.database.db, ctx.request.tenant.id, ctx.zaak.zaaktypeUuid, amsterdamToday());
      const body = html`<p><a href="${zaakPagePath(ctx.zaak.uuid)}#documenten">Terug naar zaak ${ctx.zaak.identificatie}</a></p>
${nieuwDocumentSamenvatting(form.fouten)}
<h1 class="utrecht-heading-1" id="document-nieuw-pagina-kop">Document toevoegen aan zaak ${ctx.zaak.identificatie}</h1>
${nieuwDocumentFormulier({ ...form, zaakUuid: ctx.zaak.uuid, csrfToken: staff.csrfToken, typen, maxBytes, maxRank: maxBehandelRank(ctx), kopId: 'document-nieuw-pagina-kop' })}`;
      return sendPage(reply, status, werkplekPage({ title: `Document toevoegen — zaak ${ctx.zaak.identificatie}`, tenantName: ctx.request.tenant.name, staff, body, path: ctx.request.url }));
    }

    async function documentPagina(reply: FastifyReply, ctx: ZaakSectieContext, documentUuid: string, status: number, extra: { melding?: string; fout?: string; versieFout?: string } = {}): Promise<FastifyReply> {
      const staff = staffOf(ctx.request);
      const startTime = new Date();
      const document = await findZaakDocument(ctx, documentUuid);
      const versies = await listDocumentVersies(ctx, document);
      await logDocumentVerwerking(ctx, 'document-versies-bekijken', document, startTime);
      const body = documentPaginaInhoud({
        zaakUuid: ctx.zaak.uuid,
        zaakIdentificatie: ctx.zaak.identificatie,
        csrfToken: staff.csrfToken,
        document,
        versies,
        magWijzigen: magWijzigen(ctx),
        alleenLezenReden: alleenLezenReden(ctx),
        maxBytes,
        ...extra,
      });
      return sendPage(reply, status, werkplekPage({ title: `${document.titel || 'Document'} — zaak ${ctx.zaak.identificatie}`, tenantName: ctx.request.tenant.name, staff, body, path: ctx.request.url }));
    }

    routes.get<{ Params: { zaak: string } }>(`${zaakPagePath(':zaak')}/documenten/nieuw`, { config, schema: { params: ZAAK_PARAMS } }, async (request, reply) => {
      const ctx = await loadSectieContext(request, context, request.params.zaak);
      assertMagWijzigen(ctx);
      return nieuwDocumentPagina(reply, ctx, 200);
    });

    routes.post<{ Params: { zaak: string } }>(`${zaakPagePath(':zaak')}/documenten`, { config, schema: { params: ZAAK_PARAMS } }, async (request, reply) => {
      const ctx = await loadSectieContext(request, context, request.params.zaak);
      assertMagWijzigen(ctx);
      const body = uploadBodyOf(request.body);
      const waarden = {
        titel: (body.velden.titel ?? '').trim(),
        informatieobjecttype: body.velden.informatieobjecttype ?? '',
        vertrouwelijkheidaanduiding: body.velden.vertrouwelijkheidaanduiding ?? '',
        beschrijving: (body.velden.beschrijving ?? '').trim(),
      };
      const typen = await informatieobjecttypenVanZaaktype(context.database.db, request.tenant.id, ctx.zaak.zaaktypeUuid, amsterdamToday());
      const fouten: Fouten = {};
      if (waarden.titel === '') fouten.titel = 'Vul een titel in.';
      else if (waarden.titel.length > 200) fouten.titel = 'De titel is te lang: hoogstens 200 tekens.';
      if (waarden.informatieobjecttype === '') fouten.informatieobjecttype = 'Kies een documenttype.';
      else if (!typen.some((type) => type.uuid === waarden.informatieobjecttype)) fouten.informatieobjecttype = 'Dit documenttype hoort niet bij het zaaktype. Kies een ander.';
      if (waarden.vertrouwelijkheidaanduiding !== '' && !(VERTROUWELIJKHEIDAANDUIDINGEN as readonly string[]).includes(waarden.vertrouwelijkheidaanduiding)) fouten.vertrouwelijkheidaanduiding = 'Kies een vertrouwelijkheid uit de lijst.';
      if (waarden.beschrijving.length > 1000) fouten.beschrijving = 'De beschrijving is te lang: hoogstens 1000 tekens.';
      const bestandProbleem = bestandFout(body.bestand, body.tooLarge, maxBytes);
      if (bestandProbleem) fouten.bestand = bestandProbleem;
      if (Object.keys(fouten).length > 0 || !body.bestand) return nieuwDocumentPagina(reply, ctx, body.tooLarge ? 413 : 400, { waarden, fouten });
      try {
        const { documentUuid } = await voegDocumentToe(ctx, { ...waarden, informatieobjecttypeUuid: waarden.informatieobjecttype, bestand: body.bestand });
        context.outbox?.notify();
        return reply.redirect(`${documentPaden.document(ctx.zaak.uuid, documentUuid)}?melding=toegevoegd`, 303);
      } catch (error) {
        // The member's autorisaties do not reach this type or vertrouwelijkheid: say so beside the field.
        if (error instanceof ProblemError && error.code === 'permission_denied') {
          return nieuwDocumentPagina(reply, ctx, 403, { waarden, fouten: { vertrouwelijkheidaanduiding: 'U mag geen document van dit type met deze vertrouwelijkheid toevoegen. Kies een lagere vertrouwelijkheid of een ander type.' } });
        }
        throw error;
      }
    });

    routes.get<{ Params: { zaak: string; document: string }; Querystring: { melding?: Melding } }>(
      `${zaakPagePath(':zaak')}/documenten/:document`,
      {
        config,
        schema: { params: DOCUMENT_PARAMS, querystring: { type: 'object', additionalProperties: false, properties: { melding: { type: 'string', enum: Object.keys(MELDINGEN) } } } },
      },
      async (request, reply) => {
        const ctx = await loadSectieContext(request, context, request.params.zaak);
        const melding = request.query.melding;
        return documentPagina(reply, ctx, request.params.document, 200, { melding: melding === undefined ? undefined : MELDINGEN[melding] });
      },
    );

    routes.get<{ Params: { zaak: string; document: string }; Querystring: { versie?: number } }>(
      `${zaakPagePath(':zaak')}/documenten/:document/inhoud`,
      { config, schema: { params: DOCUMENT_PARAMS, querystring: { type: 'object', additionalProperties: false, properties: { versie: { type: 'integer', minimum: 1 } } } } },
      async (request, reply) => {
        const ctx = await loadSectieContext(request, context, request.params.zaak);
        const startTime = new Date();
        const document = await findZaakDocument(ctx, request.params.document);
        const versie = request.query.versie ?? document.versie;
        const inhoud = await downloadInformatieobject(documentenDeps(context), ctx.zaken.caller, document.uuid, { versie });
        // Logged before a byte is sent: without its record the member does not get the document.
        try {
          await logDocumentVerwerking(ctx, 'document-bekijken', { uuid: document.uuid, versie }, startTime);
        } catch (error) {
          inhoud.stream.destroy();
          throw error;
        }
        const name = inhoud.bestandsnaam !== '' ? inhoud.bestandsnaam : 'document';
        return reply
          .type(BENOEMDE_TYPES.has(inhoud.formaat) ? inhoud.formaat : 'application/octet-stream')
          .header('Cache-Control', 'no-store')
          .header('X-Content-Type-Options', 'nosniff')
          .header('Content-Disposition', contentDisposition(name))
          .header('Content-Length', String(inhoud.size))
          .send(inhoud.stream);
      },
    );

    routes.post<{ Params: { zaak: string; document: string } }>(`${zaakPagePath(':zaak')}/documenten/:document/versies`, { config, schema: { params: DOCUMENT_PARAMS } }, async (request, reply) => {
      const ctx = await loadSectieContext(request, context, request.params.zaak);
      assertMagWijzigen(ctx);
      const body = uploadBodyOf(request.body);
      const fout = bestandFout(body.bestand, body.tooLarge, maxBytes);
      if (fout || !body.bestand) return documentPagina(reply, ctx, request.params.document, body.tooLarge ? 413 : 400, { versieFout: fout ?? 'Kies een bestand.' });
      try {
        await nieuweVersie(ctx, request.params.document, body.bestand);
      } catch (error) {
        if (error instanceof DocumentVergrendeldError) return documentPagina(reply, ctx, request.params.document, 409, { fout: error.reden });
        throw error;
      }
      context.outbox?.notify();
      return reply.redirect(`${documentPaden.document(ctx.zaak.uuid, request.params.document.toLowerCase())}?melding=versie`, 303);
    });

    routes.post<{ Params: { zaak: string; document: string } }>(`${zaakPagePath(':zaak')}/documenten/:document/vergrendeling`, { config, schema: { params: DOCUMENT_PARAMS } }, async (request, reply) => {
      const ctx = await loadSectieContext(request, context, request.params.zaak);
      assertMagWijzigen(ctx);
      try {
        await vergrendelDocument(ctx, request.params.document);
      } catch (error) {
        if (error instanceof DocumentVergrendeldError) return documentPagina(reply, ctx, request.params.document, 409, { fout: error.reden });
        throw error;
      }
      return reply.redirect(`${documentPaden.document(ctx.zaak.uuid, request.params.document.toLowerCase())}?melding=vergrendeld`, 303);
    });

    routes.post<{ Params: { zaak: string; document: string } }>(`${zaakPagePath(':zaak')}/documenten/:document/ontgrendeling`, { config, schema: { params: DOCUMENT_PARAMS } }, async (request, reply) => {
      const ctx = await loadSectieContext(request, context, request.params.zaak);
      assertMagWijzigen(ctx);
      try {
        await ontgrendelDocument(ctx, request.params.document);
      } catch (error) {
        if (error instanceof DocumentVergrendeldError) return documentPagina(reply, ctx, request.params.document, 409, { fout: error.reden });
        throw error;
      }
      return reply.redirect(`${documentPaden.document(ctx.zaak.uuid, request.params.document.toLowerCase())}?melding=ontgrendeld`, 303);
    });
  });
}
