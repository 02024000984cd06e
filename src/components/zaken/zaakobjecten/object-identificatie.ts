import { isValidBsn } from '../../../platform/personal-data/bsn.ts';
import { passesElevenTest } from '../../../platform/tenants/rsin.ts';
import { choice, integer, object, text, type Shape } from './shape.ts';

/*
 * The `objectIdentificatie` of a ZAAKOBJECT per `objectType`, as zaken-1.7.0.yaml defines them (Object…, and for
 * persons and organisations the Rol… identifications). The spec's generated schemas name the group
 * `betrokkeneIdentificatie` for the person types; the reference implementation exchanges `objectIdentificatie`
 * for every type, and so does Loket.
 */

/** Every `objectType` of the standard (ObjectTypeEnum). */
export const OBJECT_TYPES = [
  'adres',
  'besluit',
  'buurt',
  'enkelvoudig_document',
  'gemeente',
  'gemeentelijke_openbare_ruimte',
  'huishouden',
  'inrichtingselement',
  'kadastrale_onroerende_zaak',
  'kunstwerkdeel',
  'maatschappelijke_activiteit',
  'medewerker',
  'natuurlijk_persoon',
  'niet_natuurlijk_persoon',
  'openbare_ruimte',
  'organisatorische_eenheid',
  'pand',
  'spoorbaandeel',
  'status',
  'terreindeel',
  'terrein_gebouwd_object',
  'vestiging',
  'waterdeel',
  'wegdeel',
  'wijk',
  'woonplaats',
  'woz_deelobject',
  'woz_object',
  'woz_waarde',
  'zakelijk_recht',
  'overige',
] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

/** Whether a value is one of the standard's objectTypes. */
export function isObjectType(value: unknown): value is ObjectType {
  return typeof value === 'string' && (OBJECT_TYPES as readonly string[]).includes(value);
}

const bsn = text(9, { check: (value) => (value === '' || isValidBsn(value) ? undefined : 'Het BSN moet uit negen cijfers bestaan en aan de 11-proef voldoen.') });
const rsin = text(9, { check: (value) => (value === '' || passesElevenTest(value) ? undefined : 'Het RSIN moet uit negen cijfers bestaan en aan de 11-proef voldoen.') });
const huisnummer = integer(0, 99999);

const verblijfsAdres = object(
  {
    aoaIdentificatie: text(100),
    wplWoonplaatsNaam: text(80),
    gorOpenbareRuimteNaam: text(80),
    aoaPostcode: text(7),
    aoaHuisnummer: huisnummer,
    aoaHuisletter: text(1),
    aoaHuisnummertoevoeging: text(4),
    inpLocatiebeschrijving: text(1000),
  },
  ['aoaHuisnummer', 'aoaIdentificatie', 'gorOpenbareRuimteNaam', 'wplWoonplaatsNaam'],
  true,
);

const subVerblijfBuitenland = object(
  { lndLandcode: text(4), lndLandnaam: text(40), subAdresBuitenland_1: text(35), subAdresBuitenland_2: text(35), subAdresBuitenland_3: text(35) },
  ['lndLandcode', 'lndLandnaam'],
  true,
);

const natuurlijkPersoon = object({
  inpBsn: bsn,
  anpIdentificatie: text(17),
  inpA_nummer: text(10, { pattern: /^[1-9][0-9]{9}$/ }),
  geslachtsnaam: text(200),
  voorvoegselGeslachtsnaam: text(80),
  voorletters: text(20),
  voornamen: text(200),
  geslachtsaanduiding: choice(['m', 'v', 'o'], true),
  geboortedatum: text(18),
  verblijfsadres: verblijfsAdres,
  subVerblijfBuitenland,
});

const INN_RECHTSVORMEN = [
  'besloten_vennootschap',
  'cooperatie_europees_economische_samenwerking',
  'europese_cooperatieve_venootschap',
  'europese_cooperatieve_vennootschap',
  'europese_naamloze_vennootschap',
  'kerkelijke_organisatie',
  'naamloze_vennootschap',
  'onderlinge_waarborg_maatschappij',
  'overig_privaatrechtelijke_rechtspersoon',
  'stichting',
  'vereniging',
  'vereniging_van_eigenaars',
  'publiekrechtelijke_rechtspersoon',
  'vennootschap_onder_firma',
  'maatschap',
  'rederij',
  'commanditaire_vennootschap',
  'kapitaalvennootschap_binnen_eer',
  'overige_buitenlandse_rechtspersoon_vennootschap',
  'kapitaalvennootschap_buiten_eer',
];

const nietNatuurlijkPersoon = object({
  innNnpId: rsin,
  annIdentificatie: text(17),
  statutaireNaam: text(500),
  innRechtsvorm: choice(INN_RECHTSVORMEN, true),
  bezoekadres: text(1000),
  subVerblijfBuitenland,
});

const terreinGebouwdObject = (nullable: boolean): Shape =>
  object(
    {
      identificatie: text(100),
      adresAanduidingGrp: object(
        {
          numIdentificatie: text(100),
          oaoIdentificatie: text(100),
          aoaIdentificatie: text(100),
          wplWoonplaatsNaam: text(80),
          gorOpenbareRuimteNaam: text(80),
          aoaPostcode: text(7),
          aoaHuisnummer: huisnummer,
          aoaHuisletter: text(1),
          aoaHuisnummertoevoeging: text(4),
          ogoLocatieAanduiding: text(100),
        },
        ['aoaHuisnummer', 'gorOpenbareRuimteNaam', 'wplWoonplaatsNaam'],
        true,
      ),
    },
    ['identificatie'],
    nullable,
  );

const wozObject = object(
  {
    wozObjectNummer: text(100),
    aanduidingWozObject: object(
      {
        aoaIdentificatie: text(100),
        wplWoonplaatsNaam: text(80),
        gorOpenbareRuimteNaam: text(80),
        aoaPostcode: text(7),
        aoaHuisnummer: huisnummer,
        aoaHuisletter: text(1),
        aoaHuisnummertoevoeging: text(4),
        locatieOmschrijving: text(1000),
      },
      ['aoaHuisnummer', 'aoaIdentificatie', 'gorOpenbareRuimteNaam', 'wplWoonplaatsNaam'],
      true,
    ),
  },
  ['wozObjectNummer'],
);

const kadastraleOnroerendeZaak = object({ kadastraleIdentificatie: text(100), kadastraleAanduiding: text(1000) }, ['kadastraleAanduiding', 'kadastraleIdentificatie']);

/**
 * The shape of `objectIdentificatie` per objectType; undefined for the types that have none (besluit,
 * enkelvoudig_document, status: those are identified by their `object` URL only).
 */
export const OBJECT_IDENTIFICATIE: Readonly<Partial<Record<ObjectType, Shape>>> = {
  adres: object(
    {
      identificatie: text(100),
      wplWoonplaatsNaam: text(80),
      gorOpenbareRuimteNaam: text(80),
      huisnummer,
      huisletter: text(1),
      huisnummertoevoeging: text(4),
      postcode: text(7),
    },
    ['gorOpenbareRuimteNaam', 'huisnummer', 'identificatie', 'wplWoonplaatsNaam'],
  ),
  buurt: object({ buurtCode: text(2), buurtNaam: text(40), gemGemeenteCode: text(4), wykWijkCode: text(2) }, ['buurtCode', 'buurtNaam', 'gemGemeenteCode', 'wykWijkCode']),
  gemeente: object({ gemeenteNaam: text(80), gemeenteCode: text(4) }, ['gemeenteCode', 'gemeenteNaam']),
  gemeentelijke_openbare_ruimte: object({ identificatie: text(100), openbareRuimteNaam: text(80) }, ['identificatie', 'openbareRuimteNaam']),
  huishouden: object({ nummer: text(12), isGehuisvestIn: terreinGebouwdObject(true) }, ['nummer']),
  inrichtingselement: object(
    {
      type: choice(['bak', 'bord', 'installatie', 'kast', 'mast', 'paal', 'sensor', 'straatmeubilair', 'waterinrichtingselement', 'weginrichtingselement']),
      identificatie: text(100),
      naam: text(500),
    },
    ['identificatie', 'type'],
  ),
  kadastrale_onroerende_zaak: kadastraleOnroerendeZaak,
  kunstwerkdeel: object(
    {
      type: choice(['keermuur', 'overkluizing', 'duiker', 'faunavoorziening', 'vispassage', 'bodemval', 'coupure', 'ponton', 'voorde', 'hoogspanningsmast', 'gemaal', 'perron', 'sluis', 'strekdam', 'steiger', 'stuw']),
      identificatie: text(100),
      naam: text(80),
    },
    ['identificatie', 'naam', 'type'],
  ),
  maatschappelijke_activiteit: object({ kvkNummer: text(8), handelsnaam: text(200) }, ['handelsnaam', 'kvkNummer']),
  medewerker: object({ identificatie: text(254), achternaam: text(200), voorletters: text(20), voorvoegselAchternaam: text(10) }),
  natuurlijk_persoon: natuurlijkPersoon,
  niet_natuurlijk_persoon: nietNatuurlijkPersoon,
  openbare_ruimte: object({ identificatie: text(100), wplWoonplaatsNaam: text(80), gorOpenbareRuimteNaam: text(80) }, ['gorOpenbareRuimteNaam', 'identificatie', 'wplWoonplaatsNaam']),
  organisatorische_eenheid: object({ identificatie: text(24), naam: text(50), isGehuisvestIn: text(24) }),
  pand: object({ identificatie: text(100) }, ['identificatie']),
  spoorbaandeel: object({ type: choice(['breedspoor', 'normaalspoor', 'smalspoor', 'spoorbaan']), identificatie: text(100), naam: text(500) }, ['identificatie', 'type']),
  terreindeel: object({ type: text(40), identificatie: text(100), naam: text(500) }, ['identificatie', 'type']),
  terrein_gebouwd_object: terreinGebouwdObject(false),
  vestiging: object({
    vestigingsNummer: text(24),
    handelsnaam: { kind: 'array', items: text(625) },
    verblijfsadres: verblijfsAdres,
    subVerblijfBuitenland,
    kvkNummer: text(8),
  }),
  waterdeel: object({ typeWaterdeel: choice(['zee', 'waterloop', 'watervlakte', 'greppel_droge_sloot']), identificatie: text(100), naam: text(500) }, ['identificatie', 'typeWaterdeel']),
  wegdeel: object({ type: text(100), identificatie: text(100), naam: text(500) }, ['identificatie', 'type']),
  wijk: object({ wijkCode: text(2), wijkNaam: text(40), gemGemeenteCode: text(4) }, ['gemGemeenteCode', 'wijkCode', 'wijkNaam']),
  woonplaats: object({ identificatie: text(100), woonplaatsNaam: text(80) }, ['identificatie', 'woonplaatsNaam']),
  woz_deelobject: object({ nummerWozDeelObject: text(6), isOnderdeelVan: wozObject }, ['nummerWozDeelObject']),
  woz_object: wozObject,
  woz_waarde: object({ waardepeildatum: text(9), isVoor: wozObject }, ['waardepeildatum']),
  zakelijk_recht: object(
    {
      identificatie: text(100),
      avgAard: text(1000),
      heeftBetrekkingOp: kadastraleOnroerendeZaak,
      heeftAlsGerechtigde: object({ natuurlijkPersoon, nietNatuurlijkPersoon }),
    },
    ['avgAard', 'identificatie'],
  ),
  overige: object({ overigeData: { kind: 'free-object' } }, ['overigeData']),
};

function stringAt(value: unknown, ...path: string[]): string | undefined {
  let node = value;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return typeof node === 'string' && node !== '' ? node : undefined;
}

/**
 * The BSNs a zaakobject's identification holds: the natuurlijk persoon's own, or a zakelijk recht's gerechtigde.
 * Reading or writing them is processing of that person's data.
 */
export function bsnsOf(objectType: string, identificatie: unknown): string[] {
  const found =
    objectType === 'natuurlijk_persoon'
      ? stringAt(identificatie, 'inpBsn')
      : objectType === 'zakelijk_recht'
        ? stringAt(identificatie, 'heeftAlsGerechtigde', 'natuurlijkPersoon', 'inpBsn')
        : undefined;
  return found !== undefined && isValidBsn(found) ? [found] : [];
}
