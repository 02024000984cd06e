import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { VERTROUWELIJKHEIDAANDUIDINGEN } from '../../../platform/auth/autorisaties.ts';
import { listProcestypen } from '../../../components/referentielijsten/service.ts';
import { publicSelectielijstUrl, selectielijstUuid } from '../../../components/catalogi/uitwisseling/selectielijst.ts';
import type { ZaaktypeJson } from '../../../components/catalogi/zaaktypen/present.ts';
import type { ZaaktypeInput } from '../../../components/catalogi/zaaktypen/schemas.ts';
import { formatDuur, parseDuur } from '../duur.ts';
import { textOf, type FieldErrors, type SelectOption } from '../velden.ts';

/*
 * The zaaktype form: what a beheerder fills in (durations in words, a Selectielijst procestype from the shipped
 * Referentielijsten), read into the Catalogi API's ZaaktypeInput, and the service's problems put back beside the
 * fields they concern. The form's field names are the API's attribute names, so a problem finds its field by name.
 */

/** The values as typed, by field name. */
export type ZaaktypeWaarden = Record<ZaaktypeVeld, string>;

export const ZAAKTYPE_VELDEN = [
  'catalogus',
  'identificatie',
  'omschrijving',
  'vertrouwelijkheidaanduiding',
  'doel',
  'aanleiding',
  'onderwerp',
  'handelingInitiator',
  'handelingBehandelaar',
  'indicatieInternOfExtern',
  'doorlooptijd',
  'servicenorm',
  'opschortingEnAanhoudingMogelijk',
  'verlengingMogelijk',
  'verlengingstermijn',
  'selectielijstProcestype',
  'referentieprocesNaam',
  'verantwoordelijke',
  'publicatieIndicatie',
  'toelichting',
  'beginGeldigheid',
] as const;
export type ZaaktypeVeld = (typeof ZAAKTYPE_VELDEN)[number];

export const ZAAKTYPE_LABELS: Record<ZaaktypeVeld, string> = {
  catalogus: 'Catalogus',
  identificatie: 'Identificatie',
  omschrijving: 'Omschrijving',
  vertrouwelijkheidaanduiding: 'Vertrouwelijkheid',
  doel: 'Doel',
  aanleiding: 'Aanleiding',
  onderwerp: 'Onderwerp',
  handelingInitiator: 'Handeling van de initiator',
  handelingBehandelaar: 'Handeling van de behandelaar',
  indicatieInternOfExtern: 'Intern of extern',
  doorlooptijd: 'Doorlooptijd (wettelijke termijn)',
  servicenorm: 'Servicenorm',
  opschortingEnAanhoudingMogelijk: 'Opschorten en aanhouden mogelijk',
  verlengingMogelijk: 'Verlengen mogelijk',
  verlengingstermijn: 'Verlengingstermijn',
  selectielijstProcestype: 'Procestype in de Selectielijst',
  referentieprocesNaam: 'Referentieproces',
  verantwoordelijke: 'Verantwoordelijke',
  publicatieIndicatie: 'Publiceren',
  toelichting: 'Toelichting',
  beginGeldigheid: 'Geldig vanaf',
};

/** How the aanduidingen read. */
export const VERTROUWELIJKHEID_LABELS: Record<string, string> = {
  openbaar: 'Openbaar',
  beperkt_openbaar: 'Beperkt openbaar',
  intern: 'Intern',
  zaakvertrouwelijk: 'Zaakvertrouwelijk',
  vertrouwelijk: 'Vertrouwelijk',
  confidentieel: 'Confidentieel',
  geheim: 'Geheim',
  zeer_geheim: 'Zeer geheim',
};

export const VERTROUWELIJKHEID_OPTIES: SelectOption[] = VERTROUWELIJKHEIDAANDUIDINGEN.map((value) => ({ value, label: VERTROUWELIJKHEID_LABELS[value] ?? value }));

/** The Selectielijst procestypen to choose from (the value is the public Referentielijsten URL the API stores). */
export function procestypeOpties(): SelectOption[] {
  return [
    { value: '', label: 'Nog geen procestype' },
    ...listProcestypen({}).map((procestype) => ({ value: publicSelectielijstUrl('procestypen', procestype.url), label: `${procestype.nummer}. ${procestype.naam} (${procestype.jaar})` })),
  ];
}

/** The values a new zaaktype's form starts with. */
export function nieuweWaarden(defaults: { catalogus: string; verantwoordelijke: string; vandaag: string }): ZaaktypeWaarden {
  const waarden = Object.fromEntries(ZAAKTYPE_VELDEN.map((veld) => [veld, ''])) as ZaaktypeWaarden;
  return {
    ...waarden,
    catalogus: defaults.catalogus,
    vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
    indicatieInternOfExtern: 'extern',
    handelingInitiator: 'Aanvragen',
    handelingBehandelaar: 'Behandelen',
    verantwoordelijke: defaults.verantwoordelijke.slice(0, 50),
    beginGeldigheid: defaults.vandaag,
  };
}

/** A stored zaaktype as the form shows it (durations in words). */
export function waardenVan(zaaktype: ZaaktypeJson): ZaaktypeWaarden {
  const json = zaaktype as unknown as Record<string, unknown>;
  const tekst = (name: string) => (typeof json[name] === 'string' ? (json[name] as string) : '');
  const vlag = (name: string) => (json[name] === true ? 'ja' : '');
  const referentieproces = json.referentieproces as { naam?: string } | undefined;
  const procestype = tekst('selectielijstProcestype');
  const procestypeUuid = procestype === '' ? undefined : selectielijstUuid('procestypen', procestype);
  return {
    catalogus: tekst('catalogus'),
    identificatie: tekst('identificatie'),
    omschrijving: tekst('omschrijving'),
    vertrouwelijkheidaanduiding: tekst('vertrouwelijkheidaanduiding'),
    doel: tekst('doel'),
    aanleiding: tekst('aanleiding'),
    onderwerp: tekst('onderwerp'),
    handelingInitiator: tekst('handelingInitiator'),
    handelingBehandelaar: tekst('handelingBehandelaar'),
    indicatieInternOfExtern: tekst('indicatieInternOfExtern'),
    doorlooptijd: formatDuur(tekst('doorlooptijd')),
    servicenorm: formatDuur(tekst('servicenorm')),
    opschortingEnAanhoudingMogelijk: vlag('opschortingEnAanhoudingMogelijk'),
    verlengingMogelijk: vlag('verlengingMogelijk'),
    verlengingstermijn: formatDuur(tekst('verlengingstermijn')),
    selectielijstProcestype: procestypeUuid === undefined ? procestype : publicSelectielijstUrl('procestypen', procestypeUuid),
    referentieprocesNaam: referentieproces?.naam ?? '',
    verantwoordelijke: tekst('verantwoordelijke'),
    publicatieIndicatie: vlag('publicatieIndicatie'),
    toelichting: tekst('toelichting'),
    beginGeldigheid: tekst('beginGeldigheid'),
  };
}

/** The values as posted. */
export function leesWaarden(body: Record<string, unknown> | undefined): ZaaktypeWaarden {
  return Object.fromEntries(ZAAKTYPE_VELDEN.map((veld) => [veld, textOf(body, veld)])) as ZaaktypeWaarden;
}

const VERPLICHT: readonly ZaaktypeVeld[] = ['identificatie', 'omschrijving', 'doel', 'aanleiding', 'onderwerp', 'handelingInitiator', 'handelingBehandelaar', 'doorlooptijd', 'referentieprocesNaam', 'verantwoordelijke', 'beginGeldigheid'];

const MAXIMA: Partial<Record<ZaaktypeVeld, number>> = { identificatie: 50, omschrijving: 80, onderwerp: 80, handelingInitiator: 20, handelingBehandelaar: 20, referentieprocesNaam: 80, verantwoordelijke: 50 };

/** What the form sets of a zaaktype; its relations (besluittypen, producten, …) keep what they have. */
export type ZaaktypeFormInvoer = Omit<ZaaktypeInput, 'besluittypen' | 'gerelateerdeZaaktypen' | 'productenOfDiensten'>;

/**
 * The ZaaktypeInput for the posted values, or the problems found before the service is asked (empty required
 * fields, durations that cannot be read). The service checks everything else and answers in invalidParams.
 */
export function alsInvoer(waarden: ZaaktypeWaarden, catalogusVerplicht: boolean): { invoer?: ZaaktypeFormInvoer; fouten: FieldErrors } {
  const fouten: FieldErrors = {};
  for (const veld of VERPLICHT) if (waarden[veld] === '') fouten[veld] = `Vul ${ZAAKTYPE_LABELS[veld].toLowerCase()} in.`;
  if (catalogusVerplicht && waarden.catalogus === '') fouten.catalogus = 'Kies een catalogus.';
  for (const [veld, maximum] of Object.entries(MAXIMA) as [ZaaktypeVeld, number][]) {
    if (waarden[veld].length > maximum) fouten[veld] = `Gebruik hoogstens ${maximum} tekens (nu ${waarden[veld].length}).`;
  }
  if (waarden.identificatie !== '' && !/^[A-Za-z0-9._-]+$/.test(waarden.identificatie)) fouten.identificatie = 'Gebruik alleen letters, cijfers, punten, streepjes en liggende streepjes, zonder spaties.';
  if (!(VERTROUWELIJKHEIDAANDUIDINGEN as readonly string[]).includes(waarden.vertrouwelijkheidaanduiding)) fouten.vertrouwelijkheidaanduiding = 'Kies een vertrouwelijkheid.';
  if (waarden.indicatieInternOfExtern !== 'intern' && waarden.indicatieInternOfExtern !== 'extern') fouten.indicatieInternOfExtern = 'Kies intern of extern.';
  if (waarden.beginGeldigheid !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(waarden.beginGeldigheid)) fouten.beginGeldigheid = 'Vul een datum in als 2026-01-31.';
  const duren: Partial<Record<'doorlooptijd' | 'servicenorm' | 'verlengingstermijn', string | null>> = {};
  for (const veld of ['doorlooptijd', 'servicenorm', 'verlengingstermijn'] as const) {
    if (waarden[veld] === '') {
      duren[veld] = null;
      continue;
    }
    const iso = parseDuur(waarden[veld]);
    if (iso === undefined) fouten[veld] = 'Schrijf een termijn als "8 weken", "10 dagen" of "1 jaar en 6 maanden".';
    else duren[veld] = iso;
  }
  const verlenging = waarden.verlengingMogelijk === 'ja';
  if (verlenging && waarden.verlengingstermijn === '') fouten.verlengingstermijn = 'Vul de verlengingstermijn in, want verlengen is mogelijk.';
  if (!verlenging && waarden.verlengingstermijn !== '') fouten.verlengingstermijn = 'Laat leeg als verlengen niet mogelijk is, of vink verlengen aan.';
  if (Object.keys(fouten).length > 0) return { fouten };
  return {
    fouten,
    invoer: {
      catalogus: waarden.catalogus,
      identificatie: waarden.identificatie,
      omschrijving: waarden.omschrijving,
      vertrouwelijkheidaanduiding: waarden.vertrouwelijkheidaanduiding,
      doel: waarden.doel,
      aanleiding: waarden.aanleiding,
      toelichting: waarden.toelichting,
      indicatieInternOfExtern: waarden.indicatieInternOfExtern === 'intern' ? 'intern' : 'extern',
      handelingInitiator: waarden.handelingInitiator,
      onderwerp: waarden.onderwerp,
      handelingBehandelaar: waarden.handelingBehandelaar,
      doorlooptijd: duren.doorlooptijd ?? '',
      servicenorm: duren.servicenorm ?? null,
      opschortingEnAanhoudingMogelijk: waarden.opschortingEnAanhoudingMogelijk === 'ja',
      verlengingMogelijk: verlenging,
      verlengingstermijn: duren.verlengingstermijn ?? null,
      publicatieIndicatie: waarden.publicatieIndicatie === 'ja',
      selectielijstProcestype: waarden.selectielijstProcestype,
      referentieproces: { naam: waarden.referentieprocesNaam },
      verantwoordelijke: waarden.verantwoordelijke,
      beginGeldigheid: waarden.beginGeldigheid,
    },
  };
}

/**
 * The service's problems beside the fields: a problem names an API attribute (`referentieproces.naam`); one that
 * concerns no field of the form (a relation, nonFieldErrors other than a unique-together on `uniekVeld`) is kept under `<prefix>algemeen`, shown at the top.
 */
export function foutenUitProblemen(problems: readonly InvalidParam[], velden: readonly string[], prefix = '', uniekVeld?: string): FieldErrors {
  const fouten: FieldErrors = {};
  for (const problem of problems) {
    // A unique-together refusal names no attribute; the form knows which of its fields makes the part unique.
    const uniek = uniekVeld !== undefined && problem.name === 'nonFieldErrors' && problem.code === 'unique';
    const naam = uniek ? uniekVeld : problem.name === 'referentieproces.naam' ? 'referentieprocesNaam' : (problem.name.split('.').at(-1) ?? problem.name);
    const key = velden.includes(naam) ? `${prefix}${naam}` : `${prefix}algemeen`;
    fouten[key] = fouten[key] ? `${fouten[key]} ${problem.reason}` : problem.reason;
  }
  return fouten;
}
