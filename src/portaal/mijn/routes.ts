import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { ResidentIdentity } from '../../platform/auth/resident-session.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { createDocumentStorage } from '../../components/documenten/storage/storage.ts';
import { DEFAULT_PART_SIZE } from '../../components/documenten/routes.ts';
import { notFoundPage } from '../product-page.ts';
import { sendPortaalPage } from '../portaal-page.ts';
import { berichtPage, berichtenPage, type AntwoordState } from './berichten-pages.ts';
import { countUnreadBerichten, findOwnBericht, listOwnBerichten, listZaakBerichten, markBerichtRead } from './berichten-repository.ts';
import { replyToBericht } from './berichten.ts';
import { countOpenDocumentverzoeken, listZaakDocumentverzoeken } from './documentverzoeken-repository.ts';
import { ALLOWED_TYPES, fileProblems, handInDocument, type HandInDeps } from './documentverzoeken.ts';
import { mijnHomePage } from './mijn-home-page.ts';
import { lopendeAanvragen } from '../../formulieren/lopende-aanvragen.ts';
import { mijnZakenPage } from './mijn-zaken-page.ts';
import { berichtPath, MIJN_PATHS, zaakPath } from './portaal-links.ts';
import { logResidentViewing } from './resident-processing.ts';
import { readUploadBody, type UploadBody } from './upload-body.ts';
import { zaakPage, type UploadState } from './zaak-page.ts';
import { countOwnZaken, findOwnZaak, findVisibleDocument, listOwnZakenPage, listVisibleDocuments, statusTimeline, type OwnZaak, type ZaakOwner } from './zaken-repository.ts';
import { RESIDENT_PATHS } from '../../platform/auth/resident-paths.ts';
import { registerBehandelaarMijnOmgeving } from './behandelaar-routes.ts';

const RESIDENT = { resident: true } as const;
const PAGE_SIZE = 20;
const BERICHTEN_SHOWN = 200;
const KEY = { type: 'string', minLength: 1, maxLength: 60 } as const;

type SignedInRequest = FastifyRequest & { resident: ResidentIdentity };

/** The `resident` policy ran: the request has its resident. */
function signedIn(request: FastifyRequest): SignedInRequest {
  if (!request.resident) throw new ProblemError('not_authenticated');
  return request as SignedInRequest;
}

function ownerOf(request: SignedInRequest): ZaakOwner {
  return { tenantId: request.tenant.id, soort: request.resident.soort, identificatie: request.resident.identificatie };
}

/**
 * Mijn omgeving: the signed-in resident's (or business's) zaken, their documents and berichten, and the hand-in of a
 * document the behandelaar asked for. Every route checks again that the zaak is the resident's own: someone else's
 * zaak, or one of another municipality, is a 404 like a zaak that does not exist, so its existence stays hidden.
 * Viewing zaken, a zaak or a document is recorded in the processing log.
 */
export async function registerMijnOmgeving(app: FastifyInstance, context: AppContext): Promise<void> {
  const db = context.database.db;
  const { keys } = context;
  const handIn: HandInDeps = { db, keys, storage: createDocumentStorage(context.config.dataDir), partSize: DEFAULT_PART_SIZE };

  registerBehandelaarMijnOmgeving(app, context);

  const notFound = (request: FastifyRequest, reply: FastifyReply) => sendPortaalPage(reply, 404, notFoundPage(request.tenant), { privateForm: true });

  app.get(RESIDENT_PATHS.home, { config: RESIDENT }, async (request, reply) => {
    const resident = signedIn(request);
    const owner = ownerOf(resident);
    const [zaken, ongelezen, verzoeken, aanvragen] = await Promise.all([
      countOwnZaken(db, owner),
      countUnreadBerichten(db, owner),
      countOpenDocumentverzoeken(db, owner),
      lopendeAanvragen(db, owner.tenantId, owner),
    ]);
    const page = mijnHomePage(request.tenant, resident.resident, {
      lopendeZaken: zaken.lopend,
      afgerondeZaken: zaken.afgerond,
      ongelezenBerichten: ongelezen,
      openDocumentverzoeken: verzoeken,
      lopendeAanvragen: aanvragen,
    });
    return sendPortaalPage(reply, 200, page, { privateForm: true });
  });

  app.get<{ Querystring: { pagina?: number } }>(
    MIJN_PATHS.zaken,
    { config: RESIDENT, schema: { querystring: { type: 'object', additionalProperties: false, properties: { pagina: { type: 'integer', minimum: 1, maximum: 10_000 } } } } },
    async (request, reply) => {
      const startTime = new Date();
      const resident = signedIn(request);
      const owner = ownerOf(resident);
      const pagina = request.query.pagina ?? 1;
      const { zaken, statuses, total } = await listOwnZakenPage(db, owner, { limit: PAGE_SIZE, offset: (pagina - 1) * PAGE_SIZE });
      await logResidentViewing(db, keys, resident, 'mijn-zaken-bekijken', startTime, { zaken: zaken.length, pagina });
      return sendPortaalPage(reply, 200, mijnZakenPage(request.tenant, resident.resident, { zaken, statuses, pagina, pageSize: PAGE_SIZE, total }), { privateForm: true });
    },
  );

  async function showZaak(request: SignedInRequest, reply: FastifyReply, zaak: OwnZaak, status: number, upload: UploadState): Promise<FastifyReply> {
    const startTime = new Date();
    const tenantId = request.tenant.id;
    const [timeline, documenten, verzoeken, berichten] = await Promise.all([
      statusTimeline(db, tenantId, zaak),
      listVisibleDocuments(db, tenantId, zaak.uuid),
      listZaakDocumentverzoeken(db, tenantId, zaak.uuid),
      listZaakBerichten(db, tenantId, zaak.uuid),
    ]);
    await logResidentViewing(db, keys, request, 'zaak-bekijken', startTime, { zaak: zaak.uuid, documenten: documenten.length });
    const view = { zaak, steps: timeline.steps, currentStatustypeUuid: timeline.currentStatustypeUuid, documenten, verzoeken, berichten };
    return sendPortaalPage(reply, status, zaakPage(request.tenant, request.resident, view, upload), { privateForm: true });
  }

  app.get<{ Params: { zaak: string }; Querystring: { ingediend?: 'ja' } }>(
    `${MIJN_PATHS.zaken}/:zaak`,
    {
      config: RESIDENT,
      schema: {
        params: { type: 'object', required: ['zaak'], properties: { zaak: KEY } },
        querystring: { type: 'object', additionalProperties: false, properties: { ingediend: { type: 'string', enum: ['ja'] } } },
      },
    },
    async (request, reply) => {
      const resident = signedIn(request);
      const zaak = await findOwnZaak(db, ownerOf(resident), request.params.zaak);
      if (!zaak) return notFound(request, reply);
      return showZaak(resident, reply, zaak, 200, request.query.ingediend === 'ja' ? { kind: 'ingediend' } : { kind: 'geen' });
    },
  );

  app.get<{ Params: { zaak: string; document: string } }>(
    `${MIJN_PATHS.zaken}/:zaak/documenten/:document`,
    { config: RESIDENT, schema: { params: { type: 'object', required: ['zaak', 'document'], properties: { zaak: KEY, document: KEY } } } },
    async (request, reply) => {
      const startTime = new Date();
      const resident = signedIn(request);
      const zaak = await findOwnZaak(db, ownerOf(resident), request.params.zaak);
      const document = zaak ? await findVisibleDocument(db, request.tenant.id, zaak.uuid, request.params.document) : undefined;
      if (!zaak || !document) return notFound(request, reply);
      if (document.inhoudSha256 === null) return notFound(request, reply);
      const stream = await handIn.storage.open(request.tenant.id, document.inhoudSha256);
      await logResidentViewing(db, keys, resident, 'document-downloaden', startTime, { zaak: zaak.uuid, document: document.uuid });
      const name = document.bestandsnaam === '' ? 'document' : document.bestandsnaam;
      // Only the types the portal knows are named as such; anything else is plain bytes, never rendered by the browser.
      const type = ALLOWED_TYPES[document.formaat] !== undefined ? document.formaat : 'application/octet-stream';
      reply
        .type(type)
        .header('Cache-Control', 'no-store')
        .header('Content-Disposition', `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      if (document.bestandsomvang !== null) reply.header('Content-Length', String(document.bestandsomvang));
      return reply.send(stream);
    },
  );

  // The hand-in form posts multipart/form-data; its body is read before the route so the CSRF check sees `_csrf`.
  await app.register(async (uploads) => {
    uploads.addContentTypeParser('multipart/form-data', (request, _payload, done) => {
      readUploadBody(request.raw).then((body) => done(null, body), (error: Error) => done(error, undefined));
    });
    uploads.post<{ Params: { zaak: string; verzoek: string }; Body: UploadBody | undefined }>(
      `${MIJN_PATHS.zaken}/:zaak/documentverzoeken/:verzoek`,
      { config: RESIDENT, schema: { params: { type: 'object', required: ['zaak', 'verzoek'], properties: { zaak: KEY, verzoek: KEY } } } },
      async (request, reply) => {
        const resident = signedIn(request);
        const zaak = await findOwnZaak(db, ownerOf(resident), request.params.zaak);
        if (!zaak) return notFound(request, reply);
        const body = request.body;
        if (typeof body !== 'object' || body === null || !('tooLarge' in body)) throw new ProblemError('unsupported_media_type');
        const problems = fileProblems(body.bestand, body.tooLarge);
        const fout = (message: string) => showZaak(resident, reply, zaak, 400, { kind: 'fout', verzoekUuid: request.params.verzoek, message });
        if (problems[0] !== undefined) return fout(problems[0].reason);
        if (!body.bestand) return fout('Kies een bestand.');
        try {
          await handInDocument(handIn, { id: request.id, tenant: request.tenant, trace: request.trace, protocol: request.protocol, host: request.host, url: request.url, resident: resident.resident }, zaak, request.params.verzoek, body.bestand);
        } catch (error) {
          if (error instanceof ProblemError && error.code === 'not_found') return notFound(request, reply);
          if (error instanceof ProblemError && error.code === 'conflict') return fout('U heeft dit document al ingediend.');
          throw error;
        }
        context.outbox?.notify();
        return reply.redirect(`${zaakPath(zaak.identificatie)}?ingediend=ja#documentverzoeken`, 303);
      },
    );
  });

  app.get(MIJN_PATHS.berichten, { config: RESIDENT }, async (request, reply) => {
    const startTime = new Date();
    const resident = signedIn(request);
    const berichten = await listOwnBerichten(db, ownerOf(resident), BERICHTEN_SHOWN);
    await logResidentViewing(db, keys, resident, 'berichten-bekijken', startTime, { berichten: berichten.length });
    return sendPortaalPage(reply, 200, berichtenPage(request.tenant, resident.resident, berichten), { privateForm: true });
  });

  async function showBericht(request: SignedInRequest, reply: FastifyReply, uuid: string, status: number, antwoord: (tekst?: string) => AntwoordState): Promise<FastifyReply> {
    const startTime = new Date();
    const bericht = await findOwnBericht(db, ownerOf(request), uuid);
    if (!bericht) return notFound(request, reply);
    // Opening a message from the behandelaar is reading it.
    if (bericht.richting === 'van_behandelaar' && bericht.gelezenAt === null) await markBerichtRead(db, request.tenant.id, bericht.uuid, startTime);
    await logResidentViewing(db, keys, request, 'bericht-lezen', startTime, { zaak: bericht.zaakUuid });
    return sendPortaalPage(reply, status, berichtPage(request.tenant, request.resident, bericht, antwoord()), { privateForm: true });
  }

  app.get<{ Params: { bericht: string }; Querystring: { verstuurd?: 'ja' } }>(
    `${MIJN_PATHS.berichten}/:bericht`,
    {
      config: RESIDENT,
      schema: {
        params: { type: 'object', required: ['bericht'], properties: { bericht: KEY } },
        querystring: { type: 'object', additionalProperties: false, properties: { verstuurd: { type: 'string', enum: ['ja'] } } },
      },
    },
    async (request, reply) => showBericht(signedIn(request), reply, request.params.bericht, 200, () => (request.query.verstuurd === 'ja' ? { kind: 'verstuurd' } : { kind: 'leeg' })),
  );

  app.post<{ Params: { bericht: string }; Body: { tekst?: string } }>(
    `${MIJN_PATHS.berichten}/:bericht/antwoord`,
    {
      config: RESIDENT,
      schema: {
        params: { type: 'object', required: ['bericht'], properties: { bericht: KEY } },
        body: { type: 'object', additionalProperties: false, properties: { tekst: { type: 'string', maxLength: 20_000 } } },
      },
    },
    async (request, reply) => {
      const resident = signedIn(request);
      const bericht = await findOwnBericht(db, ownerOf(resident), request.params.bericht);
      if (!bericht || bericht.richting !== 'van_behandelaar') return notFound(request, reply);
      const tekst = request.body.tekst ?? '';
      try {
        await replyToBericht(db, request.tenant.id, bericht, { tekst, afzender: resident.resident.naam === '' ? 'Inwoner' : resident.resident.naam });
      } catch (error) {
        if (error instanceof ProblemError && error.invalidParams[0] !== undefined) {
          const message = error.invalidParams[0].reason;
          return showBericht(resident, reply, bericht.uuid, 400, () => ({ kind: 'fout', message, tekst }));
        }
        throw error;
      }
      return reply.redirect(`${berichtPath(bericht.uuid)}?verstuurd=ja`, 303);
    },
  );
}
