import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import type { Database } from '../../platform/database/schema.ts';
import type { Haalbaarheid, VersieSoort } from '../../platform/database/tables/financien.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { exportTaakveldCategorie } from '../begroting/export.ts';
import { begrotingImport, BegrotingImportBezigError, recentBegrotingImports, startBegrotingImport } from '../begroting/importen.ts';
import { structureelSaldo, type BegrotingStand, type JaarSaldo } from '../begroting/saldo.ts';
import { opschuivendSluitend, toezichtsoordeel } from '../begroting/toezicht.ts';
import { begrotingsjaren, listVersies, standenVan, type VersieOverzicht } from '../begroting/versie-lijst.ts';
import { JAARSCHIJVEN } from '../begroting/versies.ts';
import { bedragInvoer, FormulierLezer, type FormulierWaarden, type VeldFout } from '../formulier/velden.ts';
import { kengetalGrondslag, kengetalInvoerVan, kengetallenUit, saveKengetalInvoer, type KengetalGrondslag } from '../kengetallen/service.ts';
import { signaalbandenVan } from '../kengetallen/signaalbanden-instelling.ts';
import { KENGETAL_INVOER, KENGETAL_VELDEN } from '../kengetallen/invoer.ts';
import { kengetalInvoerPage } from './kengetal-invoer-page.ts';
import { exploitatieMetMaatregelen, inScenario, saldoMetMaatregelen } from '../maatregelen/effect.ts';
import { findMaatregel, insertMaatregel, listMaatregelen, readMaatregelForm, updateMaatregel, type Maatregel } from '../maatregelen/maatregelen.ts';
import { bijdragenInBegroting, koppelingRijen, koppelingWaarden } from '../verbonden-partijen/bijdrage-koppelingen.ts';
import { findVerbondenPartij, insertVerbondenPartij, listVerbondenPartijen, readVerbondenPartijForm, updateVerbondenPartij, type VerbondenPartij } from '../verbonden-partijen/verbonden-partijen.ts';
import { CAPACITEIT_COMPONENTEN, capaciteitVan, readCapaciteitForm, saveCapaciteit } from '../weerstand/capaciteit.ts';
import { findRisico, insertRisico, listRisicos, readRisicoForm, updateRisico, type Risico } from '../weerstand/risicos.ts';
import { weerstandsvermogen } from '../weerstand/weerstandsvermogen.ts';
import { registerSignaalwaarden } from './signaalwaarden-routes.ts';
import { registerKengetalImport } from './kengetal-import-routes.ts';
import { importFormPage, importStatusPage, importVoortgang, SOORT_OPTIES } from './import-pages.ts';
import { readBegrotingUpload, type BegrotingUpload } from './import-upload.ts';
import { maatregelenPage, maatregelFormPage } from './maatregel-pages.ts';
import { BEHEER, LEZEN, MELDING, send, staffOf, TEXT_BODY, toegangVan } from './route-hulp.ts';
import { overzichtPage, type GekozenStand } from './overzicht-page.ts';
import { FINANCIEN_PATHS } from './paden.ts';
import { partijenPage, partijFormPage } from './partij-pages.ts';
import { risicoFormPage, risicosPage } from './risico-pages.ts';
import { capaciteitFormPage, weerstandsvermogenPage } from './weerstand-pages.ts';

const UUID_PARAMS = { type: 'object', required: ['uuid'], properties: { uuid: { type: 'string', format: 'uuid' } } } as const;
const JAAR = { type: 'integer', minimum: 2000, maximum: 2100 } as const;
const STAND_QUERY = { type: 'object', additionalProperties: false, properties: { jaar: JAAR, peildatum: { type: 'string', format: 'date' } } } as const;
const MELDING_QUERY = { type: 'object', additionalProperties: false, properties: { melding: MELDING } } as const;
/** Largest begroting import: 200,000 rows of some 100 bytes, with room to spare. */
const IMPORT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The budget a page shows: the asked (or latest) begrotingsjaar as adopted on the asked peildatum, which resolves to
 * the last version adopted on or before it (the latest version when no day is asked).
 */
function kiesStand(versies: readonly VersieOverzicht[], query: { jaar?: number; peildatum?: string }): { gekozen: GekozenStand; stand: BegrotingStand; standen: VersieOverzicht[] } | undefined {
  const jaren = begrotingsjaren(versies);
  const begrotingsjaar = query.jaar !== undefined && jaren.includes(query.jaar) ? query.jaar : jaren[0];
  if (begrotingsjaar === undefined) return undefined;
  const standen = standenVan(versies, begrotingsjaar);
  const eerder = query.peildatum ? standen.filter((versie) => versie.vastgesteldOp <= (query.peildatum ?? '')) : standen;
  const versie = eerder[eerder.length - 1] ?? standen[0];
  if (!versie) return undefined;
  return { gekozen: { begrotingsjaar, versie }, stand: { begrotingsjaar, peildatum: versie.vastgesteldOp }, standen };
}

function jaarschijven(begrotingsjaar: number): number[] {
  return Array.from({ length: JAARSCHIJVEN }, (_, offset) => begrotingsjaar + offset);
}

function risicoWaarden(risico: Risico): FormulierWaarden {
  return {
    naam: risico.naam,
    oorzaak: risico.oorzaak,
    gevolg: risico.gevolg,
    kans: String(risico.kansProcent).replace('.', ','),
    impact: bedragInvoer(risico.impactCenten),
    structureel: risico.structureel ? 'ja' : 'nee',
    eigenaar: risico.eigenaar,
    beheersmaatregel: risico.beheersmaatregel,
    verbonden_partij: risico.verbondenPartijUuid ?? '',
  };
}

function partijWaarden(partij: VerbondenPartij): FormulierWaarden {
  return {
    naam: partij.naam,
    vestigingsplaats: partij.vestigingsplaats,
    soort: partij.soort,
    openbaar_belang: partij.openbaarBelang,
    bestuurlijk_belang: partij.bestuurlijkBelang,
    financieel_belang: partij.financieelBelang,
    jaar: partij.jaar === null ? '' : String(partij.jaar),
    eigen_vermogen_begin: bedragInvoer(partij.eigenVermogenBegin),
    eigen_vermogen_eind: bedragInvoer(partij.eigenVermogenEind),
    vreemd_vermogen_begin: bedragInvoer(partij.vreemdVermogenBegin),
    vreemd_vermogen_eind: bedragInvoer(partij.vreemdVermogenEind),
    resultaat: bedragInvoer(partij.resultaat),
    risicos: partij.risicos,
    ...koppelingWaarden(partij.bijdrage),
  };
}

function maatregelWaarden(maatregel: Maatregel, jaren: readonly number[]): FormulierWaarden {
  const waarden: FormulierWaarden = {
    naam: maatregel.naam,
    soort: maatregel.soort,
    omschrijving: maatregel.omschrijving,
    status: maatregel.status,
    haalbaarheid: maatregel.haalbaarheid,
    effect_op: maatregel.effectOp,
    structureel: maatregel.structureel ? 'ja' : 'nee',
    taakveld: maatregel.taakveld,
  };
  for (const jaar of jaren) waarden[`bedrag_${jaar}`] = bedragInvoer(maatregel.bedragen.get(jaar) ?? null);
  return waarden;
}

/** The version the import form describes, checked field by field before the file is read. */
function readImportVelden(velden: BegrotingUpload['velden']): { versie?: { begrotingsjaar: number; soort: VersieSoort; naam: string; raadsbesluitNummer?: string; vastgesteldOp: string; kwartaal?: number }; errors: VeldFout[] } {
  const lezer = new FormulierLezer(velden);
  const soort = lezer.keuze('soort', 'de soort versie', SOORT_OPTIES.map((optie) => optie.value));
  const jaar = lezer.jaar('jaar', 'het begrotingsjaar', { verplicht: true });
  const naam = lezer.tekst('naam', 'de naam van de versie', { verplicht: true });
  const raadsbesluit = lezer.tekst('raadsbesluit', 'het nummer van het raadsbesluit', { max: 50 });
  const vastgesteld = (velden.vastgesteld ?? '').trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(vastgesteld) || Number.isNaN(Date.parse(`${vastgesteld}T00:00:00Z`))) lezer.meld('vastgesteld', 'Vul de datum van vaststelling in zoals 2027-07-09.');
  const kwartaalText = (velden.kwartaal ?? '').trim();
  if (soort === 'realisatie' && !/^[1-4]$/.test(kwartaalText)) lezer.meld('kwartaal', 'Vul bij een realisatie het kwartaal in: 1, 2, 3 of 4.');
  if (soort !== 'realisatie' && kwartaalText !== '') lezer.meld('kwartaal', 'Alleen een realisatie hoort bij een kwartaal; laat het veld leeg.');
  if (soort === 'begrotingswijziging' && raadsbesluit === '') lezer.meld('raadsbesluit', 'Een begrotingswijziging heeft het nummer van het raadsbesluit nodig.');
  if (lezer.errors.length > 0 || soort === null || jaar === null) return { errors: lezer.errors };
  return {
    versie: { begrotingsjaar: jaar, soort, naam, raadsbesluitNummer: raadsbesluit || undefined, vastgesteldOp: vastgesteld, kwartaal: soort === 'realisatie' ? Number(kwartaalText) : undefined },
    errors: [],
  };
}

/**
 * The finance pages of the staff workspace under /medewerker/financien: the budget overview with the structural
 * balance, the supervisor's verdict and the kengetallen; import and export; the risk register, the weerstandscapaciteit
 * and the weerstandsvermogen; verbonden partijen; maatregelen with their effect before adoption. Every page is for the
 * controller; college and raad members (bestuur) read the overviews without the forms.
 */
export async function registerFinancienWerkplek(app: FastifyInstance, db: Kysely<Database>, options: { onUnexpectedError: (error: unknown) => void }): Promise<void> {
  registerSignaalwaarden(app, db);
  await registerKengetalImport(app, db);
  app.get<{ Querystring: { jaar?: number; peildatum?: string } }>(FINANCIEN_PATHS.overzicht, { config: LEZEN, schema: { querystring: STAND_QUERY } }, async (request, reply) => {
    const staff = staffOf(request);
    const tenantId = request.tenant.id;
    const versies = await listVersies(db, tenantId);
    const keuze = kiesStand(versies, request.query);
    const [signaalbanden, [saldi, grondslag, opschuivend]] = await Promise.all([
      signaalbandenVan(db, tenantId),
      keuze
        ? Promise.all([structureelSaldo(db, tenantId, keuze.stand), kengetalGrondslag(db, tenantId, keuze.stand), opschuivendSluitend(db, tenantId)])
        : Promise.resolve([[], [], { waarschuwing: false, reeks: [], toelichting: '' }] as [JaarSaldo[], KengetalGrondslag[], Awaited<ReturnType<typeof opschuivendSluitend>>]),
    ]);
    return send(
      reply,
      200,
      overzichtPage({
        tenantName: request.tenant.name,
        toegang: toegangVan(staff),
        jaren: begrotingsjaren(versies),
        standen: keuze?.standen ?? [],
        gekozen: keuze?.gekozen,
        saldi,
        oordeel: keuze ? toezichtsoordeel(saldi) : undefined,
        opschuivend,
        kengetallen: kengetallenUit(grondslag, signaalbanden.banden),
        signaalbanden,
      }),
    );
  });

  app.get<{ Querystring: { jaar?: number; peildatum?: string } }>(FINANCIEN_PATHS.export, { config: LEZEN, schema: { querystring: STAND_QUERY } }, async (request, reply) => {
    staffOf(request);
    const keuze = kiesStand(await listVersies(db, request.tenant.id), request.query);
    if (!keuze) throw new ProblemError('not_found', 'Er is nog geen begroting.');
    const csv = await exportTaakveldCategorie(db, request.tenant.id, keuze.stand);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="begroting-${keuze.stand.begrotingsjaar}-${keuze.stand.peildatum}.csv"`)
      .header('Cache-Control', 'no-store')
      .send(`\uFEFF${csv}`);
  });

  // ---- Import: multipart uploads, read in a plugin scope of their own ----
  const running = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...running]);
  });
  await app.register(async (scope) => {
    // The parsed form carries `_csrf`, so the central CSRF check applies to the upload like to any form.
    scope.addContentTypeParser('multipart/form-data', (request, _payload, done) => {
      readBegrotingUpload(request.raw, IMPORT_MAX_BYTES).then(
        (body) => done(null, body),
        (error: Error) => done(error),
      );
    });
    const formView = async (request: FastifyRequest, staff: StaffIdentity, waarden: FormulierWaarden, errors: VeldFout[]) => ({
      tenantName: request.tenant.name,
      csrfToken: staff.csrfToken,
      waarden,
      errors,
      recent: await recentBegrotingImports(db, request.tenant.id),
      maxBytes: IMPORT_MAX_BYTES,
    });

    scope.get(FINANCIEN_PATHS.importeren, { config: BEHEER }, async (request, reply) => {
      const staff = staffOf(request);
      return send(reply, 200, importFormPage(await formView(request, staff, { soort: 'primitieve_begroting' }, [])));
    });

    scope.post<{ Body: BegrotingUpload | undefined }>(FINANCIEN_PATHS.importeren, { config: BEHEER }, async (request, reply) => {
      const staff = staffOf(request);
      const body = request.body ?? { velden: {} };
      const { versie, errors } = readImportVelden(body.velden);
      if (body.tooLarge) errors.push({ fieldId: 'bestand', message: `Het bestand is te groot: het mag hoogstens ${IMPORT_MAX_BYTES / (1024 * 1024)} MB zijn.` });
      else if (!body.bestand) errors.push({ fieldId: 'bestand', message: 'Kies een CSV-bestand om te importeren.' });
      else if (body.bestand.tekst.trim() === '') errors.push({ fieldId: 'bestand', message: 'Het bestand is leeg.' });
      if (errors.length > 0 || !versie || !body.bestand) return send(reply, body.tooLarge ? 413 : 400, importFormPage(await formView(request, staff, body.velden, errors)));
      try {
        const started = await startBegrotingImport(
          db,
          request.tenant.id,
          { bestandsnaam: body.bestand.naam, tekst: body.bestand.tekst, versie, door: `${staff.displayName} (${staff.email})` },
          { onUnexpectedError: options.onUnexpectedError },
        );
        const done = started.done.finally(() => running.delete(done));
        running.add(done);
        return reply.redirect(FINANCIEN_PATHS.importJob(started.job.uuid), 303);
      } catch (error) {
        if (!(error instanceof BegrotingImportBezigError)) throw error;
        return send(reply, 409, importFormPage(await formView(request, staff, body.velden, [{ fieldId: 'bestand', message: 'Er loopt al een import van de begroting. Wacht tot die klaar is en start dan een nieuwe.' }])));
      }
    });

    scope.get<{ Params: { uuid: string } }>(FINANCIEN_PATHS.importJob(':uuid'), { config: BEHEER, schema: { params: UUID_PARAMS } }, async (request, reply) => {
      staffOf(request);
      const job = await begrotingImport(db, request.tenant.id, request.params.uuid);
      if (!job) throw new ProblemError('not_found', 'Deze import bestaat niet.');
      return send(reply, 200, importStatusPage({ tenantName: request.tenant.name, job }));
    });

    scope.get<{ Params: { uuid: string } }>(FINANCIEN_PATHS.importStatus(':uuid'), { config: BEHEER, schema: { params: UUID_PARAMS } }, async (request, reply) => {
      staffOf(request);
      const job = await begrotingImport(db, request.tenant.id, request.params.uuid);
      if (!job) throw new ProblemError('not_found', 'Deze import bestaat niet.');
      return reply.header('Cache-Control', 'no-store').send({ status: job.status, fase: job.fase, totaal: job.totaal, verwerkt: job.verwerkt, tekst: importVoortgang(job), aantalFouten: job.fouten.length });
    });
  });

  // ---- Risk register ----
  const melding = (value: string | undefined) => (value === 'opgeslagen' ? 'De wijziging is opgeslagen.' : undefined);

  app.get<{ Querystring: { melding?: string } }>(FINANCIEN_PATHS.risicos, { config: LEZEN, schema: { querystring: MELDING_QUERY } }, async (request, reply) => {
    const staff = staffOf(request);
    return send(reply, 200, risicosPage({ tenantName: request.tenant.name, toegang: toegangVan(staff), risicos: await listRisicos(db, request.tenant.id), melding: melding(request.query.melding) }));
  });

  app.get(`${FINANCIEN_PATHS.risicos}/nieuw`, { config: BEHEER }, async (request, reply) => {
    const staff = staffOf(request);
    return send(reply, 200, risicoFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, waarden: { structureel: 'nee' }, errors: [], partijen: await listVerbondenPartijen(db, request.tenant.id) }));
  });

  app.post<{ Body: FormulierWaarden }>(`${FINANCIEN_PATHS.risicos}/nieuw`, { config: BEHEER, schema: { body: TEXT_BODY } }, async (request, reply) => {
    const staff = staffOf(request);
    const partijen = await listVerbondenPartijen(db, request.tenant.id);
    const read = readRisicoForm(request.body, partijen.map((partij) => partij.uuid));
    if (!read.ok) return send(reply, 400, risicoFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, waarden: request.body, errors: read.errors, partijen }));
    await insertRisico(db, request.tenant.id, read.value);
    return reply.redirect(`${FINANCIEN_PATHS.risicos}?melding=opgeslagen`, 303);
  });

  app.get<{ Params: { uuid: string } }>(FINANCIEN_PATHS.risico(':uuid'), { config: BEHEER, schema: { params: UUID_PARAMS } }, async (request, reply) => {
    const staff = staffOf(request);
    const risico = await findRisico(db, request.tenant.id, request.params.uuid);
    if (!risico) throw new ProblemError('not_found', 'Dit risico bestaat niet.');
    return send(reply, 200, risicoFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, uuid: risico.uuid, waarden: risicoWaarden(risico), errors: [], partijen: await listVerbondenPartijen(db, request.tenant.id) }));
  });

  app.post<{ Params: { uuid: string }; Body: FormulierWaarden }>(FINANCIEN_PATHS.risico(':uuid'), { config: BEHEER, schema: { params: UUID_PARAMS, body: TEXT_BODY } }, async (request, reply) => {
    const staff = staffOf(request);
    const partijen = await listVerbondenPartijen(db, request.tenant.id);
    const read = readRisicoForm(request.body, partijen.map((partij) => partij.uuid));
    if (!read.ok) return send(reply, 400, risicoFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, uuid: request.params.uuid, waarden: request.body, errors: read.errors, partijen }));
    if (!(await updateRisico(db, request.tenant.id, request.params.uuid, read.value))) throw new ProblemError('not_found', 'Dit risico bestaat niet.');
    return reply.redirect(`${FINANCIEN_PATHS.risicos}?melding=opgeslagen`, 303);
  });

  // ---- Weerstandscapaciteit and weerstandsvermogen ----
  const capaciteitJaar = async (tenantId: string, jaar: number | undefined) => jaar ?? begrotingsjaren(await listVersies(db, tenantId))[0] ?? new Date().getUTCFullYear();

  app.get<{ Querystring: { jaar?: number } }>(FINANCIEN_PATHS.weerstandsvermogen, { config: LEZEN, schema: { querystring: { type: 'object', additionalProperties: false, properties: { jaar: JAAR } } } }, async (request, reply) => {
    const staff = staffOf(request);
    const jaar = await capaciteitJaar(request.tenant.id, request.query.jaar);
    const jaren = [...new Set([jaar, ...begrotingsjaren(await listVersies(db, request.tenant.id))])].sort((a, b) => b - a);
    return send(reply, 200, weerstandsvermogenPage({ tenantName: request.tenant.name, toegang: toegangVan(staff), jaren, weerstand: await weerstandsvermogen(db, request.tenant.id, jaar) }));
  });

  const JAAR_MELDING_QUERY = { type: 'object', additionalProperties: false, properties: { jaar: JAAR, melding: MELDING } } as const;
  app.get<{ Querystring: { jaar?: number; melding?: string } }>(FINANCIEN_PATHS.capaciteit, { config: BEHEER, schema: { querystring: JAAR_MELDING_QUERY } }, async (request, reply) => {
    const staff = staffOf(request);
    const jaar = await capaciteitJaar(request.tenant.id, request.query.jaar);
    const capaciteit = await capaciteitVan(db, request.tenant.id, jaar);
    const waarden: FormulierWaarden = {};
    for (const { component } of CAPACITEIT_COMPONENTEN) {
      waarden[component] = bedragInvoer(capaciteit[component]?.centen ?? null);
      waarden[`${component}_toelichting`] = capaciteit[component]?.toelichting ?? '';
    }
    return send(reply, 200, capaciteitFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, jaar, waarden, errors: [], melding: melding(request.query.melding) }));
  });

  app.post<{ Querystring: { jaar?: number }; Body: FormulierWaarden }>(FINANCIEN_PATHS.capaciteit, { config: BEHEER, schema: { querystring: { type: 'object', additionalProperties: false, required: ['jaar'], properties: { jaar: JAAR } }, body: TEXT_BODY } }, async (request, reply) => {
    const staff = staffOf(request);
    const jaar = request.query.jaar ?? 0;
    const read = readCapaciteitForm(request.body);
    if (!read.ok) return send(reply, 400, capaciteitFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, jaar, waarden: request.body, errors: read.errors }));
    await saveCapaciteit(db, request.tenant.id, jaar, read.value);
    return reply.redirect(`${FINANCIEN_PATHS.capaciteit}?jaar=${jaar}&melding=opgeslagen`, 303);
  });

  // ---- Inputs of the kengetallen ----
  app.get<{ Querystring: { jaar?: number; melding?: string } }>(FINANCIEN_PATHS.kengetalInvoer, { config: BEHEER, schema: { querystring: JAAR_MELDING_QUERY } }, async (request, reply) => {
    const staff = staffOf(request);
    const jaar = await capaciteitJaar(request.tenant.id, request.query.jaar);
    const invoer = await kengetalInvoerVan(db, request.tenant.id, jaar);
    const waarden: FormulierWaarden = Object.fromEntries(KENGETAL_VELDEN.map((veld) => [veld, bedragInvoer(invoer[veld] ?? null)]));
    return send(reply, 200, kengetalInvoerPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, jaar, waarden, errors: [], melding: melding(request.query.melding) }));
  });

  app.post<{ Querystring: { jaar?: number }; Body: FormulierWaarden }>(FINANCIEN_PATHS.kengetalInvoer, { config: BEHEER, schema: { querystring: { type: 'object', additionalProperties: false, required: ['jaar'], properties: { jaar: JAAR } }, body: TEXT_BODY } }, async (request, reply) => {
    const staff = staffOf(request);
    const jaar = request.query.jaar ?? 0;
    const lezer = new FormulierLezer(request.body);
    const invoer = Object.fromEntries(KENGETAL_VELDEN.map((veld) => [veld, lezer.bedrag(veld, KENGETAL_INVOER[veld].toLowerCase())]));
    if (lezer.errors.length > 0) return send(reply, 400, kengetalInvoerPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, jaar, waarden: request.body, errors: lezer.errors }));
    await saveKengetalInvoer(db, request.tenant.id, jaar, invoer);
    return reply.redirect(`${FINANCIEN_PATHS.kengetalInvoer}?jaar=${jaar}&melding=opgeslagen`, 303);
  });

  // ---- Verbonden partijen ----
  /** A refused form shows again every koppeling row that was filled in. */
  const gepost = (body: FormulierWaarden) =>
    koppelingRijen(Math.max(0, ...Object.entries(body).flatMap(([key, value]) => {
      const rij = /^bijdrage_(\d+)_/.exec(key)?.[1];
      return rij !== undefined && (value ?? '').trim() !== '' ? [Number(rij)] : [];
    })));
  app.get<{ Querystring: { melding?: string } }>(FINANCIEN_PATHS.partijen, { config: LEZEN, schema: { querystring: MELDING_QUERY } }, async (request, reply) => {
    const staff = staffOf(request);
    const partijen = await listVerbondenPartijen(db, request.tenant.id);
    const keuze = kiesStand(await listVersies(db, request.tenant.id), {});
    const bijdragen = keuze ? await bijdragenInBegroting(db, request.tenant.id, keuze.stand) : { bedragen: new Map<string, Map<number, number>>(), zonderRegels: new Map() };
    return send(
      reply,
      200,
      partijenPage({ tenantName: request.tenant.name, toegang: toegangVan(staff), partijen, bijdragen, jaren: keuze ? jaarschijven(keuze.stand.begrotingsjaar) : [], melding: melding(request.query.melding) }),
    );
  });

  app.get(`${FINANCIEN_PATHS.partijen}/nieuw`, { config: BEHEER }, async (request, reply) => {
    const staff = staffOf(request);
    return send(reply, 200, partijFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, waarden: { soort: 'gemeenschappelijke_regeling' }, errors: [], koppelingRijen: koppelingRijen(0) }));
  });

  app.post<{ Body: FormulierWaarden }>(`${FINANCIEN_PATHS.partijen}/nieuw`, { config: BEHEER, schema: { body: TEXT_BODY } }, async (request, reply) => {
    const staff = staffOf(request);
    const read = readVerbondenPartijForm(request.body);
    if (!read.ok) return send(reply, 400, partijFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, waarden: request.body, errors: read.errors, koppelingRijen: gepost(request.body) }));
    await insertVerbondenPartij(db, request.tenant.id, read.value);
    return reply.redirect(`${FINANCIEN_PATHS.partijen}?melding=opgeslagen`, 303);
  });

  app.get<{ Params: { uuid: string } }>(FINANCIEN_PATHS.partij(':uuid'), { config: BEHEER, schema: { params: UUID_PARAMS } }, async (request, reply) => {
    const staff = staffOf(request);
    const partij = await findVerbondenPartij(db, request.tenant.id, request.params.uuid);
    if (!partij) throw new ProblemError('not_found', 'Deze verbonden partij bestaat niet.');
    return send(reply, 200, partijFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, uuid: partij.uuid, waarden: partijWaarden(partij), errors: [], koppelingRijen: koppelingRijen(partij.bijdrage.length) }));
  });

  app.post<{ Params: { uuid: string }; Body: FormulierWaarden }>(FINANCIEN_PATHS.partij(':uuid'), { config: BEHEER, schema: { params: UUID_PARAMS, body: TEXT_BODY } }, async (request, reply) => {
    const staff = staffOf(request);
    const read = readVerbondenPartijForm(request.body);
    if (!read.ok) return send(reply, 400, partijFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, uuid: request.params.uuid, waarden: request.body, errors: read.errors, koppelingRijen: gepost(request.body) }));
    if (!(await updateVerbondenPartij(db, request.tenant.id, request.params.uuid, read.value))) throw new ProblemError('not_found', 'Deze verbonden partij bestaat niet.');
    return reply.redirect(`${FINANCIEN_PATHS.partijen}?melding=opgeslagen`, 303);
  });

  // ---- Maatregelen ----
  const HAALBAARHEID = { type: 'string', enum: ['laag', 'gemiddeld', 'hoog'] } as const;
  app.get<{ Querystring: { haalbaarheid?: Haalbaarheid; melding?: string } }>(
    FINANCIEN_PATHS.maatregelen,
    { config: LEZEN, schema: { querystring: { type: 'object', additionalProperties: false, properties: { haalbaarheid: HAALBAARHEID, melding: MELDING } } } },
    async (request, reply) => {
      const staff = staffOf(request);
      const tenantId = request.tenant.id;
      const keuze = kiesStand(await listVersies(db, tenantId), {});
      const maatregelen = await listMaatregelen(db, tenantId);
      const minimaleHaalbaarheid = request.query.haalbaarheid ?? 'laag';
      const scenario = inScenario(maatregelen, minimaleHaalbaarheid);
      const base = {
        tenantName: request.tenant.name,
        toegang: toegangVan(staff),
        maatregelen,
        minimaleHaalbaarheid,
        inScenario: new Set(scenario.map((maatregel) => maatregel.uuid)),
        melding: melding(request.query.melding),
      };
      if (!keuze) return send(reply, 200, maatregelenPage({ ...base, begrotingsjaar: undefined, jaren: [], saldiZonder: [], saldiMet: [], kengetallenZonder: [], kengetallenMet: [] }));
      const t = keuze.stand.begrotingsjaar;
      const [saldiZonder, grondslag, { banden }] = await Promise.all([structureelSaldo(db, tenantId, keuze.stand), kengetalGrondslag(db, tenantId, keuze.stand), signaalbandenVan(db, tenantId)]);
      // t−1 is history (the jaarrekening): a maatregel changes only the jaarschijven.
      const metScenario = grondslag.map((jaar) => (jaar.jaar >= t ? { ...jaar, cijfers: exploitatieMetMaatregelen(jaar.jaar, jaar.cijfers, scenario) } : jaar));
      return send(
        reply,
        200,
        maatregelenPage({
          ...base,
          begrotingsjaar: t,
          jaren: jaarschijven(t),
          saldiZonder,
          saldiMet: saldoMetMaatregelen(saldiZonder, scenario),
          kengetallenZonder: kengetallenUit(grondslag, banden),
          kengetallenMet: kengetallenUit(metScenario, banden),
          banden,
        }),
      );
    },
  );

  const maatregelJaren = async (tenantId: string) => {
    const keuze = kiesStand(await listVersies(db, tenantId), {});
    return jaarschijven(keuze?.stand.begrotingsjaar ?? new Date().getUTCFullYear());
  };

  app.get(`${FINANCIEN_PATHS.maatregelen}/nieuw`, { config: BEHEER }, async (request, reply) => {
    const staff = staffOf(request);
    const jaren = await maatregelJaren(request.tenant.id);
    return send(reply, 200, maatregelFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, jaren, waarden: { soort: 'ombuiging', status: 'voorgesteld', haalbaarheid: 'gemiddeld', effect_op: 'lasten', structureel: 'ja' }, errors: [] }));
  });

  app.post<{ Body: FormulierWaarden }>(`${FINANCIEN_PATHS.maatregelen}/nieuw`, { config: BEHEER, schema: { body: TEXT_BODY } }, async (request, reply) => {
    const staff = staffOf(request);
    const jaren = await maatregelJaren(request.tenant.id);
    const read = readMaatregelForm(request.body, jaren);
    if (!read.ok) return send(reply, 400, maatregelFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, jaren, waarden: request.body, errors: read.errors }));
    await insertMaatregel(db, request.tenant.id, read.value);
    return reply.redirect(`${FINANCIEN_PATHS.maatregelen}?melding=opgeslagen`, 303);
  });

  app.get<{ Params: { uuid: string } }>(FINANCIEN_PATHS.maatregel(':uuid'), { config: BEHEER, schema: { params: UUID_PARAMS } }, async (request, reply) => {
    const staff = staffOf(request);
    const maatregel = await findMaatregel(db, request.tenant.id, request.params.uuid);
    if (!maatregel) throw new ProblemError('not_found', 'Deze maatregel bestaat niet.');
    const jaren = await maatregelJaren(request.tenant.id);
    return send(reply, 200, maatregelFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, uuid: maatregel.uuid, jaren, waarden: maatregelWaarden(maatregel, jaren), errors: [] }));
  });

  app.post<{ Params: { uuid: string }; Body: FormulierWaarden }>(FINANCIEN_PATHS.maatregel(':uuid'), { config: BEHEER, schema: { params: UUID_PARAMS, body: TEXT_BODY } }, async (request, reply) => {
    const staff = staffOf(request);
    const jaren = await maatregelJaren(request.tenant.id);
    const read = readMaatregelForm(request.body, jaren);
    if (!read.ok) return send(reply, 400, maatregelFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, uuid: request.params.uuid, jaren, waarden: request.body, errors: read.errors }));
    if (!(await updateMaatregel(db, request.tenant.id, request.params.uuid, read.value, jaren))) throw new ProblemError('not_found', 'Deze maatregel bestaat niet.');
    return reply.redirect(`${FINANCIEN_PATHS.maatregelen}?melding=opgeslagen`, 303);
  });
}
