import { afgehandeldeZaken, doorlooptijden, termijnbewaking, werkvoorraadPerTeam, zakenPerVak } from '../cijfers/dienstverlening.ts';
import { zaaktypeNaam } from '../cijfers/zaaktypen.ts';
import type { Dashboard } from '../dashboard.ts';
import { datumTekst, indelingVan, vakLabel } from '../periode.ts';
import { liggendeStaven, staandeStaven } from '../weergave/grafiek.ts';
import { celTekst, procent, type Cel } from '../weergave/tabel.ts';
import type { DashboardContext } from './context.ts';

/** Service delivery: zaken opened and closed, doorlooptijd against the norms, backlog per team, suspensions and extensions. */
export async function dienstverleningDashboard(context: DashboardContext): Promise<Dashboard> {
  const { db, tenantId, filters, vandaag } = context;
  const indeling = indelingVan(filters);
  const afgehandeld = await afgehandeldeZaken(db, tenantId, filters);
  const perVak = await zakenPerVak(db, tenantId, filters, indeling, afgehandeld);
  const tijden = doorlooptijden(afgehandeld.histogram, filters, context.zaaktypen);
  const voorraad = await werkvoorraadPerTeam(db, tenantId, filters, vandaag);
  const termijnen = await termijnbewaking(db, tenantId, filters);
  const totaal = tijden.find((rij) => rij.zaaktype === null);
  const vakKop = indeling === 'week' ? 'Week vanaf' : 'Maand';
  const dagen = (waarde: number | null) => (waarde === null ? null : `${celTekst(waarde)} d`);

  return {
    titel: 'Dienstverlening',
    inleiding: 'Hoeveel zaken er binnenkomen en worden afgehandeld, hoe lang dat duurt tegenover de servicenorm en de wettelijke termijn, en hoeveel werk er ligt.',
    filters: { zaaktype: true, kanaal: true, team: true },
    secties: [
      {
        id: 'instroom',
        kop: `Geopend en afgehandeld per ${indeling}`,
        kerncijfers: [
          { label: 'Geopend', waarde: celTekst(perVak.reduce((som, vak) => som + vak.geopend, 0)) },
          { label: 'Afgehandeld', waarde: celTekst(perVak.reduce((som, vak) => som + vak.afgehandeld, 0)) },
        ],
        grafieken: [
          staandeStaven({ id: 'grafiek-geopend', titel: `Geopende zaken per ${indeling}`, eenheid: 'zaken', staven: perVak.map((vak) => ({ label: vakLabel(vak.vak, indeling), waarde: vak.geopend })) }),
          staandeStaven({ id: 'grafiek-afgehandeld', titel: `Afgehandelde zaken per ${indeling}`, eenheid: 'zaken', staven: perVak.map((vak) => ({ label: vakLabel(vak.vak, indeling), waarde: vak.afgehandeld })) }),
        ],
        tabellen: [
          {
            id: 'zaken-tijd',
            titel: `Geopende en afgehandelde zaken per ${indeling}`,
            kolommen: [{ kop: vakKop }, { kop: 'Geopend', getal: true }, { kop: 'Afgehandeld', getal: true }],
            rijen: perVak.map((vak): Cel[] => [vakLabel(vak.vak, indeling), vak.geopend, vak.afgehandeld]),
            leeg: 'geen zaken in deze periode.',
          },
        ],
      },
      {
        id: 'doorlooptijd',
        kop: 'Doorlooptijd',
        uitleg: 'Doorlooptijd in kalenderdagen van startdatum tot einddatum, van de zaken die in de periode zijn afgehandeld. De mediaan en het 90e percentiel zijn exact (rangmethode). Binnen de servicenorm en binnen de wettelijke termijn tellen tegen de streefdatum en de uiterlijke afdoeningsdatum van de zaak zelf, dus inclusief opschorting en verlenging.',
        kerncijfers: [
          { label: 'Mediaan', waarde: totaal?.mediaan === null || totaal === undefined ? 'geen zaken' : `${celTekst(totaal.mediaan)} dagen` },
          { label: '90% binnen', waarde: totaal?.p90 === null || totaal === undefined ? 'geen zaken' : `${celTekst(totaal.p90)} dagen` },
          { label: 'Binnen wettelijke termijn', waarde: totaal ? (procent(totaal.binnenTermijn, totaal.metTermijn) ?? 'geen termijn') : 'geen zaken' },
        ],
        grafieken: [
          liggendeStaven({
            id: 'grafiek-doorlooptijd',
            titel: 'Mediaan doorlooptijd per zaaktype in dagen',
            eenheid: 'dagen',
            staven: tijden.filter((rij) => rij.zaaktype !== null).map((rij) => ({ label: zaaktypeNaam(context.zaaktypen, rij.zaaktype ?? ''), waarde: rij.mediaan ?? 0 })),
          }),
        ],
        tabellen: [
          {
            id: 'doorlooptijden',
            titel: 'Doorlooptijd per zaaktype tegenover servicenorm en wettelijke termijn',
            kolommen: [
              { kop: 'Zaaktype' }, { kop: 'Afgehandeld', getal: true }, { kop: 'Mediaan', getal: true }, { kop: '90e percentiel', getal: true },
              { kop: 'Servicenorm', getal: true }, { kop: 'Binnen servicenorm', getal: true }, { kop: 'Wettelijke termijn', getal: true }, { kop: 'Binnen termijn', getal: true },
            ],
            rijen: tijden.map((rij): Cel[] => [
              rij.zaaktype === null ? 'Alle zaaktypen' : zaaktypeNaam(context.zaaktypen, rij.zaaktype),
              rij.afgehandeld,
              dagen(rij.mediaan),
              dagen(rij.p90),
              dagen(rij.servicenormDagen),
              procent(rij.binnenServicenorm, rij.metServicenorm),
              dagen(rij.termijnDagen),
              procent(rij.binnenTermijn, rij.metTermijn),
            ]),
            leeg: 'geen afgehandelde zaken in deze periode.',
          },
        ],
      },
      {
        id: 'werkvoorraad',
        kop: 'Werkvoorraad per team',
        uitleg: `De stand van vandaag (${datumTekst(vandaag)}), los van de gekozen periode: openstaande zaken, zaken over hun uiterlijke afdoeningsdatum, en zaken waarvan de termijn nu is opgeschort. Een zaaktype dat twee teams behandelen, telt bij beide.`,
        grafieken: [
          liggendeStaven({ id: 'grafiek-te-laat', titel: 'Zaken over de termijn per team', eenheid: 'zaken', staven: voorraad.map((rij) => ({ label: rij.team?.naam ?? 'Geen team', waarde: rij.teLaat })) }),
        ],
        tabellen: [
          {
            id: 'werkvoorraad-teams',
            titel: 'Openstaande en te late zaken per team',
            kolommen: [{ kop: 'Team' }, { kop: 'Open', getal: true }, { kop: 'Over de termijn', getal: true }, { kop: 'Opgeschort', getal: true }],
            rijen: voorraad.map((rij): Cel[] => [rij.team?.naam ?? 'Zaaktypen zonder team', rij.open, rij.teLaat, rij.opgeschort]),
            leeg: 'geen openstaande zaken.',
          },
        ],
      },
      {
        id: 'opschorting',
        kop: 'Opschorting, verlenging en heropening',
        uitleg: 'Van de zaken die in de periode zijn gestart: hoeveel ooit zijn opgeschort (en hoe vaak in totaal), verlengd of na afhandeling heropend.',
        tabellen: [
          {
            id: 'termijnbewaking',
            titel: 'Opschorting, verlenging en heropening van de zaken gestart in de periode',
            kolommen: [{ kop: 'Gebeurtenis' }, { kop: 'Zaken', getal: true }, { kop: 'Aandeel', getal: true }],
            rijen: [
              ['Gestart', termijnen.geopend, procent(termijnen.geopend, termijnen.geopend)],
              ['Opgeschort (minstens één keer)', termijnen.opgeschort, procent(termijnen.opgeschort, termijnen.geopend)],
              ['Opschortingen in totaal', termijnen.opschortingen, null],
              ['Verlengd', termijnen.verlengd, procent(termijnen.verlengd, termijnen.geopend)],
              ['Heropend', termijnen.heropend, procent(termijnen.heropend, termijnen.geopend)],
            ],
            leeg: 'geen zaken in deze periode.',
          },
        ],
      },
    ],
  };
}
