import type { Transaction } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { InvalidParam } from '../../platform/errors/catalogue.ts';
import { invalid } from '../../platform/errors/problem.ts';
import { inTransaction } from '../../platform/database/transaction.ts';
import { amsterdamDate } from '../../components/zaken/archivering/calendar.ts';
import { changeZaak } from '../../components/zaken/zaken/service.ts';
import type { ZaakPatch } from '../../components/zaken/zaken/schemas.ts';
import { berekenTermijnen, verlengingBinnenTermijn, verschuifTermijnen, type Verschuiving } from '../../components/zaken/termijnen/awb-termijnen.ts';
import { findUiterlijkVoorAtw, saveUiterlijkVoorAtw } from '../../components/zaken/termijnen/atw-verschuiving.ts';
import { listOpschortingen, lockZaakTermijnen, type ZaakKern, type ZaakTermijnStaat } from './zaak-gegevens.ts';
import type { ActieContext } from './zaak-acties.ts';
import { zaakServices } from './zaak-services.ts';

/*
 * Opschorting (Awb 4:15) and verlenging (Awb 4:14) of the decision deadline. The Zaken API's own fields carry the
 * current state (`opschorting` {indicatie, reden}, `verlenging` {reden, duur}); the workspace keeps the history of
 * suspensions (a zaak can be suspended more than once). The zaak's own uiterlijkeEinddatumAfdoening and
 * einddatumGepland are the base: resuming moves them by the days of the suspension it ends, extending moves the legal
 * deadline by the extension, through the zaken service, so a date an API client set survives and the werkvoorraad
 * sorts on the moved column. Each change is one transaction that locks the zaak, ends the period (or checks there is
 * no extension yet) and moves the date together: a period is ended once, so its days move the date once, whatever is
 * submitted twice or at the same time.
 */

const MAX_REDEN = 200;

function redenProblems(reden: string, leeg: string): InvalidParam[] {
  if (reden === '') return [{ name: 'reden', code: 'required', reason: leeg }];
  if (reden.length > MAX_REDEN) return [{ name: 'reden', code: 'max_length', reason: `Gebruik hoogstens ${MAX_REDEN} tekens.` }];
  return [];
}

function openProblem(zaak: ZaakKern): InvalidParam[] {
  return zaak.einddatum === null ? [] : [{ name: 'nonFieldErrors', code: 'afgesloten', reason: 'De zaak is afgesloten; heropen de zaak eerst.' }];
}

/**
 * The zaak's deadlines after this move, as the zaak fields that hold them (only those that change); the legal deadline
 * counted from its Awb count and moved by the Atw, which count is kept beside the zaak for the next move.
 */
async function verschovenVelden(trx: Transaction<Database>, tenantId: string, zaak: ZaakKern, huidig: ZaakTermijnStaat, verschuiving: Verschuiving): Promise<ZaakPatch> {
  // The zaaktype's deadlines are only for a date the zaak lacks; they count every ended period, this one included.
  const zaaktype = berekenTermijnen({
    startdatum: zaak.startdatum,
    doorlooptijd: zaak.zaaktype.doorlooptijd,
    servicenorm: zaak.zaaktype.servicenorm,
    verlenging: verschuiving.soort === 'verlenging' ? { duur: verschuiving.duur } : huidig.verlenging,
    opschortingen: await listOpschortingen(trx, tenantId, zaak.uuid),
  });
  const uiterlijkVoorAtw = await findUiterlijkVoorAtw(trx, tenantId, zaak.uuid, huidig.uiterlijk);
  const nieuw = verschuifTermijnen({ uiterlijk: huidig.uiterlijk, servicenorm: huidig.servicenorm, ...(uiterlijkVoorAtw === undefined ? {} : { uiterlijkVoorAtw }) }, verschuiving, zaaktype);
  await saveUiterlijkVoorAtw(trx, tenantId, zaak.uuid, nieuw);
  const velden: ZaakPatch = {};
  if (nieuw.uiterlijk !== huidig.uiterlijk) velden.uiterlijkeEinddatumAfdoening = nieuw.uiterlijk;
  if (nieuw.servicenorm !== huidig.servicenorm) velden.einddatumGepland = nieuw.servicenorm;
  return velden;
}

async function lockOrGone(trx: Transaction<Database>, actie: ActieContext): Promise<ZaakTermijnStaat> {
  const staat = await lockZaakTermijnen(trx, actie.caller.tenant.id, actie.zaak.uuid);
  if (!staat) throw invalid([{ name: 'nonFieldErrors', code: 'not_found', reason: 'De zaak bestaat niet meer.' }]);
  return staat;
}

async function wijzigZaak(actie: ActieContext, trx: Transaction<Database>, changes: ZaakPatch): Promise<void> {
  await changeZaak(zaakServices(actie.context, trx).zaken, actie.caller, actie.bases.zaken, actie.zaak.uuid, changes, true);
}

/** Suspends the deadline from today, with the reason; refused when the zaaktype forbids it or it already runs. */
export async function schortOp(actie: ActieContext, input: { reden?: string }): Promise<void> {
  const reden = (input.reden ?? '').trim();
  const { zaak } = actie;
  const problems = [...redenProblems(reden, 'Schrijf waarom de termijn wordt opgeschort, bijvoorbeeld welke stukken ontbreken.'), ...openProblem(zaak)];
  if (!zaak.zaaktype.opschortingMogelijk) problems.push({ name: 'nonFieldErrors', code: 'niet-toegestaan', reason: 'Dit zaaktype staat opschorten niet toe.' });
  const lopend = await actie.context.database.db
    .selectFrom('zaak_opschortingen')
    .select('id')
    .where('tenant_id', '=', actie.caller.tenant.id)
    .where('zaak_uuid', '=', zaak.uuid)
    .where('einddatum', 'is', null)
    .executeTakeFirst();
  if (zaak.opschorting?.indicatie || lopend) problems.push({ name: 'nonFieldErrors', code: 'al-opgeschort', reason: 'De termijn is al opgeschort.' });
  if (problems.length > 0) throw invalid(problems);
  const staffId = actie.caller.staff?.userId ?? null;
  await inTransaction(actie.context.database.db, async (trx) => {
    await trx.insertInto('zaak_opschortingen').values({ tenant_id: actie.caller.tenant.id, zaak_uuid: zaak.uuid, reden, begindatum: amsterdamDate(actie.now), opgeschort_door: staffId }).execute();
    await wijzigZaak(actie, trx, { opschorting: { indicatie: true, reden } });
  });
}

/**
 * Resumes a suspended deadline today: the days of the period it ends move the zaak's deadlines. A suspension an API
 * client set (no period in the workspace's history) is lifted without moving them: that client keeps its own dates.
 */
export async function hervat(actie: ActieContext): Promise<void> {
  const { zaak } = actie;
  const tenantId = actie.caller.tenant.id;
  const problems = openProblem(zaak);
  const nietOpgeschort: InvalidParam = { name: 'nonFieldErrors', code: 'niet-opgeschort', reason: 'De termijn is niet opgeschort.' };
  if (!zaak.opschorting?.indicatie) problems.push(nietOpgeschort);
  if (problems.length > 0) throw invalid(problems);
  const today = amsterdamDate(actie.now);
  await inTransaction(actie.context.database.db, async (trx) => {
    const huidig = await lockOrGone(trx, actie);
    // Checked again under the lock: a resume that committed meanwhile has already moved the date.
    if (!huidig.opschorting?.indicatie) throw invalid([nietOpgeschort]);
    const beeindigd = await trx
      .updateTable('zaak_opschortingen')
      .set({ einddatum: today, hervat_door: actie.caller.staff?.userId ?? null })
      .where('tenant_id', '=', tenantId)
      .where('zaak_uuid', '=', zaak.uuid)
      .where('einddatum', 'is', null)
      .returning(['begindatum'])
      .executeTakeFirst();
    const velden = beeindigd ? await verschovenVelden(trx, tenantId, zaak, huidig, { soort: 'opschorting', periode: { begindatum: beeindigd.begindatum, einddatum: today } }) : {};
    // Reden stays: the API keeps the last reason beside indicatie false, so other applications can still read why.
    await wijzigZaak(actie, trx, { opschorting: { indicatie: false, reden: huidig.opschorting.reden }, ...velden });
  });
}

/** Extends the deadline once, by at most the zaaktype's verlengingstermijn, with the reason. */
export async function verleng(actie: ActieContext, input: { dagen?: string; reden?: string }): Promise<void> {
  const { zaak } = actie;
  const reden = (input.reden ?? '').trim();
  const problems = [...redenProblems(reden, 'Schrijf waarom de termijn wordt verlengd.'), ...openProblem(zaak)];
  const dagenText = (input.dagen ?? '').trim();
  const dagen = /^\d{1,4}$/.test(dagenText) ? Number(dagenText) : NaN;
  const termijn = zaak.zaaktype.verlengingstermijn;
  if (!zaak.zaaktype.verlengingMogelijk || termijn === null) problems.push({ name: 'nonFieldErrors', code: 'niet-toegestaan', reason: 'Dit zaaktype staat verlengen niet toe.' });
  else if (zaak.verlenging) problems.push({ name: 'nonFieldErrors', code: 'al-verlengd', reason: 'De termijn is al eens verlengd; dat kan maar één keer.' });
  else if (!Number.isInteger(dagen) || dagen < 1) problems.push({ name: 'dagen', code: 'invalid', reason: 'Vul een aantal dagen in, een heel getal groter dan 0.' });
  else if (!verlengingBinnenTermijn(zaak.startdatum, `P${dagen}D`, termijn)) problems.push({ name: 'dagen', code: 'te-lang', reason: `Verleng met hoogstens de verlengingstermijn van het zaaktype (${termijn}).` });
  if (problems.length > 0) throw invalid(problems);
  const verlenging = { reden, duur: `P${dagen}D` };
  await inTransaction(actie.context.database.db, async (trx) => {
    const huidig = await lockOrGone(trx, actie);
    // Checked again under the lock: an extension that committed meanwhile has already moved the date.
    if (huidig.verlenging) throw invalid([{ name: 'nonFieldErrors', code: 'al-verlengd', reason: 'De termijn is al eens verlengd; dat kan maar één keer.' }]);
    await wijzigZaak(actie, trx, { verlenging, ...(await verschovenVelden(trx, actie.caller.tenant.id, zaak, huidig, { soort: 'verlenging', duur: verlenging.duur })) });
  });
}
