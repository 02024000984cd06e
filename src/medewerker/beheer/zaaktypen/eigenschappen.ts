import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import type { EigenschapInput } from '../../../components/catalogi/eigenschappen/schemas.ts';
import { changeEigenschap, createEigenschap, destroyEigenschap, retrieveEigenschap } from '../../../components/catalogi/eigenschappen/service.ts';
import { FORMATEN, type Formaat } from '../../../components/catalogi/eigenschappen/specificatie.ts';
import { textOf, type FieldErrors, type SelectOption } from '../velden.ts';
import { leesbareReden } from './gepubliceerd.ts';
import type { BeheerCatalogiCaller } from './zaaktype-gegevens.ts';

/*
 * The eigenschappen of a concept zaaktype: the data a zaak of the type carries besides the standard ones (a kenteken,
 * a datum van het evenement). The form reads into the Catalogi API's EigenschapInput and goes through its service,
 * which checks the specificatie (lengte per formaat, ztc-015, the waardenverzameling) and the concept rules; the
 * form only checks what the API's JSON schema would, since the service is called without it.
 */

export const EIGENSCHAP_VELDEN = ['naam', 'definitie', 'formaat', 'lengte', 'kardinaliteit', 'waardenverzameling', 'toelichting'] as const;
export type EigenschapVeld = (typeof EIGENSCHAP_VELDEN)[number];
export type EigenschapWaarden = Record<EigenschapVeld, string>;

export const EIGENSCHAP_LABELS: EigenschapWaarden = {
  naam: 'Naam',
  definitie: 'Definitie',
  formaat: 'Formaat',
  lengte: 'Lengte',
  kardinaliteit: 'Aantal waarden',
  waardenverzameling: 'Toegestane waarden',
  toelichting: 'Toelichting',
};

const FORMAAT_LABELS: Record<Formaat, string> = {
  tekst: 'Tekst',
  getal: 'Getal',
  datum: 'Datum (jjjjmmdd)',
  datum_tijd: 'Datum en tijd (jjjjmmdduummss)',
};

export const FORMAAT_OPTIES: SelectOption[] = FORMATEN.map((value) => ({ value, label: FORMAAT_LABELS[value] }));

/** The values an empty form starts with. */
export const NIEUWE_EIGENSCHAP: EigenschapWaarden = { naam: '', definitie: '', formaat: 'tekst', lengte: '', kardinaliteit: '1', waardenverzameling: '', toelichting: '' };

/** The values as posted; the waardenverzameling is one value a line. */
export function leesEigenschap(body: Record<string, unknown> | undefined): EigenschapWaarden {
  return Object.fromEntries(EIGENSCHAP_VELDEN.map((veld) => [veld, textOf(body, veld)])) as EigenschapWaarden;
}

/** A stored eigenschap (API JSON) as the form shows it. */
export function eigenschapWaarden(json: Record<string, unknown>): EigenschapWaarden {
  const specificatie = (json.specificatie ?? {}) as Record<string, unknown>;
  const waarden = Array.isArray(specificatie.waardenverzameling) ? specificatie.waardenverzameling.map(String) : [];
  return {
    naam: String(json.naam ?? ''),
    definitie: String(json.definitie ?? ''),
    formaat: String(specificatie.formaat ?? ''),
    lengte: String(specificatie.lengte ?? ''),
    kardinaliteit: String(specificatie.kardinaliteit ?? ''),
    waardenverzameling: waarden.join('\n'),
    toelichting: String(json.toelichting ?? ''),
  };
}

/** How an eigenschap's specificatie reads in a list, e.g. "tekst van hoogstens 8 tekens, één waarde". */
export function specificatieTekst(json: Record<string, unknown>): string {
  const specificatie = (json.specificatie ?? {}) as Record<string, unknown>;
  const formaat = String(specificatie.formaat ?? '');
  const lengte = String(specificatie.lengte ?? '');
  const kardinaliteit = String(specificatie.kardinaliteit ?? '');
  const soort = formaat === 'tekst' ? `tekst van hoogstens ${lengte} tekens` : formaat === 'getal' ? `getal (${lengte})` : formaat === 'datum' ? 'datum' : formaat === 'datum_tijd' ? 'datum en tijd' : formaat;
  const aantal = kardinaliteit === 'N' ? 'meer waarden' : kardinaliteit === '1' ? 'één waarde' : `hoogstens ${kardinaliteit} waarden`;
  const waarden = Array.isArray(specificatie.waardenverzameling) && specificatie.waardenverzameling.length > 0 ? `, uit: ${specificatie.waardenverzameling.map(String).join(', ')}` : '';
  return `${soort}, ${aantal}${waarden}`;
}

function waardenLijst(tekst: string): string[] {
  return tekst
    .split(/\r?\n/)
    .map((waarde) => waarde.trim())
    .filter((waarde) => waarde !== '');
}

/** The EigenschapInput for the posted values, or what the JSON schema would have refused, in Dutch. */
function eigenschapInvoer(waarden: EigenschapWaarden, zaaktype: string): { invoer?: EigenschapInput; fouten: FieldErrors } {
  const fouten: FieldErrors = {};
  if (waarden.naam === '') fouten.naam = 'Vul de naam in.';
  else if (waarden.naam.length > 20) fouten.naam = `Gebruik hoogstens 20 tekens (nu ${waarden.naam.length}).`;
  if (waarden.definitie === '') fouten.definitie = 'Vul de definitie in.';
  else if (waarden.definitie.length > 255) fouten.definitie = `Gebruik hoogstens 255 tekens (nu ${waarden.definitie.length}).`;
  const formaat = FORMATEN.find((value) => value === waarden.formaat);
  if (!formaat) fouten.formaat = 'Kies een formaat.';
  // A date has one lengte (ztc-015), so an empty lengte there means that one.
  const lengte = waarden.lengte === '' && formaat === 'datum' ? '8' : waarden.lengte === '' && formaat === 'datum_tijd' ? '14' : waarden.lengte;
  if (lengte === '') fouten.lengte = 'Vul de lengte in: een aantal tekens of cijfers.';
  else if (lengte.length > 14) fouten.lengte = 'Gebruik hoogstens 14 tekens.';
  if (waarden.kardinaliteit === '') fouten.kardinaliteit = 'Vul het aantal waarden in: 1 of meer, of N voor onbeperkt.';
  else if (waarden.kardinaliteit.length > 3) fouten.kardinaliteit = 'Gebruik hoogstens 3 tekens: een getal, of N voor onbeperkt.';
  const waardenverzameling = waardenLijst(waarden.waardenverzameling);
  const teLang = waardenverzameling.find((waarde) => waarde.length > 100);
  if (teLang !== undefined) fouten.waardenverzameling = `Een waarde heeft hoogstens 100 tekens: "${teLang.slice(0, 30)}…" is langer.`;
  if (waarden.toelichting.length > 1000) fouten.toelichting = `Gebruik hoogstens 1000 tekens (nu ${waarden.toelichting.length}).`;
  if (Object.keys(fouten).length > 0 || !formaat) return { fouten };
  return {
    fouten,
    invoer: { zaaktype, naam: waarden.naam, definitie: waarden.definitie, toelichting: waarden.toelichting, specificatie: { formaat, lengte, kardinaliteit: waarden.kardinaliteit, waardenverzameling } },
  };
}

/**
 * The service's problems beside the eigenschap's fields: `specificatie.lengte` is the lengte field, every
 * `specificatie.waardenverzameling.<n>` the one waardenverzameling field, and a unique-together refusal the naam.
 */
export function eigenschapFouten(problems: readonly InvalidParam[], prefix: string): FieldErrors {
  const fouten: FieldErrors = {};
  for (const problem of problems) {
    const naam = problem.name === 'nonFieldErrors' && problem.code === 'unique' ? 'naam' : problem.name.startsWith('specificatie.waardenverzameling') ? 'waardenverzameling' : (problem.name.replace(/^specificatie\./, '') as string);
    const key = (EIGENSCHAP_VELDEN as readonly string[]).includes(naam) ? `${prefix}${naam}` : `${prefix}algemeen`;
    if (fouten[key]?.includes(leesbareReden(problem))) continue;
    const reden = leesbareReden(problem);
    fouten[key] = fouten[key] ? `${fouten[key]} ${reden}` : reden;
  }
  return fouten;
}

/** Adds an eigenschap; the form's problems, or undefined when it was added. */
export async function voegEigenschapToe(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktypeUrl: string, waarden: EigenschapWaarden): Promise<FieldErrors | undefined> {
  const { invoer, fouten } = eigenschapInvoer(waarden, zaaktypeUrl);
  if (!invoer) return fouten;
  await createEigenschap(db, caller, base, invoer);
  return undefined;
}

/** The eigenschap (API JSON), when it belongs to the zaaktype; not_found otherwise. */
export async function leesEigenschapVan(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktypeUrl: string, uuid: string): Promise<Record<string, unknown>> {
  const json = (await retrieveEigenschap(db, caller, base, uuid)) as unknown as Record<string, unknown>;
  if (json.zaaktype !== zaaktypeUrl) throw new ProblemError('not_found', 'Deze eigenschap hoort niet bij dit zaaktype.');
  return json;
}

/** Changes an eigenschap of the zaaktype (PUT: the form shows every writable attribute it keeps). */
export async function wijzigEigenschap(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktypeUrl: string, uuid: string, waarden: EigenschapWaarden): Promise<FieldErrors | undefined> {
  const stored = await leesEigenschapVan(db, caller, base, zaaktypeUrl, uuid);
  const { invoer, fouten } = eigenschapInvoer(waarden, zaaktypeUrl);
  if (!invoer) return fouten;
  // The groep is not on the form; it stays as it was.
  const groep = ((stored.specificatie ?? {}) as Record<string, unknown>).groep;
  await changeEigenschap(db, caller, base, uuid, { ...invoer, specificatie: { ...invoer.specificatie, ...(typeof groep === 'string' ? { groep } : {}) } }, false);
  return undefined;
}

export async function verwijderEigenschap(db: Kysely<Database>, caller: BeheerCatalogiCaller, base: string, zaaktypeUrl: string, uuid: string): Promise<void> {
  await leesEigenschapVan(db, caller, base, zaaktypeUrl, uuid);
  await destroyEigenschap(db, caller, base, uuid);
}
