import type { ZaakRow } from '../shared/zaak-reference.ts';
import { catalogiBaseUrlFrom, zaakUrl } from '../shared/urls.ts';

/** `Zaak.verlenging`. */
export interface Verlenging {
  reden: string;
  duur: string;
}

/** `Zaak.opschorting`. */
export interface Opschorting {
  indicatie: boolean;
  reden: string;
}

/** `Zaak.processobject`. */
export interface Processobject {
  datumkenmerk: string;
  identificatie: string;
  objecttype: string;
  registratie: string;
}

/** `Zaak.relevanteAndereZaken[]`. */
export interface RelevanteZaak {
  url: string;
  aardRelatie: 'vervolg' | 'onderwerp' | 'bijdrage';
}

/** `Zaak.kenmerken[]`. */
export interface ZaakKenmerk {
  kenmerk: string;
  bron: string;
}

/** What `zaken.data` holds: the attributes the API neither filters nor orders on, under the API's names. */
export interface ZaakData {
  toelichting?: string;
  communicatiekanaal?: string;
  productenOfDiensten?: string[];
  betalingsindicatie?: string;
  laatsteBetaaldatum?: string | null;
  verlenging?: Verlenging | null;
  opschorting?: Opschorting | null;
  selectielijstklasse?: string;
  relevanteAndereZaken?: RelevanteZaak[];
  kenmerken?: ZaakKenmerk[];
  opdrachtgevendeOrganisatie?: string;
  processobjectaard?: string | null;
  startdatumBewaartermijn?: string | null;
  processobject?: Processobject | null;
}

/** The zaak's relations that the API lists as URLs, by uuid (read from their tables, see relation-repository.ts). */
export interface ZaakRelations {
  /** The current status: the one with the latest datumStatusGezet. */
  status: string | null;
  resultaat: string | null;
  rollen: string[];
  eigenschappen: string[];
  zaakinformatieobjecten: string[];
  zaakobjecten: string[];
  deelzaken: string[];
}

/** A zaak without relations (just created). */
export const NO_RELATIONS: ZaakRelations = { status: null, resultaat: null, rollen: [], eigenschappen: [], zaakinformatieobjecten: [], zaakobjecten: [], deelzaken: [] };

/** `betalingsindicatieWeergave`: the standard's explanation of each value. */
export const BETALINGSINDICATIE_WEERGAVE: Record<string, string> = {
  '': '',
  nvt: 'Er is geen sprake van te betalen, met de zaak gemoeide, kosten.',
  nog_niet: 'De met de zaak gemoeide kosten zijn (nog) niet betaald.',
  gedeeltelijk: 'De met de zaak gemoeide kosten zijn gedeeltelijk betaald.',
  geheel: 'De met de zaak gemoeide kosten zijn geheel betaald.',
};

/** The `Zaak` resource (zaken-1.7.0.yaml), with `_expand` when the client asked for it. */
export interface ZaakJson {
  url: string;
  uuid: string;
  identificatie: string;
  bronorganisatie: string;
  omschrijving: string;
  toelichting: string;
  zaaktype: string;
  registratiedatum: string;
  verantwoordelijkeOrganisatie: string;
  startdatum: string;
  einddatum: string | null;
  einddatumGepland: string | null;
  uiterlijkeEinddatumAfdoening: string | null;
  publicatiedatum: string | null;
  /** Left out when none is known: the spec types it `format: uri`, which an empty string does not satisfy. */
  communicatiekanaal?: string;
  productenOfDiensten: string[];
  vertrouwelijkheidaanduiding: string;
  betalingsindicatie: string;
  betalingsindicatieWeergave: string;
  laatsteBetaaldatum: string | null;
  zaakgeometrie: Record<string, unknown> | null;
  verlenging: Verlenging | null;
  opschorting: Opschorting;
  /** Left out when none is known (`format: uri`). */
  selectielijstklasse?: string;
  hoofdzaak: string | null;
  deelzaken: string[];
  relevanteAndereZaken: RelevanteZaak[];
  eigenschappen: string[];
  rollen: string[];
  status: string | null;
  zaakinformatieobjecten: string[];
  zaakobjecten: string[];
  kenmerken: ZaakKenmerk[];
  archiefnominatie: string | null;
  archiefstatus: string;
  archiefactiedatum: string | null;
  resultaat: string | null;
  opdrachtgevendeOrganisatie: string;
  processobjectaard: string;
  startdatumBewaartermijn: string | null;
  processobject: Processobject;
  _expand?: Record<string, unknown>;
}

/** The row's `data` as what it holds. */
export function zaakData(row: Pick<ZaakRow, 'data'>): ZaakData {
  return row.data as ZaakData;
}

/** The Catalogi API URL of a zaaktype beside this Zaken API. */
export function zaaktypeUrl(base: string, uuid: string): string {
  return `${catalogiBaseUrlFrom(base)}/zaaktypen/${uuid}`;
}

/**
 * A zaak as API JSON, given the Zaken API's base URL (e.g. `https://host/zaken/api/v1`). Gegevensgroepen always
 * answer their nested structure (zrc-012): an unset opschorting and processobject as empty values, an unset
 * verlenging as null (its `duur` has no empty form), as the reference implementation does.
 */
export function presentZaak(row: ZaakRow, relations: ZaakRelations, base: string): ZaakJson {
  const data = zaakData(row);
  return {
    url: zaakUrl(base, row.uuid),
    uuid: row.uuid,
    identificatie: row.identificatie,
    bronorganisatie: row.bronorganisatie,
    omschrijving: row.omschrijving,
    toelichting: data.toelichting ?? '',
    zaaktype: zaaktypeUrl(base, row.zaaktype_uuid),
    registratiedatum: row.registratiedatum,
    verantwoordelijkeOrganisatie: row.verantwoordelijke_organisatie,
    startdatum: row.startdatum,
    einddatum: row.einddatum,
    einddatumGepland: row.einddatum_gepland,
    uiterlijkeEinddatumAfdoening: row.uiterlijke_einddatum_afdoening,
    publicatiedatum: row.publicatiedatum,
    ...(data.communicatiekanaal ? { communicatiekanaal: data.communicatiekanaal } : {}),
    productenOfDiensten: data.productenOfDiensten ?? [],
    vertrouwelijkheidaanduiding: row.vertrouwelijkheidaanduiding,
    betalingsindicatie: data.betalingsindicatie ?? '',
    betalingsindicatieWeergave: BETALINGSINDICATIE_WEERGAVE[data.betalingsindicatie ?? ''] ?? '',
    laatsteBetaaldatum: data.laatsteBetaaldatum ?? null,
    zaakgeometrie: row.zaakgeometrie,
    verlenging: data.verlenging ?? null,
    opschorting: data.opschorting ?? { indicatie: false, reden: '' },
    ...(data.selectielijstklasse ? { selectielijstklasse: data.selectielijstklasse } : {}),
    hoofdzaak: row.hoofdzaak_uuid === null ? null : zaakUrl(base, row.hoofdzaak_uuid),
    deelzaken: relations.deelzaken.map((uuid) => zaakUrl(base, uuid)),
    relevanteAndereZaken: data.relevanteAndereZaken ?? [],
    eigenschappen: relations.eigenschappen.map((uuid) => `${zaakUrl(base, row.uuid)}/zaakeigenschappen/${uuid}`),
    rollen: relations.rollen.map((uuid) => `${base}/rollen/${uuid}`),
    status: relations.status === null ? null : `${base}/statussen/${relations.status}`,
    zaakinformatieobjecten: relations.zaakinformatieobjecten.map((uuid) => `${base}/zaakinformatieobjecten/${uuid}`),
    zaakobjecten: relations.zaakobjecten.map((uuid) => `${base}/zaakobjecten/${uuid}`),
    kenmerken: data.kenmerken ?? [],
    archiefnominatie: row.archiefnominatie,
    archiefstatus: row.archiefstatus,
    archiefactiedatum: row.archiefactiedatum,
    resultaat: relations.resultaat === null ? null : `${base}/resultaten/${relations.resultaat}`,
    opdrachtgevendeOrganisatie: data.opdrachtgevendeOrganisatie ?? '',
    processobjectaard: data.processobjectaard ?? '',
    startdatumBewaartermijn: data.startdatumBewaartermijn ?? null,
    processobject: data.processobject ?? { datumkenmerk: '', identificatie: '', objecttype: '', registratie: '' },
  };
}

/** How a zaak is named in its audit trail. */
export function zaakWeergave(row: Pick<ZaakRow, 'identificatie' | 'bronorganisatie'>): string {
  return `${row.identificatie} (${row.bronorganisatie})`;
}
