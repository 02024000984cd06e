import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { logRequestProcessing } from '../../platform/processing-log/request.ts';
import { amsterdamDate } from '../../components/zaken/archivering/calendar.ts';
import { loggableBsn } from '../../components/zaken/rollen/betrokkene-identificatie.ts';
import { zaakUrl } from '../../components/zaken/shared/urls.ts';
import { listZaakBerichten } from '../../portaal/mijn/berichten-repository.ts';
import { sendBerichtToInitiator } from '../../portaal/mijn/berichten.ts';
import { portaalOrigin } from '../../portaal/mijn/portaal-links.ts';
import { sendPage } from '../send-page.ts';
import { mayHandleZaak, mayReadZaak } from '../toegang/zaak-toegang.ts';
import { staffZaken, type StaffZaken } from '../toegang/staff-zaken-caller.ts';
import { fieldErrorsOf } from './actie-fouten.ts';
import { findUiterlijkVoorAtw } from '../../components/zaken/termijnen/atw-verschuiving.ts';
import { berekenTermijnen } from '../../components/zaken/termijnen/awb-termijnen.ts';
import { hervat, schortOp, verleng } from './opschorting-acties.ts';
import { findToewijzing } from './toewijzing.ts';
import { heropenZaak, legBesluitVast, sluitZaak, zetStatus, type ActieContext } from './zaak-acties.ts';
import { ACTIES, type Actie, type ActieStaat } from './zaak-actie-forms.ts';
import {
  findResultaat,
  findZaakInView,
  listBesluiten,
  listEigenschappen,
  listOpschortingen,
  listRollen,
  listStatussen,
  natuurlijkePersonen,
  zaaktypeKeuzes,
  type ZaakKern,
} from './zaak-gegevens.ts';
import { zaakPage } from './zaak-page.ts';
import { ZAAK_SECTIES } from './zaak-secties.ts';
import { apiBases } from './zaak-services.ts';
import { zaakVersie } from './zaak-versie.ts';

/*
 * The zaak page (GET, any role whose view includes the zaak; 404 otherwise, also for another tenant's zaak) and its
 * actions (POST, handlers only, and only on zaken they may handle: checked here on every request). An action that
 * succeeds redirects back to the page with a message (so reloading does not repeat it); a refused one shows the page
 * again with the member's input and the messages beside the fields.
 */

const READERS = { staffRoles: ['kcc', 'behandelaar', 'teamleider'] } as const;
const HANDLERS = { staffRoles: ['behandelaar', 'teamleider'] } as const;
const PARAMS = { type: 'object', required: ['uuid'], properties: { uuid: { type: 'string', maxLength: 60 } } } as const;
const ACTIE_PARAMS = { type: 'object', required: ['uuid', 'actie'], properties: { uuid: { type: 'string', maxLength: 60 }, actie: { type: 'string', enum: [...ACTIES] } } } as const;
const ACTIE_BODY = { type: 'object', additionalProperties: { type: 'string', maxLength: 20_000 } } as const;

const GELUKT: Record<Actie, string> = {
  status: 'De status is gezet.',
  besluit: 'Het besluit is vastgelegd.',
  opschorten: 'De termijn is opgeschort.',
  hervatten: 'De termijn loopt weer; de uiterlijke afhandeldatum is aangepast.',
  verlengen: 'De termijn is verlengd.',
  afsluiten: 'Het resultaat is vastgelegd en de zaak is afgesloten.',
  heropenen: 'De zaak is heropend.',
  bericht: 'Het bericht is verstuurd naar de inwoner.',
};

const FIELDS: Record<Actie, string[]> = {
  status: ['statustype', 'toelichting'],
  besluit: ['besluittype', 'datum', 'ingangsdatum', 'toelichting'],
  opschorten: ['reden'],
  hervatten: [],
  verlengen: ['dagen', 'reden'],
  afsluiten: ['resultaattype', 'toelichting'],
  heropenen: ['statustype', 'toelichting'],
  bericht: ['onderwerp', 'tekst'],
};

async function zaakOr404(context: AppContext, request: FastifyRequest, uuid: string): Promise<{ zaken: StaffZaken; zaak: ZaakKern }> {
  const zaken = await staffZaken(context.database.db, request);
  const zaak = await findZaakInView(context.database.db, request.tenant.id, zaken.toegang, uuid);
  if (!zaak || !mayReadZaak(zaken.toegang, { zaaktypeUuid: zaak.zaaktype.uuid, vertrouwelijkheidaanduiding: zaak.vertrouwelijkheidaanduiding })) {
    throw new ProblemError('not_found', 'Deze zaak bestaat niet of u mag haar niet inzien.');
  }
  return { zaken, zaak };
}

function magBehandelen(zaken: StaffZaken, zaak: ZaakKern): boolean {
  return mayHandleZaak(zaken.toegang, { zaaktypeUuid: zaak.zaaktype.uuid, vertrouwelijkheidaanduiding: zaak.vertrouwelijkheidaanduiding });
}

async function renderZaak(context: AppContext, request: FastifyRequest, reply: FastifyReply, loaded: { zaken: StaffZaken; zaak: ZaakKern }, status: number, extra: { melding?: string; staat?: ActieStaat }): Promise<FastifyReply> {
  const staff = request.staff;
  if (!staff) throw new ProblemError('not_authenticated');
  const db = context.database.db;
  const tenantId = request.tenant.id;
  const { zaak, zaken } = loaded;
  const startTime = new Date();
  const [eigenschappen, rollen, statussen, besluiten, resultaat, opschortingen, toewijzing, berichten, keuzes, versie, personen, uiterlijkVoorAtw] = await Promise.all([
    listEigenschappen(db, tenantId, zaak.uuid),
    listRollen(db, tenantId, zaak.uuid),
    listStatussen(db, tenantId, zaak.uuid),
    listBesluiten(db, tenantId, zaak.uuid),
    findResultaat(db, tenantId, zaak.uuid),
    listOpschortingen(db, tenantId, zaak.uuid),
    findToewijzing(db, tenantId, zaak.uuid),
    listZaakBerichten(db, tenantId, zaak.uuid),
    zaaktypeKeuzes(db, tenantId, zaak.zaaktype),
    zaakVersie(db, tenantId, zaak.uuid),
    natuurlijkePersonen(db, tenantId, zaak.uuid),
    findUiterlijkVoorAtw(db, tenantId, zaak.uuid, zaak.uiterlijkeEinddatumAfdoening),
  ]);
  // The page shows the betrokkenen of the zaak: reading a natural person's data is a processing of it.
  if (personen.length > 0) {
    await logRequestProcessing(db, context.keys, request, {
      activityId: 'zaak-behandelen',
      name: 'zaak-bekijken',
      status: 'ok',
      startTime,
      dataSubjects: personen.flatMap((bsn) => {
        const id = loggableBsn(bsn);
        return id === undefined ? [] : [{ type: 'BSN', id }];
      }),
      attributes: { zaak: zaak.uuid, personen: personen.length },
    });
  }
  const behandelen = magBehandelen(zaken, zaak);
  const sectieContext = {
    request,
    context,
    zaken,
    zaak: { uuid: zaak.uuid, url: zaakUrl(apiBases(request).zaken, zaak.uuid), identificatie: zaak.identificatie, zaaktypeUuid: zaak.zaaktype.uuid, vertrouwelijkheidaanduiding: zaak.vertrouwelijkheidaanduiding, afgesloten: zaak.einddatum !== null },
    magBehandelen: behandelen,
  };
  const secties = [];
  for (const sectie of ZAAK_SECTIES) secties.push({ id: sectie.id, titel: sectie.titel, inhoud: await sectie.render(sectieContext) });
  const termijnen = berekenTermijnen({ startdatum: zaak.startdatum, doorlooptijd: zaak.zaaktype.doorlooptijd, servicenorm: zaak.zaaktype.servicenorm, verlenging: zaak.verlenging, opschortingen });
  return sendPage(
    reply,
    status,
    zaakPage({
      staff,
      tenantName: request.tenant.name,
      zaak,
      eigenschappen,
      rollen,
      statussen,
      besluiten,
      resultaat,
      opschortingen,
      termijnen,
      uiterlijkVoorAtw,
      behandelaar: toewijzing?.naam,
      berichten,
      keuzes,
      magBehandelen: behandelen,
      versie,
      today: amsterdamDate(new Date()),
      melding: extra.melding,
      staat: extra.staat,
      secties,
    }),
  );
}

async function voerUit(actie: Actie, context: ActieContext, request: FastifyRequest, body: Record<string, string>): Promise<void> {
  switch (actie) {
    case 'status':
      return zetStatus(context, body);
    case 'besluit':
      return legBesluitVast(context, body);
    case 'opschorten':
      return schortOp(context, body);
    case 'hervatten':
      return hervat(context);
    case 'verlengen':
      return verleng(context, body);
    case 'afsluiten':
      return sluitZaak(context, body);
    case 'heropenen':
      return heropenZaak(context, body);
    case 'bericht': {
      const staff = request.staff;
      if (!staff) throw new ProblemError('not_authenticated');
      const origin = portaalOrigin(request.tenant, `${request.protocol}://${request.host}/`);
      await sendBerichtToInitiator({ db: context.context.database.db, keys: context.context.keys }, request, {
        zaakUuid: context.zaak.uuid,
        onderwerp: body.onderwerp ?? '',
        tekst: body.tekst ?? '',
        afzender: staff.displayName,
        origin,
      });
      return;
    }
  }
}

/** The zaak page and its actions. */
export function registerZaakPage(app: FastifyInstance, context: AppContext): void {
  app.get<{ Params: { uuid: string }; Querystring: { gelukt?: string } }>(
    '/medewerker/zaken/:uuid',
    { config: READERS, schema: { params: PARAMS, querystring: { type: 'object', properties: { gelukt: { type: 'string', maxLength: 20 } } } } },
    async (request, reply) => {
      const loaded = await zaakOr404(context, request, request.params.uuid);
      const gelukt = ACTIES.find((actie) => actie === request.query.gelukt);
      return renderZaak(context, request, reply, loaded, 200, { melding: gelukt ? GELUKT[gelukt] : undefined });
    },
  );

  app.post<{ Params: { uuid: string; actie: Actie }; Body: Record<string, string> }>(
    '/medewerker/zaken/:uuid/acties/:actie',
    { config: HANDLERS, schema: { params: ACTIE_PARAMS, body: ACTIE_BODY } },
    async (request, reply) => {
      const loaded = await zaakOr404(context, request, request.params.uuid);
      if (!magBehandelen(loaded.zaken, loaded.zaak)) throw new ProblemError('permission_denied', 'U mag deze zaak niet behandelen.');
      const actie = request.params.actie;
      const body = request.body ?? {};
      const values = Object.fromEntries(FIELDS[actie].map((field) => [field, body[field] ?? '']));
      const db = context.database.db;
      // The form was made for the zaak as it was then: a changed zaak (a double submit, a colleague) changes nothing.
      if (body.versie !== (await zaakVersie(db, request.tenant.id, loaded.zaak.uuid))) {
        return renderZaak(context, request, reply, loaded, 409, {
          staat: { actie, values, errors: { nonFieldErrors: 'De zaak is intussen gewijzigd (of het formulier is twee keer verstuurd). Bekijk de zaak hieronder en probeer het zo nodig opnieuw.' } },
        });
      }
      const keuzes = await zaaktypeKeuzes(db, request.tenant.id, loaded.zaak.zaaktype);
      const actieContext: ActieContext = { context, caller: loaded.zaken.caller, bases: apiBases(request), zaak: loaded.zaak, keuzes, now: new Date() };
      try {
        await voerUit(actie, actieContext, request, body);
      } catch (error) {
        const errors = fieldErrorsOf(error, FIELDS[actie]);
        if (!errors) throw error;
        return renderZaak(context, request, reply, loaded, 400, { staat: { actie, values, errors } });
      }
      context.outbox?.notify();
      return reply.redirect(`/medewerker/zaken/${loaded.zaak.uuid}?gelukt=${actie}`, 303);
    },
  );
}
