import type { FormulierDefinitie } from '../definitie.ts';

/* The demo municipality's e-forms, for three zaaktypen of its demo catalogue. */

const JA_NEE = [
  { waarde: 'ja', label: 'Ja' },
  { waarde: 'nee', label: 'Nee' },
];

const CONTACT = {
  id: 'contact',
  titel: 'Contactgegevens',
  uitleg: 'Wij sturen u bericht als er iets verandert aan uw aanvraag.',
  velden: [
    { id: 'email', type: 'email', label: 'E-mailadres', verplicht: true, prefill: 'email' },
    { id: 'telefoon', type: 'telefoon', label: 'Telefoonnummer', hulptekst: 'Niet verplicht. Wij bellen alleen als we iets moeten vragen.', verplicht: false },
  ],
} as const;

export const MELDING_OPENBARE_RUIMTE: FormulierDefinitie = {
  titel: 'Melding openbare ruimte',
  inleiding: 'Ziet u iets op straat dat kapot is, of overlast geeft? Meld het hier. Het invullen duurt ongeveer 3 minuten.',
  zaakomschrijving: 'Melding openbare ruimte',
  formulierInformatieobjecttype: 'Melding',
  stappen: [
    {
      id: 'melding',
      titel: 'Wat wilt u melden?',
      velden: [
        {
          id: 'categorie',
          type: 'keuze',
          weergave: 'radio',
          label: 'Waar gaat uw melding over?',
          verplicht: true,
          eigenschap: 'categorie',
          opties: ['Straatverlichting', 'Bestrating', 'Groen', 'Afval', 'Speelplaats', 'Riolering', 'Overig'].map((waarde) => ({ waarde, label: waarde })),
        },
        { id: 'omschrijving', type: 'tekstvlak', label: 'Beschrijf wat er aan de hand is', verplicht: true, maxLengte: 1000 },
        { id: 'gevaarlijk', type: 'keuze', weergave: 'radio', label: 'Is de situatie gevaarlijk?', hulptekst: 'Bijvoorbeeld een gat in de weg of een kabel die los hangt.', verplicht: true, opties: JA_NEE },
      ],
    },
    {
      id: 'gevaar',
      titel: 'Gevaarlijke situatie',
      uitleg: 'Is er direct gevaar voor mensen? Bel dan ook 14 0999.',
      voorwaarde: { veld: 'gevaarlijk', is: ['ja'] },
      velden: [
        { id: 'gevaar-uitleg', type: 'tekstvlak', label: 'Wat maakt de situatie gevaarlijk?', verplicht: true, maxLengte: 500 },
        {
          id: 'afgezet',
          type: 'keuze',
          weergave: 'radio',
          label: 'Is de plek afgezet?',
          verplicht: true,
          opties: [
            { waarde: 'ja', label: 'Ja' },
            { waarde: 'nee', label: 'Nee' },
            { waarde: 'weet-niet', label: 'Weet ik niet' },
          ],
        },
      ],
    },
    {
      id: 'plek',
      titel: 'Waar is het?',
      velden: [
        { id: 'adres', type: 'adres', label: 'Adres in de buurt', hulptekst: 'Het adres dat het dichtst bij de plek is.', verplicht: true },
        { id: 'plek-uitleg', type: 'tekst', label: 'Waar precies?', hulptekst: 'Niet verplicht. Bijvoorbeeld: tegenover de bushalte.', verplicht: false, maxLengte: 200 },
      ],
    },
    {
      id: 'foto',
      titel: 'Foto',
      velden: [
        {
          id: 'foto',
          type: 'bestand',
          label: 'Foto van de plek',
          hulptekst: 'Niet verplicht. Een JPG- of PNG-foto van hoogstens 10 MB.',
          verplicht: false,
          bestandstypen: ['image/jpeg', 'image/png'],
          maxBytes: 10 * 1024 * 1024,
          informatieobjecttype: 'Foto',
        },
      ],
    },
    CONTACT as unknown as FormulierDefinitie['stappen'][number],
  ],
};

export const PARKEERVERGUNNING: FormulierDefinitie = {
  titel: 'Parkeervergunning voor bewoners aanvragen',
  inleiding: 'Vraag een parkeervergunning aan voor uw auto. U betaalt per maand met automatische incasso. Houd uw kenteken en rekeningnummer bij de hand.',
  zaakomschrijving: 'Aanvraag parkeervergunning bewoners',
  formulierInformatieobjecttype: 'Aanvraag',
  stappen: [
    {
      id: 'auto',
      titel: 'Uw auto',
      velden: [
        {
          id: 'kenteken',
          type: 'tekst',
          label: 'Kenteken',
          hulptekst: 'Met streepjes, bijvoorbeeld AB-123-C.',
          verplicht: true,
          maxLengte: 8,
          patroon: '[A-Za-z0-9]{1,3}-[A-Za-z0-9]{1,3}-[A-Za-z0-9]{1,3}',
          patroonMelding: 'Vul het kenteken in met streepjes, bijvoorbeeld AB-123-C.',
          eigenschap: 'kenteken',
        },
        { id: 'lease', type: 'keuze', weergave: 'radio', label: 'Is het een lease- of bedrijfsauto?', verplicht: true, opties: JA_NEE },
        {
          id: 'leaseverklaring',
          type: 'bestand',
          label: 'Verklaring van de werkgever of leasemaatschappij',
          hulptekst: 'Een PDF, JPG- of PNG-bestand van hoogstens 10 MB.',
          verplicht: true,
          voorwaarde: { veld: 'lease', is: ['ja'] },
          bestandstypen: ['application/pdf', 'image/jpeg', 'image/png'],
          informatieobjecttype: 'Bijlage',
        },
      ],
    },
    {
      id: 'adres',
      titel: 'Uw adres',
      velden: [
        { id: 'woonadres', type: 'adres', label: 'Uw woonadres', verplicht: true },
        {
          id: 'gebied',
          type: 'keuze',
          weergave: 'select',
          label: 'Vergunninggebied',
          verplicht: true,
          eigenschap: 'vergunninggebied',
          opties: ['Centrum', 'Stationskwartier', 'Havenkwartier'].map((waarde) => ({ waarde, label: waarde })),
        },
      ],
    },
    {
      id: 'betalen',
      titel: 'Betalen',
      uitleg: 'U betaalt de vergunning per maand met automatische incasso.',
      velden: [
        { id: 'iban', type: 'iban', label: 'IBAN (rekeningnummer)', hulptekst: 'Bijvoorbeeld NL91 ABNA 0417 1643 00.', verplicht: true },
        { id: 'tenaamstelling', type: 'tekst', label: 'Naam rekeninghouder', verplicht: true, prefill: 'naam', maxLengte: 100 },
        {
          id: 'machtiging',
          type: 'keuze',
          weergave: 'checkboxes',
          label: 'Machtiging',
          verplicht: true,
          opties: [{ waarde: 'akkoord', label: 'Ik machtig de gemeente om het bedrag elke maand van deze rekening af te schrijven.' }],
        },
      ],
    },
    CONTACT as unknown as FormulierDefinitie['stappen'][number],
  ],
};

export const VERHUIZING: FormulierDefinitie = {
  titel: 'Verhuizing doorgeven',
  inleiding: 'Geef uw verhuizing door vanaf 4 weken voor tot 5 dagen na de verhuisdatum. Verhuist uw gezin mee? Dan geeft u dat hier ook door.',
  zaakomschrijving: 'Verhuizing doorgeven',
  formulierInformatieobjecttype: 'Aangifte',
  stappen: [
    {
      id: 'nieuw-adres',
      titel: 'Uw nieuwe adres',
      velden: [
        { id: 'nieuw-adres', type: 'adres', label: 'Nieuw adres', verplicht: true },
        { id: 'verhuisdatum', type: 'datum', label: 'Verhuisdatum', hulptekst: 'Vanaf 5 dagen geleden tot 4 weken vooruit.', verplicht: true, minDagen: -5, maxDagen: 28, eigenschap: 'verhuisdatum' },
      ],
    },
    {
      id: 'personen',
      titel: 'Wie verhuizen er?',
      velden: [
        { id: 'meeverhuizers', type: 'keuze', weergave: 'radio', label: 'Verhuizen er mensen met u mee?', verplicht: true, opties: JA_NEE },
        {
          id: 'meeverhuizende-bsn',
          type: 'bsn',
          meerdere: true,
          label: 'BSN van de mensen die meeverhuizen',
          hulptekst: 'Eén BSN per regel. Het BSN staat op het paspoort of de identiteitskaart.',
          verplicht: true,
          voorwaarde: { veld: 'meeverhuizers', is: ['ja'] },
          roltype: 'Meeverhuizend gezinslid',
        },
        { id: 'aantal-personen', type: 'getal', label: 'Met hoeveel personen verhuist u, uzelf meegeteld?', verplicht: true, min: 1, max: 20, eigenschap: 'aantal personen' },
      ],
    },
    {
      id: 'woonsituatie',
      titel: 'Woonsituatie',
      velden: [
        {
          id: 'bewoning',
          type: 'keuze',
          weergave: 'radio',
          label: 'Hoe woont u op het nieuwe adres?',
          verplicht: true,
          opties: [
            { waarde: 'eigenaar', label: 'Ik ben eigenaar' },
            { waarde: 'huurder', label: 'Ik huur de woning' },
            { waarde: 'inwonend', label: 'Ik woon in bij iemand' },
          ],
        },
        {
          id: 'bewijs',
          type: 'bestand',
          label: 'Toestemming van de hoofdbewoner',
          hulptekst: 'Een PDF, JPG- of PNG-bestand van hoogstens 10 MB.',
          verplicht: true,
          voorwaarde: { veld: 'bewoning', is: ['inwonend'] },
          bestandstypen: ['application/pdf', 'image/jpeg', 'image/png'],
          informatieobjecttype: 'Bewijs van bewoning',
        },
      ],
    },
    CONTACT as unknown as FormulierDefinitie['stappen'][number],
  ],
};

/** The demo forms by zaaktype identificatie. */
export const DEMO_FORMULIEREN: Readonly<Record<string, FormulierDefinitie>> = {
  'MELDING-OPENBARE-RUIMTE': MELDING_OPENBARE_RUIMTE,
  PARKEERVERGUNNING,
  VERHUIZING,
};
