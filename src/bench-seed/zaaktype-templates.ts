import type { Vertrouwelijkheidaanduiding } from '../platform/auth/autorisaties.ts';

/*
 * The zaaktypen a seeded municipality handles: the everyday work of a gemeente, each tied to its Selectielijst 2020
 * procestype and to resultaten of that procestype whose procestermijn is 'nihil' (so the archiefactiedatum follows
 * from the date the zaak was closed: brondatum afleidingswijze 'afgehandeld'). `selectielijst.ts` checks these
 * numbers against the shipped dataset, so a typo fails loudly instead of seeding a wrong reference.
 */

/** One resultaattype: the Selectielijst resultaat (volledigNummer), its name here, its generic omschrijving, how often. */
export interface ResultaattypeTemplate {
  volledigNummer: string;
  omschrijving: string;
  generiek: 'Toegekend' | 'Afgewezen' | 'Ingetrokken';
  weight: number;
}

export interface ZaaktypeTemplate {
  identificatie: string;
  omschrijving: string;
  /** The Selectielijst procestype number. */
  procestype: number;
  doorlooptijd: string;
  servicenorm: string | null;
  vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding;
  /** How many zaken of this type a municipality gets, relative to the others. */
  volume: number;
  /** In order of volgnummer; the last one closes the zaak. */
  statustypen: readonly string[];
  resultaattypen: readonly ResultaattypeTemplate[];
  /** What a zaak of this type is about: its omschrijving is one of these and a place. */
  onderwerpen: readonly string[];
  /** Whether an initiator is usually a resident (natuurlijk persoon) or the municipality itself (medewerker). */
  initiatorIsResident: number;
}

const AFGEBROKEN = { omschrijving: 'Afgebroken', generiek: 'Ingetrokken', weight: 1 } as const;

export const ZAAKTYPE_TEMPLATES: readonly ZaaktypeTemplate[] = [
  {
    identificatie: 'MELDING-OPENBARE-RUIMTE',
    omschrijving: 'Melding openbare ruimte',
    procestype: 15,
    doorlooptijd: 'P2W',
    servicenorm: 'P5D',
    vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
    volume: 30,
    statustypen: ['Melding ontvangen', 'Ingepland', 'Afgehandeld'],
    resultaattypen: [
      { volledigNummer: '15.1', omschrijving: 'Uitgevoerd', generiek: 'Toegekend', weight: 8 },
      { volledigNummer: '15.2', omschrijving: 'Niet uitgevoerd', generiek: 'Afgewezen', weight: 2 },
      { volledigNummer: '15.3', ...AFGEBROKEN },
    ],
    onderwerpen: ['Kapotte lantaarnpaal', 'Losliggende stoeptegel', 'Zwerfvuil', 'Volle afvalbak', 'Gat in de weg', 'Overhangende takken'],
    initiatorIsResident: 0.9,
  },
  {
    identificatie: 'UITTREKSEL-BRP',
    omschrijving: 'Aanvraag uittreksel BRP',
    procestype: 5,
    doorlooptijd: 'P2W',
    servicenorm: 'P5D',
    vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
    volume: 20,
    statustypen: ['Aanvraag ontvangen', 'Betaald', 'Verstuurd'],
    resultaattypen: [
      { volledigNummer: '5.1.2', omschrijving: 'Geleverd', generiek: 'Toegekend', weight: 19 },
      { volledigNummer: '5.3', omschrijving: 'Niet geleverd', generiek: 'Afgewezen', weight: 1 },
    ],
    onderwerpen: ['Uittreksel BRP', 'Historisch uittreksel BRP', 'Uittreksel BRP internationaal'],
    initiatorIsResident: 1,
  },
  {
    identificatie: 'VERHUIZING',
    omschrijving: 'Verhuizing doorgeven',
    procestype: 7,
    doorlooptijd: 'P4W',
    servicenorm: 'P5D',
    vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
    volume: 18,
    statustypen: ['Aangifte ontvangen', 'In behandeling', 'Verwerkt in de BRP'],
    resultaattypen: [
      { volledigNummer: '7.1.7', omschrijving: 'Verwerkt', generiek: 'Toegekend', weight: 18 },
      { volledigNummer: '7.2', omschrijving: 'Geweigerd', generiek: 'Afgewezen', weight: 1 },
      { volledigNummer: '7.3', ...AFGEBROKEN },
    ],
    onderwerpen: ['Verhuizing binnen de gemeente', 'Verhuizing naar de gemeente', 'Adreswijziging'],
    initiatorIsResident: 1,
  },
  {
    identificatie: 'PARKEERVERGUNNING',
    omschrijving: 'Aanvraag parkeervergunning',
    procestype: 11,
    doorlooptijd: 'P8W',
    servicenorm: 'P2W',
    vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
    volume: 10,
    statustypen: ['Aanvraag ontvangen', 'In behandeling', 'Besluit verzonden'],
    resultaattypen: [
      { volledigNummer: '11.1.1', omschrijving: 'Verleend', generiek: 'Toegekend', weight: 8 },
      { volledigNummer: '11.2', omschrijving: 'Geweigerd', generiek: 'Afgewezen', weight: 2 },
      { volledigNummer: '11.4', omschrijving: 'Aanvraag ingetrokken', generiek: 'Ingetrokken', weight: 1 },
    ],
    onderwerpen: ['Bewonersvergunning', 'Bezoekersvergunning', 'Bedrijfsvergunning', 'Mantelzorgvergunning'],
    initiatorIsResident: 1,
  },
  {
    identificatie: 'EVENEMENTENVERGUNNING',
    omschrijving: 'Evenementenvergunning',
    procestype: 11,
    doorlooptijd: 'P8W',
    servicenorm: 'P6W',
    vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
    volume: 2,
    statustypen: ['Aanvraag ontvangen', 'Aanvraag volledig', 'Besluit verzonden'],
    resultaattypen: [
      { volledigNummer: '11.1.1', omschrijving: 'Verleend', generiek: 'Toegekend', weight: 8 },
      { volledigNummer: '11.2', omschrijving: 'Geweigerd', generiek: 'Afgewezen', weight: 1 },
      { volledigNummer: '11.4', omschrijving: 'Aanvraag ingetrokken', generiek: 'Ingetrokken', weight: 1 },
    ],
    onderwerpen: ['Buurtfeest', 'Braderie', 'Hardloopwedstrijd', 'Koningsdagmarkt', 'Straatconcert'],
    initiatorIsResident: 0.8,
  },
  {
    identificatie: 'WMO-MELDING',
    omschrijving: 'Wmo-melding',
    procestype: 8,
    doorlooptijd: 'P6W',
    servicenorm: 'P4W',
    vertrouwelijkheidaanduiding: 'vertrouwelijk',
    volume: 8,
    statustypen: ['Melding ontvangen', 'Gesprek gevoerd', 'Afgehandeld'],
    resultaattypen: [
      { volledigNummer: '8.1.1', omschrijving: 'Ondersteuning toegekend', generiek: 'Toegekend', weight: 6 },
      { volledigNummer: '8.2', omschrijving: 'Geen maatwerkvoorziening', generiek: 'Afgewezen', weight: 3 },
      { volledigNummer: '8.4.1', omschrijving: 'Melding ingetrokken', generiek: 'Ingetrokken', weight: 1 },
    ],
    onderwerpen: ['Huishoudelijke hulp', 'Woningaanpassing', 'Scootmobiel', 'Begeleiding'],
    initiatorIsResident: 0.95,
  },
  {
    identificatie: 'JEUGDHULP',
    omschrijving: 'Aanvraag jeugdhulp',
    procestype: 8,
    doorlooptijd: 'P8W',
    servicenorm: null,
    vertrouwelijkheidaanduiding: 'confidentieel',
    volume: 4,
    statustypen: ['Aanvraag ontvangen', 'Gesprek gevoerd', 'Afgehandeld'],
    resultaattypen: [
      { volledigNummer: '8.1.2', omschrijving: 'Jeugdhulp verstrekt', generiek: 'Toegekend', weight: 7 },
      { volledigNummer: '8.2', omschrijving: 'Geweigerd', generiek: 'Afgewezen', weight: 2 },
      { volledigNummer: '8.4.1', omschrijving: 'Aanvraag ingetrokken', generiek: 'Ingetrokken', weight: 1 },
    ],
    onderwerpen: ['Ambulante jeugdhulp', 'Dagbehandeling', 'Pleegzorg'],
    initiatorIsResident: 1,
  },
  {
    identificatie: 'BEZWAARSCHRIFT',
    omschrijving: 'Bezwaarschrift',
    procestype: 13,
    doorlooptijd: 'P6W',
    servicenorm: 'P5W',
    vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
    volume: 3,
    statustypen: ['Bezwaarschrift ontvangen', 'Hoorzitting gehouden', 'Beslissing verzonden'],
    resultaattypen: [
      { volledigNummer: '13.1', omschrijving: 'Afgehandeld', generiek: 'Toegekend', weight: 8 },
      { volledigNummer: '13.1.4', omschrijving: 'Niet-ontvankelijk', generiek: 'Afgewezen', weight: 2 },
      { volledigNummer: '13.2', omschrijving: 'Ingetrokken', generiek: 'Ingetrokken', weight: 1 },
    ],
    onderwerpen: ['Bezwaar tegen besluit parkeervergunning', 'Bezwaar tegen aanslag', 'Bezwaar tegen Wmo-besluit'],
    initiatorIsResident: 0.95,
  },
  {
    identificatie: 'WOZ-BEZWAAR',
    omschrijving: 'Bezwaar WOZ-waarde',
    procestype: 13,
    doorlooptijd: 'P6W',
    servicenorm: null,
    vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
    volume: 6,
    statustypen: ['Bezwaar ontvangen', 'Taxatie beoordeeld', 'Uitspraak verzonden'],
    resultaattypen: [
      { volledigNummer: '13.1.5', omschrijving: 'Uitspraak gedaan', generiek: 'Toegekend', weight: 9 },
      { volledigNummer: '13.2', omschrijving: 'Ingetrokken', generiek: 'Ingetrokken', weight: 1 },
    ],
    onderwerpen: ['WOZ-waarde woning', 'WOZ-waarde bedrijfspand'],
    initiatorIsResident: 1,
  },
  {
    identificatie: 'KLACHT',
    omschrijving: 'Klacht',
    procestype: 13,
    doorlooptijd: 'P6W',
    servicenorm: 'P2W',
    vertrouwelijkheidaanduiding: 'intern',
    volume: 4,
    statustypen: ['Klacht ontvangen', 'In behandeling', 'Afgehandeld'],
    resultaattypen: [
      { volledigNummer: '13.1', omschrijving: 'Afgehandeld', generiek: 'Toegekend', weight: 9 },
      { volledigNummer: '13.2', omschrijving: 'Ingetrokken', generiek: 'Ingetrokken', weight: 1 },
    ],
    onderwerpen: ['Klacht over bejegening', 'Klacht over afvalinzameling', 'Klacht over wachttijd'],
    initiatorIsResident: 1,
  },
  {
    identificatie: 'WOO-VERZOEK',
    omschrijving: 'Woo-verzoek',
    procestype: 6,
    doorlooptijd: 'P4W',
    servicenorm: null,
    vertrouwelijkheidaanduiding: 'beperkt_openbaar',
    volume: 2,
    statustypen: ['Verzoek ontvangen', 'Documenten verzameld', 'Besluit verzonden'],
    resultaattypen: [
      { volledigNummer: '6.1.3', omschrijving: 'Ingewilligd', generiek: 'Toegekend', weight: 6 },
      { volledigNummer: '6.2', omschrijving: 'Afgewezen', generiek: 'Afgewezen', weight: 3 },
      { volledigNummer: '6.3', ...AFGEBROKEN },
    ],
    onderwerpen: ['Stukken over bouwproject', 'Correspondentie over subsidie', 'Raadsinformatie'],
    initiatorIsResident: 1,
  },
  {
    identificatie: 'HUWELIJK',
    omschrijving: 'Huwelijk of partnerschap',
    procestype: 7,
    doorlooptijd: 'P26W',
    servicenorm: null,
    vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
    volume: 2,
    statustypen: ['Melding voorgenomen huwelijk ontvangen', 'Ceremonie gepland', 'Akte opgemaakt'],
    resultaattypen: [
      { volledigNummer: '7.1.5', omschrijving: 'Verwerkt', generiek: 'Toegekend', weight: 9 },
      { volledigNummer: '7.3', ...AFGEBROKEN },
    ],
    onderwerpen: ['Huwelijk', 'Geregistreerd partnerschap'],
    initiatorIsResident: 1,
  },
  {
    identificatie: 'GEBOORTEAANGIFTE',
    omschrijving: 'Geboorteaangifte',
    procestype: 7,
    doorlooptijd: 'P1W',
    servicenorm: 'P3D',
    vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
    volume: 3,
    statustypen: ['Aangifte ontvangen', 'Gegevens gecontroleerd', 'Akte opgemaakt'],
    resultaattypen: [{ volledigNummer: '7.1.2', omschrijving: 'Verwerkt', generiek: 'Toegekend', weight: 1 }],
    onderwerpen: ['Geboorteaangifte'],
    initiatorIsResident: 1,
  },
  {
    identificatie: 'REISDOCUMENT',
    omschrijving: 'Aanvraag reisdocument',
    procestype: 5,
    doorlooptijd: 'P2W',
    servicenorm: 'P1W',
    vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
    volume: 15,
    statustypen: ['Aanvraag ontvangen', 'Document aangemaakt', 'Uitgereikt'],
    resultaattypen: [
      { volledigNummer: '5.1.4', omschrijving: 'Geleverd', generiek: 'Toegekend', weight: 30 },
      { volledigNummer: '5.3', omschrijving: 'Niet geleverd', generiek: 'Afgewezen', weight: 1 },
    ],
    onderwerpen: ['Paspoort', 'Identiteitskaart'],
    initiatorIsResident: 1,
  },
  {
    identificatie: 'ONTHEFFING-GELUID',
    omschrijving: 'Ontheffing geluidshinder',
    procestype: 11,
    doorlooptijd: 'P8W',
    servicenorm: null,
    vertrouwelijkheidaanduiding: 'openbaar',
    volume: 1,
    statustypen: ['Aanvraag ontvangen', 'Advies ontvangen', 'Besluit verzonden'],
    resultaattypen: [
      { volledigNummer: '11.1.10', omschrijving: 'Verleend', generiek: 'Toegekend', weight: 7 },
      { volledigNummer: '11.2', omschrijving: 'Geweigerd', generiek: 'Afgewezen', weight: 3 },
    ],
    onderwerpen: ['Nachtelijke wegwerkzaamheden', 'Bouwwerkzaamheden in het weekend'],
    initiatorIsResident: 0.3,
  },
  {
    identificatie: 'SUBSIDIE',
    omschrijving: 'Subsidieaanvraag',
    procestype: 8,
    doorlooptijd: 'P13W',
    servicenorm: 'P8W',
    vertrouwelijkheidaanduiding: 'intern',
    volume: 2,
    statustypen: ['Aanvraag ontvangen', 'Aanvraag beoordeeld', 'Besluit verzonden'],
    resultaattypen: [
      { volledigNummer: '8.1.8', omschrijving: 'Subsidie verleend', generiek: 'Toegekend', weight: 7 },
      { volledigNummer: '8.2', omschrijving: 'Geweigerd', generiek: 'Afgewezen', weight: 3 },
    ],
    onderwerpen: ['Subsidie buurtinitiatief', 'Subsidie sportvereniging', 'Subsidie duurzaamheid'],
    initiatorIsResident: 0.7,
  },
  {
    identificatie: 'HANDHAVINGSVERZOEK',
    omschrijving: 'Verzoek om handhaving',
    procestype: 12,
    doorlooptijd: 'P8W',
    servicenorm: null,
    vertrouwelijkheidaanduiding: 'vertrouwelijk',
    volume: 2,
    statustypen: ['Verzoek ontvangen', 'Controle uitgevoerd', 'Besluit verzonden'],
    resultaattypen: [
      { volledigNummer: '12.2.5', omschrijving: 'Handhaving uitgevoerd', generiek: 'Toegekend', weight: 4 },
      { volledigNummer: '12.1', omschrijving: 'Toezicht uitgevoerd', generiek: 'Afgewezen', weight: 5 },
      { volledigNummer: '12.3', ...AFGEBROKEN },
    ],
    onderwerpen: ['Illegale bouw', 'Overlast horeca', 'Fout geparkeerde aanhanger'],
    initiatorIsResident: 0.8,
  },
  {
    identificatie: 'HUISVERBOD',
    omschrijving: 'Tijdelijk huisverbod',
    procestype: 12,
    doorlooptijd: 'P4W',
    servicenorm: null,
    vertrouwelijkheidaanduiding: 'geheim',
    volume: 1,
    statustypen: ['Melding ontvangen', 'Huisverbod opgelegd', 'Afgehandeld'],
    resultaattypen: [
      { volledigNummer: '12.2.3', omschrijving: 'Huisverbod opgelegd', generiek: 'Toegekend', weight: 9 },
      { volledigNummer: '12.3', ...AFGEBROKEN },
    ],
    onderwerpen: ['Tijdelijk huisverbod'],
    initiatorIsResident: 0,
  },
  {
    identificatie: 'INTEGRITEITSONDERZOEK',
    omschrijving: 'Integriteitsonderzoek',
    procestype: 12,
    doorlooptijd: 'P13W',
    servicenorm: null,
    vertrouwelijkheidaanduiding: 'zeer_geheim',
    volume: 0.2,
    statustypen: ['Melding ontvangen', 'Onderzoek gestart', 'Rapport vastgesteld'],
    resultaattypen: [
      { volledigNummer: '12.1.7', omschrijving: 'Onderzoek afgerond', generiek: 'Toegekend', weight: 9 },
      { volledigNummer: '12.3', ...AFGEBROKEN },
    ],
    onderwerpen: ['Integriteitsmelding'],
    initiatorIsResident: 0,
  },
  {
    identificatie: 'KWIJTSCHELDING',
    omschrijving: 'Verzoek kwijtschelding gemeentelijke belastingen',
    procestype: 10,
    doorlooptijd: 'P8W',
    servicenorm: 'P4W',
    vertrouwelijkheidaanduiding: 'vertrouwelijk',
    volume: 5,
    statustypen: ['Verzoek ontvangen', 'Inkomen getoetst', 'Besluit verzonden'],
    resultaattypen: [
      { volledigNummer: '10.2', omschrijving: 'Kwijtgescholden', generiek: 'Toegekend', weight: 6 },
      { volledigNummer: '10.1', omschrijving: 'Afgewezen', generiek: 'Afgewezen', weight: 4 },
      { volledigNummer: '10.3', ...AFGEBROKEN },
    ],
    onderwerpen: ['Afvalstoffenheffing', 'Rioolheffing', 'Onroerendezaakbelasting'],
    initiatorIsResident: 1,
  },
];
