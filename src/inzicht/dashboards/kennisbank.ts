import { laagstBeoordeeld, reviewVerlopen, ZOEKTERM_MINIMUM, zoektermen, type Zoekterm } from '../cijfers/kennisbank.ts';
import type { Dashboard } from '../dashboard.ts';
import { datumTekst } from '../periode.ts';
import { liggendeStaven } from '../weergave/grafiek.ts';
import { procent, type Cel, type Tabel } from '../weergave/tabel.ts';
import type { DashboardContext } from './context.ts';

/** Where the kennisbank's beheer pages are: each figure links to the article, or to writing a new one. */
const KENNISBANK_BEHEER = '/medewerker/kennisbank';
const artikel = (slug: string, titel: string) => ({ tekst: titel, href: `${KENNISBANK_BEHEER}/producten/${encodeURIComponent(slug)}` });
const nieuwArtikel = { tekst: 'Artikel schrijven', href: `${KENNISBANK_BEHEER}/nieuw` };

function zoektermTabel(id: string, titel: string, termen: readonly Zoekterm[], leeg: string): Tabel {
  return {
    id,
    titel,
    kolommen: [{ kop: 'Zoekterm' }, { kop: 'Gezocht', getal: true }, { kop: 'Zonder resultaat', getal: true }, { kop: 'Zonder klik', getal: true }, { kop: 'Actie' }],
    rijen: termen.map((term): Cel[] => [term.zoekterm, term.aantal, term.zonderResultaat, term.zonderKlik, term.zonderResultaat > 0 || term.zonderKlik > 0 ? nieuwArtikel : '']),
    leeg,
  };
}

/** The kennisbank: what people search for, what they do not find, the answers rated worst and the articles past review. */
export async function kennisbankDashboard(context: DashboardContext): Promise<Dashboard> {
  const { db, tenantId, filters, vandaag } = context;
  const termen = await zoektermen(db, tenantId, filters);
  const beoordelingen = await laagstBeoordeeld(db, tenantId, filters);
  const verlopen = await reviewVerlopen(db, tenantId, vandaag);
  return {
    titel: 'Kennisbank',
    inleiding: 'Wat inwoners en medewerkers zoeken, wat ze niet vinden, welke antwoorden ze het minst nuttig vinden en welke artikelen aan een controle toe zijn.',
    filters: { zoekkanaal: true },
    secties: [
      {
        id: 'zoektermen',
        kop: 'Meest gezocht',
        uitleg: `Zoektermen in kleine letters; persoonsgegevens (BSN, e-mailadres, telefoonnummer) zijn al bij het vastleggen gemaskeerd. Alleen termen die in de periode minstens ${ZOEKTERM_MINIMUM} keer zijn gezocht staan in de lijsten: een eenmalige zoekopdracht kan iets over één persoon bevatten.`,
        grafieken: [liggendeStaven({ id: 'grafiek-zoektermen', titel: 'Meest gezochte termen', eenheid: 'zoekopdrachten', staven: termen.top.slice(0, 10).map((term) => ({ label: term.zoekterm, waarde: term.aantal })) })],
        tabellen: [zoektermTabel('top-zoektermen', 'Meest gezochte termen', termen.top, 'geen zoekopdrachten in deze periode.')],
      },
      {
        id: 'niet-gevonden',
        kop: 'Niet gevonden',
        uitleg: 'Zoekopdrachten zonder enig resultaat, en zoekopdrachten met resultaten waarop niemand klikte: kandidaten voor een nieuw artikel, een trefwoord of een synoniem.',
        tabellen: [
          zoektermTabel('zonder-resultaat', 'Zoektermen zonder resultaat', termen.zonderResultaat, 'geen: elke zoekopdracht vond iets.'),
          zoektermTabel('zonder-klik', 'Zoektermen zonder klik op een resultaat', termen.zonderKlik, 'geen: bij elke zoekopdracht met resultaten werd er geklikt.'),
        ],
      },
      {
        id: 'beoordelingen',
        kop: 'Laagst beoordeelde antwoorden',
        tabellen: [
          {
            id: 'laagst-beoordeeld',
            titel: 'Antwoorden met het grootste aandeel ‘niet nuttig’',
            kolommen: [{ kop: 'Artikel' }, { kop: 'Nuttig', getal: true }, { kop: 'Niet nuttig', getal: true }, { kop: 'Aandeel niet nuttig', getal: true }],
            rijen: beoordelingen.map((rij): Cel[] => [artikel(rij.slug, rij.titel), rij.nuttig, rij.nietNuttig, procent(rij.nietNuttig, rij.nuttig + rij.nietNuttig)]),
            leeg: 'geen antwoord werd in deze periode als niet nuttig beoordeeld.',
          },
        ],
      },
      {
        id: 'review',
        kop: 'Review verlopen',
        uitleg: `Gepubliceerde artikelen waarvan de reviewdatum vóór vandaag (${datumTekst(vandaag)}) ligt, los van de gekozen periode.`,
        tabellen: [
          {
            id: 'review-verlopen',
            titel: 'Artikelen met een verlopen reviewdatum',
            kolommen: [{ kop: 'Artikel' }, { kop: 'Review voor' }],
            rijen: verlopen.map((rij): Cel[] => [artikel(rij.slug, rij.titel), datumTekst(rij.reviewVoor)]),
            leeg: 'geen: alle artikelen zijn op tijd gecontroleerd.',
          },
        ],
      },
    ],
  };
}
