import { kanalenPerProduct, kanalenPerVak, nogNietDigitaal } from '../cijfers/kanaalmix.ts';
import { volwassenheid } from '../cijfers/volwassenheid.ts';
import { zaaktypeNaam } from '../cijfers/zaaktypen.ts';
import type { Dashboard } from '../dashboard.ts';
import { KANALEN, kanaalLabel } from '../kanalen.ts';
import { indelingVan, vakLabel } from '../periode.ts';
import { liggendeStaven } from '../weergave/grafiek.ts';
import { celTekst, procent, type Cel } from '../weergave/tabel.ts';
import type { DashboardContext } from './context.ts';

/** Channel mix: requests and contacts per channel over time and per product, the digital share, and what is still phoned in. */
export async function kanalenDashboard(context: DashboardContext): Promise<Dashboard> {
  const { db, tenantId, filters } = context;
  const indeling = indelingVan(filters);
  const perVak = await kanalenPerVak(db, tenantId, filters, indeling);
  const perProduct = await kanalenPerProduct(db, tenantId, filters);
  const catalogus = await volwassenheid(db, tenantId, context.inlogmiddel);
  const onlineZaaktypen = new Set(catalogus.producten.filter((product) => product.criteria.online && product.zaaktype !== null).map((product) => product.zaaktype ?? ''));
  const nogNiet = nogNietDigitaal(perProduct, onlineZaaktypen);

  const totaal = (soort: 'aanvragen' | 'contacten') => {
    const som = new Map<string, number>();
    for (const vak of perVak) for (const [kanaal, aantal] of vak[soort]) som.set(kanaal, (som.get(kanaal) ?? 0) + aantal);
    return som;
  };
  const aanvragen = totaal('aanvragen');
  const contacten = totaal('contacten');
  const kanalen = KANALEN.filter((kanaal) => (aanvragen.get(kanaal) ?? 0) + (contacten.get(kanaal) ?? 0) > 0);
  const aantalAanvragen = [...aanvragen.values()].reduce((a, b) => a + b, 0);
  const online = aanvragen.get('online') ?? 0;
  const bekend = aantalAanvragen - (aanvragen.get('onbekend') ?? 0);
  const vakKop = indeling === 'week' ? 'Week vanaf' : 'Maand';

  return {
    titel: 'Kanalen',
    inleiding: 'Langs welke kanalen inwoners en ondernemers aanvragen doen en contact zoeken, en welk deel van de aanvragen digitaal binnenkomt.',
    filters: { zaaktype: true, kanaal: true, team: true },
    secties: [
      {
        id: 'kanaalmix',
        kop: 'Aanvragen en contacten per kanaal',
        uitleg: 'Aanvragen zijn zaken die in de periode zijn gestart, met het kanaal van hun e-formulier: online in het portaal, of door het KCC namens iemand ingevoerd (telefoon, balie, …). Onbekend: een andere toepassing maakte de zaak via de API aan. Contacten zijn de klantcontacten die het KCC registreerde (contact via de website telt als online); de filters zaaktype en team gelden daar niet voor.',
        kerncijfers: [
          { label: 'Aanvragen', waarde: celTekst(aantalAanvragen) },
          { label: 'Contacten', waarde: celTekst([...contacten.values()].reduce((a, b) => a + b, 0)) },
          { label: 'Aandeel digitaal aangevraagd', waarde: procent(online, bekend) ?? 'geen aanvragen met bekend kanaal' },
        ],
        grafieken: [
          liggendeStaven({ id: 'grafiek-aanvragen-kanaal', titel: 'Aanvragen per kanaal', eenheid: 'aanvragen', staven: KANALEN.filter((k) => aanvragen.has(k)).map((k) => ({ label: kanaalLabel(k), waarde: aanvragen.get(k) ?? 0 })) }),
          liggendeStaven({ id: 'grafiek-contacten-kanaal', titel: 'Contacten per kanaal', eenheid: 'contacten', staven: KANALEN.filter((k) => contacten.has(k)).map((k) => ({ label: kanaalLabel(k), waarde: contacten.get(k) ?? 0 })) }),
        ],
        tabellen: [
          {
            id: 'kanalen-totaal',
            titel: 'Aanvragen en contacten per kanaal in de periode',
            kolommen: [{ kop: 'Kanaal' }, { kop: 'Aanvragen', getal: true }, { kop: 'Contacten', getal: true }],
            rijen: kanalen.map((kanaal) => [kanaalLabel(kanaal), aanvragen.get(kanaal) ?? 0, contacten.get(kanaal) ?? 0]),
            leeg: 'geen aanvragen of contacten in deze periode.',
          },
          {
            id: 'aanvragen-tijd',
            titel: `Aanvragen per kanaal per ${indeling}`,
            kolommen: [{ kop: vakKop }, ...KANALEN.map((kanaal) => ({ kop: kanaalLabel(kanaal), getal: true })), { kop: 'Aandeel digitaal', getal: true }],
            rijen: perVak.map((vak): Cel[] => {
              const som = [...vak.aanvragen.values()].reduce((a, b) => a + b, 0);
              return [vakLabel(vak.vak, indeling), ...KANALEN.map((kanaal) => vak.aanvragen.get(kanaal) ?? 0), procent(vak.aanvragen.get('online') ?? 0, som - (vak.aanvragen.get('onbekend') ?? 0))];
            }),
            leeg: 'geen aanvragen in deze periode.',
          },
          {
            id: 'contacten-tijd',
            titel: `Contacten per kanaal per ${indeling}`,
            kolommen: [{ kop: vakKop }, ...KANALEN.filter((k) => k !== 'onbekend').map((kanaal) => ({ kop: kanaalLabel(kanaal), getal: true }))],
            rijen: perVak.map((vak): Cel[] => [vakLabel(vak.vak, indeling), ...KANALEN.filter((k) => k !== 'onbekend').map((kanaal) => vak.contacten.get(kanaal) ?? 0)]),
            leeg: 'geen contacten in deze periode.',
          },
        ],
      },
      {
        id: 'per-product',
        kop: 'Per product',
        uitleg: 'Het aandeel digitaal is het deel van de aanvragen met een bekend kanaal dat online binnenkwam. Aanvragen die een andere toepassing via de API aanmaakte, hebben geen bekend kanaal.',
        tabellen: [
          {
            id: 'product-kanalen',
            titel: 'Aanvragen per product en kanaal',
            kolommen: [{ kop: 'Product (zaaktype)' }, ...KANALEN.map((kanaal) => ({ kop: kanaalLabel(kanaal), getal: true })), { kop: 'Totaal', getal: true }, { kop: 'Aandeel digitaal', getal: true }],
            rijen: perProduct.map((product): Cel[] => [
              zaaktypeNaam(context.zaaktypen, product.zaaktype),
              ...KANALEN.map((kanaal) => product.perKanaal.get(kanaal) ?? 0),
              product.totaal,
              product.aandeelDigitaal === null ? null : `${Math.round(product.aandeelDigitaal * 100)}%`,
            ]),
            leeg: 'geen aanvragen in deze periode.',
          },
          {
            id: 'nog-niet-digitaal',
            titel: 'Online aan te vragen, maar toch telefonisch of aan de balie aangevraagd',
            kolommen: [{ kop: 'Product (zaaktype)' }, { kop: 'Telefoon', getal: true }, { kop: 'Balie', getal: true }, { kop: 'Online', getal: true }],
            rijen: nogNiet.map((product): Cel[] => [zaaktypeNaam(context.zaaktypen, product.zaaktype), product.telefoon, product.balie, product.online]),
            leeg: 'geen: elk product dat online kan, werd in deze periode alleen online aangevraagd.',
          },
        ],
      },
    ],
  };
}
