import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { listResultaattypeomschrijvingen, listResultaten } from '../../../components/referentielijsten/service.ts';
import { publicSelectielijstUrl, selectielijstUuid } from '../../../components/catalogi/uitwisseling/selectielijst.ts';
import { AFLEIDINGSWIJZEN, type Afleidingswijze, type ResultaattypeInput } from '../../../components/catalogi/resultaattypen/schemas.ts';
import { changeResultaattype, createResultaattype, destroyResultaattype, retrieveResultaattype } from '../../../components/catalogi/resultaattypen/service.ts';
import { ROLTYPE_OMSCHRIJVINGEN_GENERIEK, type RoltypeOmschrijvingGeneriek } from '../../../components/catalogi/roltypen/schemas.ts';
import { createRoltype, destroyRoltype, retrieveRoltype } from '../../../components/catalogi/roltypen/service.ts';
import type { StatustypeInput } from '../../../components/catalogi/statustypen/schemas.ts';
import { changeStatustype, createStatustype, destroyStatustype, retrieveStatustype } from '../../../components/catalogi/statustypen/service.ts';
import { formatDuur, parseDuur } from '../duur.ts';
import { textOf, type FieldErrors, type SelectOption } from '../velden.ts';
import type { BeheerCatalogiCaller } from './zaaktype-gegevens.ts';

/*
 * The parts of a concept zaaktype a beheerder keeps: statustypen, resultaattypen (with their Selectielijst resultaat
 * from the shipped Referentielijsten) and roltypen. Each form reads into the Catalogi API's input and goes through
 * its service; a part is only reached through its own zaaktype, so a uuid of another zaaktype or tenant is a 404.
 */

export type Onderdeel = 'statustype' | 'resultaattype' | 'roltype';

const DURATION_MESSAGE = 'Schrijf een termijn als "8 weken", "10 dagen" of "1 jaar en 6 maanden".';

/** Throws not_found unless the part (API JSON) belongs to the zaaktype. */
function ofZaaktype<T extends { zaaktype?: unknown }>(part: T, zaaktypeUrl: string, soort: string): T {
  if (part.zaaktype !== zaaktypeUrl) throw new ProblemError('not_found', `Dit ${soort} hoort niet bij dit zaaktype.`);
  return part;
}

// ---------------------------------------------------------------------------------------------------------------
// Statustypen

export const STATUSTYPE_VELDEN = ['volgnummer', 'omschrijving', 'statustekst', 'informeren', 'doorlooptijd'] as const;
export type StatustypeWaarden = Record<(typeof STATUSTYPE_VELDEN)[number], string>;

export const STATUSTYPE_LABELS: StatustypeWaarden = {
  volgnummer: 'Volgnummer',
  omschrijving: 'Omschrijving',
  statustekst: 'Tekst voor de inwoner',
  informeren: 'Inwoner informeren',
  doorlooptijd: 'Doorlooptijd van deze stap',
};

export function leesStatustype(body: Record<string, unknown> | undefined): StatustypeWaarden {
  return Object.fromEntries(STATUSTYPE_VELDEN.map((veld) => [veld, textOf(body, veld)])) as StatustypeWaarden;
}

export function statustypeWaarden(json: Record<string, unknown>): StatustypeWaarden {
  return {
    volgnummer: String(json.volgnummer ?? ''),
    omschrijving: String(json.omschrijving ?? ''),
    statustekst: String(json.statustekst ?? ''),
    informeren: json.informeren === true ? 'ja' : '',
    doorlooptijd: formatDuur(typeof json.doorlooptijd === 'string' ? json.doorlooptijd : ''),
  };
}

function statustypeInvoer(waarden: StatustypeWaarden, zaaktype: string): { invoer?: StatustypeInput; fouten: FieldErrors } {
  const fouten: FieldErrors = {};
  const volgnummer = Number(waarden.volgnummer);
  if (!/^\d{1,4}$/.test(waarden.volgnummer) || volgnummer < 1) fouten.volgnummer = 'Vul een heel getal van 1 tot en met 9999 in.';
  if (waarden.omschrijving === '') fouten.omschrijving = 'Vul de omschrijving in.';
  else if (waarden.omschrijving.length > 80) fouten.omschrijving = 'Gebruik hoogstens 80 tekens.';
  if (waarden.statustekst.length > 1000) fouten.statustekst = 'Gebruik hoogstens 1000 tekens.';
  const doorlooptijd = waarden.doorlooptijd === '' ? null : (parseDuur(waarden.doorlooptijd) ?? undefined);
  if (doorlooptijd === undefined) fouten.doorlooptijd = DURATION_MESSAGE;
  if (Object.keys(fouten).length > 0) return { fouten };
  return { fouten, invoer: { zaaktype, volgnummer, omschrijving: waarden.omschrijving, statustekst: waarden.statustekst, informeren: waarden.informeren === 'ja', doorlooptijd: doorlooptijd ?? null } };
}

/** Adds a statustype; the form's problems, or undefined when it was added. */
export async function voegStatustypeToe(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktypeUrl: string, waarden: StatustypeWaarden): Promise<FieldErrors | undefined> {
  const { invoer, fouten } = statustypeInvoer(waarden, zaaktypeUrl);
  if (!invoer) return fouten;
  await createStatustype(db, caller, base, invoer);
  return undefined;
}

export async function leesStatustypeVan(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktypeUrl: string, uuid: string): Promise<Record<string, unknown>> {
  return ofZaaktype((await retrieveStatustype(db, caller, base, uuid)) as unknown as Record<string, unknown>, zaaktypeUrl, 'statustype');
}

export async function wijzigStatustype(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktypeUrl: string, uuid: string, waarden: StatustypeWaarden): Promise<FieldErrors | undefined> {
  await leesStatustypeVan(db, caller, base, zaaktypeUrl, uuid);
  const { invoer, fouten } = statustypeInvoer(waarden, zaaktypeUrl);
  if (!invoer) return fouten;
  await changeStatustype(db, caller, base, uuid, invoer, true);
  return undefined;
}

export async function verwijderStatustype(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktypeUrl: string, uuid: string): Promise<void> {
  await leesStatustypeVan(db, caller, base, zaaktypeUrl, uuid);
  await destroyStatustype(db, caller, base, uuid);
}

// ---------------------------------------------------------------------------------------------------------------
// Resultaattypen

export const RESULTAATTYPE_VELDEN = ['omschrijving', 'resultaattypeomschrijving', 'selectielijstklasse', 'archiefnominatie', 'archiefactietermijn', 'afleidingswijze', 'procestermijn', 'toelichting'] as const;
export type ResultaattypeWaarden = Record<(typeof RESULTAATTYPE_VELDEN)[number], string>;

export const RESULTAATTYPE_LABELS: ResultaattypeWaarden = {
  omschrijving: 'Omschrijving',
  resultaattypeomschrijving: 'Soort resultaat',
  selectielijstklasse: 'Resultaat in de Selectielijst',
  archiefnominatie: 'Archiefnominatie',
  archiefactietermijn: 'Bewaartermijn',
  afleidingswijze: 'Bewaartermijn gaat in bij',
  procestermijn: 'Procestermijn',
  toelichting: 'Toelichting',
};

const AFLEIDINGSWIJZE_LABELS: Record<Afleidingswijze, string> = {
  afgehandeld: 'Afhandeling van de zaak',
  ander_datumkenmerk: 'Een ander datumkenmerk',
  eigenschap: 'Een eigenschap van de zaak',
  gerelateerde_zaak: 'Afhandeling van een gerelateerde zaak',
  hoofdzaak: 'Afhandeling van de hoofdzaak',
  ingangsdatum_besluit: 'Ingangsdatum van het besluit',
  termijn: 'Afhandeling plus de procestermijn',
  vervaldatum_besluit: 'Vervaldatum van het besluit',
  zaakobject: 'Een datum van een zaakobject',
};

/** The afleidingswijzen the form offers: those that need no further kenmerk than a procestermijn. */
const AFLEIDINGSWIJZEN_IN_FORMULIER: readonly Afleidingswijze[] = AFLEIDINGSWIJZEN.filter((wijze) => !['ander_datumkenmerk', 'eigenschap', 'zaakobject'].includes(wijze));

export const AFLEIDINGSWIJZE_OPTIES: SelectOption[] = AFLEIDINGSWIJZEN_IN_FORMULIER.map((value) => ({ value, label: AFLEIDINGSWIJZE_LABELS[value] }));

export const ARCHIEFNOMINATIE_OPTIES: SelectOption[] = [
  { value: '', label: 'Volgens de Selectielijst' },
  { value: 'blijvend_bewaren', label: 'Blijvend bewaren' },
  { value: 'vernietigen', label: 'Vernietigen' },
];

export const ARCHIEFNOMINATIE_LABELS: Record<string, string> = { blijvend_bewaren: 'Blijvend bewaren', vernietigen: 'Vernietigen' };

/** The generic resultaattypeomschrijvingen of the Referentielijsten. */
export function resultaattypeomschrijvingOpties(): SelectOption[] {
  return listResultaattypeomschrijvingen().map((item) => ({ value: publicSelectielijstUrl('resultaattypeomschrijvingen', item.url), label: item.omschrijving }));
}

/** The Selectielijst resultaten of the zaaktype's procestype; empty without a procestype. */
export function selectielijstResultaatOpties(procestypeUrl: string): SelectOption[] {
  const uuid = procestypeUrl === '' ? undefined : selectielijstUuid('procestypen', procestypeUrl);
  if (uuid === undefined) return [];
  const resultaten = listResultaten({ procesTypeUrls: [{ name: 'procesType', value: publicSelectielijstUrl('procestypen', uuid) }] }).results;
  return resultaten.map((resultaat) => {
    const waardering = typeof resultaat.waardering === 'string' ? (ARCHIEFNOMINATIE_LABELS[resultaat.waardering] ?? resultaat.waardering) : '';
    const termijn = typeof resultaat.bewaartermijn === 'string' && resultaat.bewaartermijn !== '' ? `, ${formatDuur(resultaat.bewaartermijn)}` : '';
    return { value: publicSelectielijstUrl('resultaten', resultaat.url), label: `${resultaat.volledigNummer} ${String(resultaat.naam ?? '')} (${waardering.toLowerCase()}${termijn})` };
  });
}

/** The Selectielijst resultaat's name for a stored selectielijstklasse, e.g. "1.1 Ingericht". */
export function selectielijstResultaatNaam(url: string, procestypeUrl: string): string {
  const uuid = selectielijstUuid('resultaten', url);
  const option = selectielijstResultaatOpties(procestypeUrl).find((item) => selectielijstUuid('resultaten', item.value) === uuid);
  return option?.label ?? url;
}

export function leesResultaattype(body: Record<string, unknown> | undefined): ResultaattypeWaarden {
  return Object.fromEntries(RESULTAATTYPE_VELDEN.map((veld) => [veld, textOf(body, veld)])) as ResultaattypeWaarden;
}

export function resultaattypeWaarden(json: Record<string, unknown>): ResultaattypeWaarden {
  const brondatum = (json.brondatumArchiefprocedure ?? {}) as Record<string, unknown>;
  const publiek = (resource: 'resultaten' | 'resultaattypeomschrijvingen', url: unknown) => {
    const uuid = typeof url === 'string' ? selectielijstUuid(resource, url) : undefined;
    return uuid === undefined ? String(url ?? '') : publicSelectielijstUrl(resource, uuid);
  };
  return {
    omschrijving: String(json.omschrijving ?? ''),
    resultaattypeomschrijving: publiek('resultaattypeomschrijvingen', json.resultaattypeomschrijving),
    selectielijstklasse: publiek('resultaten', json.selectielijstklasse),
    archiefnominatie: String(json.archiefnominatie ?? ''),
    archiefactietermijn: formatDuur(typeof json.archiefactietermijn === 'string' ? json.archiefactietermijn : ''),
    afleidingswijze: String(brondatum.afleidingswijze ?? 'afgehandeld'),
    procestermijn: formatDuur(typeof brondatum.procestermijn === 'string' ? brondatum.procestermijn : ''),
    toelichting: String(json.toelichting ?? ''),
  };
}

function resultaattypeInvoer(waarden: ResultaattypeWaarden, zaaktype: string): { invoer?: ResultaattypeInput; fouten: FieldErrors } {
  const fouten: FieldErrors = {};
  if (waarden.omschrijving === '') fouten.omschrijving = 'Vul de omschrijving in.';
  else if (waarden.omschrijving.length > 30) fouten.omschrijving = `Gebruik hoogstens 30 tekens (nu ${waarden.omschrijving.length}).`;
  if (waarden.resultaattypeomschrijving === '') fouten.resultaattypeomschrijving = 'Kies de soort resultaat.';
  if (waarden.selectielijstklasse === '') fouten.selectielijstklasse = 'Kies het resultaat in de Selectielijst.';
  if (!['', 'blijvend_bewaren', 'vernietigen'].includes(waarden.archiefnominatie)) fouten.archiefnominatie = 'Kies een archiefnominatie.';
  const termijn = waarden.archiefactietermijn === '' ? null : (parseDuur(waarden.archiefactietermijn) ?? undefined);
  if (termijn === undefined) fouten.archiefactietermijn = DURATION_MESSAGE;
  const afleidingswijze = AFLEIDINGSWIJZEN_IN_FORMULIER.find((wijze) => wijze === waarden.afleidingswijze);
  if (!afleidingswijze) fouten.afleidingswijze = 'Kies wanneer de bewaartermijn ingaat.';
  const procestermijn = waarden.procestermijn === '' ? null : (parseDuur(waarden.procestermijn) ?? undefined);
  if (procestermijn === undefined) fouten.procestermijn = DURATION_MESSAGE;
  if (Object.keys(fouten).length > 0 || !afleidingswijze) return { fouten };
  return {
    fouten,
    invoer: {
      zaaktype,
      omschrijving: waarden.omschrijving,
      resultaattypeomschrijving: waarden.resultaattypeomschrijving,
      selectielijstklasse: waarden.selectielijstklasse,
      toelichting: waarden.toelichting,
      archiefnominatie: waarden.archiefnominatie === 'blijvend_bewaren' || waarden.archiefnominatie === 'vernietigen' ? waarden.archiefnominatie : '',
      archiefactietermijn: termijn ?? null,
      brondatumArchiefprocedure: afleidingswijze === 'termijn' || procestermijn ? { afleidingswijze, procestermijn: procestermijn ?? null } : { afleidingswijze },
    },
  };
}

export async function voegResultaattypeToe(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktypeUrl: string, waarden: ResultaattypeWaarden): Promise<FieldErrors | undefined> {
  const { invoer, fouten } = resultaattypeInvoer(waarden, zaaktypeUrl);
  if (!invoer) return fouten;
  await createResultaattype(db, caller, base, invoer);
  return undefined;
}

export async function leesResultaattypeVan(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktypeUrl: string, uuid: string): Promise<Record<string, unknown>> {
  return ofZaaktype((await retrieveResultaattype(db, caller, base, uuid)) as unknown as Record<string, unknown>, zaaktypeUrl, 'resultaattype');
}

export async function wijzigResultaattype(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktypeUrl: string, uuid: string, waarden: ResultaattypeWaarden): Promise<FieldErrors | undefined> {
  await leesResultaattypeVan(db, caller, base, zaaktypeUrl, uuid);
  const { invoer, fouten } = resultaattypeInvoer(waarden, zaaktypeUrl);
  if (!invoer) return fouten;
  await changeResultaattype(db, caller, base, uuid, invoer, true);
  return undefined;
}

export async function verwijderResultaattype(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktypeUrl: string, uuid: string): Promise<void> {
  await leesResultaattypeVan(db, caller, base, zaaktypeUrl, uuid);
  await destroyResultaattype(db, caller, base, uuid);
}

// ---------------------------------------------------------------------------------------------------------------
// Roltypen

export const ROLTYPE_VELDEN = ['omschrijving', 'omschrijvingGeneriek'] as const;
export type RoltypeWaarden = Record<(typeof ROLTYPE_VELDEN)[number], string>;
export const ROLTYPE_LABELS: RoltypeWaarden = { omschrijving: 'Omschrijving', omschrijvingGeneriek: 'Soort rol' };

const ROL_LABELS: Record<RoltypeOmschrijvingGeneriek, string> = {
  adviseur: 'Adviseur',
  behandelaar: 'Behandelaar',
  belanghebbende: 'Belanghebbende',
  beslisser: 'Beslisser',
  initiator: 'Initiator',
  klantcontacter: 'Klantcontacter',
  zaakcoordinator: 'Zaakcoördinator',
  mede_initiator: 'Mede-initiator',
};

export const ROLTYPE_OPTIES: SelectOption[] = ROLTYPE_OMSCHRIJVINGEN_GENERIEK.map((value) => ({ value, label: ROL_LABELS[value] }));

export function leesRoltype(body: Record<string, unknown> | undefined): RoltypeWaarden {
  return { omschrijving: textOf(body, 'omschrijving'), omschrijvingGeneriek: textOf(body, 'omschrijvingGeneriek') };
}

export async function voegRoltypeToe(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktypeUrl: string, waarden: RoltypeWaarden): Promise<FieldErrors | undefined> {
  const fouten: FieldErrors = {};
  if (waarden.omschrijving === '') fouten.omschrijving = 'Vul de omschrijving in.';
  else if (waarden.omschrijving.length > 100) fouten.omschrijving = 'Gebruik hoogstens 100 tekens.';
  const generiek = ROLTYPE_OMSCHRIJVINGEN_GENERIEK.find((value) => value === waarden.omschrijvingGeneriek);
  if (!generiek) fouten.omschrijvingGeneriek = 'Kies de soort rol.';
  if (Object.keys(fouten).length > 0 || !generiek) return fouten;
  await createRoltype(db, caller, base, { zaaktype: zaaktypeUrl, omschrijving: waarden.omschrijving, omschrijvingGeneriek: generiek });
  return undefined;
}

export async function verwijderRoltype(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktypeUrl: string, uuid: string): Promise<void> {
  ofZaaktype((await retrieveRoltype(db, caller, base, uuid)) as unknown as Record<string, unknown>, zaaktypeUrl, 'roltype');
  await destroyRoltype(db, caller, base, uuid);
}
