import { CRITERIA, CRITERIUM_ACTIES, CRITERIUM_LABELS, volwassenheid } from '../cijfers/volwassenheid.ts';
import type { Dashboard } from '../dashboard.ts';
import { liggendeStaven } from '../weergave/grafiek.ts';
import { celTekst, procent, type Cel } from '../weergave/tabel.ts';
import type { DashboardContext } from './context.ts';

/** Digitale volwassenheid: per product five criteria and a score, overall, and what to improve first. */
export async function volwassenheidDashboard(context: DashboardContext): Promise<Dashboard> {
  const stand = await volwassenheid(context.db, context.tenantId, context.inlogmiddel);
  const aantal = stand.producten.length;
  const ontbreekt = CRITERIA.map((criterium) => ({ criterium, aantal: aantal - stand.perCriterium[criterium] })).sort((a, b) => b.aantal - a.aantal);
  const eerst = ontbreekt.find((rij) => rij.aantal > 0);
  return {
    titel: 'Digitale volwassenheid',
    inleiding: 'Per product uit de productcatalogus: kan het online worden aangevraagd, met DigiD of eHerkenning, met de status in Mijn zaken, met vooraf ingevulde gegevens en zonder papier? De stand van nu; de periodefilters gelden hier niet.',
    filters: {},
    secties: [
      {
        id: 'overzicht',
        kop: 'Waar de gemeente staat',
        kerncijfers: [
          { label: 'Score over alle producten', waarde: stand.gemiddeldProcent === null ? 'geen producten' : `${stand.gemiddeldProcent}%` },
          { label: 'Producten', waarde: celTekst(aantal) },
          { label: 'Eerst verbeteren', waarde: eerst ? `${CRITERIUM_LABELS[eerst.criterium]} (${celTekst(eerst.aantal)} producten)` : 'niets: alle producten voldoen' },
        ],
        uitleg: eerst ? `Volgende stap: ${CRITERIUM_ACTIES[eerst.criterium]}` : undefined,
        grafieken: [
          liggendeStaven({ id: 'grafiek-criteria', titel: 'Producten die aan elk criterium voldoen', eenheid: 'producten', staven: CRITERIA.map((criterium) => ({ label: CRITERIUM_LABELS[criterium], waarde: stand.perCriterium[criterium] })) }),
        ],
        tabellen: [
          {
            id: 'criteria',
            titel: 'Producten per criterium',
            kolommen: [{ kop: 'Criterium' }, { kop: 'Voldoet', getal: true }, { kop: 'Voldoet niet', getal: true }, { kop: 'Aandeel', getal: true }],
            rijen: CRITERIA.map((criterium): Cel[] => [CRITERIUM_LABELS[criterium], stand.perCriterium[criterium], aantal - stand.perCriterium[criterium], procent(stand.perCriterium[criterium], aantal)]),
            leeg: 'geen producten.',
          },
        ],
      },
      {
        id: 'producten',
        kop: 'Per product',
        tabellen: [
          {
            id: 'producten-score',
            titel: 'Digitale volwassenheid per product',
            kolommen: [{ kop: 'Product' }, ...CRITERIA.map((criterium) => ({ kop: CRITERIUM_LABELS[criterium] })), { kop: 'Score', getal: true }, { kop: 'Volgende stap' }],
            rijen: stand.producten.map((product): Cel[] => [
              { tekst: product.titel, href: `/medewerker/kennisbank/producten/${encodeURIComponent(product.slug)}` },
              ...CRITERIA.map((criterium) => (product.criteria[criterium] ? 'ja' : 'nee')),
              `${product.score} van 5`,
              product.volgendeStap ? CRITERIUM_ACTIES[product.volgendeStap] : 'Voldoet aan alles.',
            ]),
            leeg: 'er zijn nog geen gepubliceerde producten.',
          },
        ],
      },
    ],
  };
}
