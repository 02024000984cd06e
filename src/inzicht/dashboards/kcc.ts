import { contactenPerKanaal, contactenPerUur, contactverzoekcijfers } from '../cijfers/kcc.ts';
import type { Dashboard } from '../dashboard.ts';
import { KANALEN, kanaalLabel } from '../kanalen.ts';
import { datumTekst } from '../periode.ts';
import { liggendeStaven, staandeStaven } from '../weergave/grafiek.ts';
import { celTekst, procent, type Cel } from '../weergave/tabel.ts';
import type { DashboardContext } from './context.ts';

function duurTekst(minuten: number | null): string | null {
  if (minuten === null) return null;
  if (minuten < 60) return `${minuten} min`;
  const uren = Math.floor(minuten / 60);
  return `${uren} u ${minuten % 60} min`;
}

/** The KCC: contacts per channel and hour (for staffing), first-contact resolution, and contactverzoeken. */
export async function kccDashboard(context: DashboardContext): Promise<Dashboard> {
  const { db, tenantId, filters, vandaag } = context;
  const perUur = await contactenPerUur(db, tenantId, filters);
  const perKanaal = await contactenPerKanaal(db, tenantId, filters);
  const verzoeken = await contactverzoekcijfers(db, tenantId, filters, vandaag);
  const contactKanalen = KANALEN.filter((kanaal) => perUur.some((uur) => uur.perKanaal.has(kanaal)));
  const gesloten = perKanaal.reduce((som, rij) => som + rij.gesloten, 0);
  const eersteContact = perKanaal.reduce((som, rij) => som + rij.eersteContact, 0);

  return {
    titel: 'Klantcontactcentrum',
    inleiding: 'Wanneer en langs welk kanaal het KCC contact heeft, hoeveel vragen bij het eerste contact zijn opgelost, en hoe het met de contactverzoeken aan de backoffice staat.',
    filters: { kanaal: true, team: true },
    secties: [
      {
        id: 'contacten-uur',
        kop: 'Contacten per uur van de dag',
        uitleg: 'Alle contacten in de periode, naar het uur waarop ze begonnen (Nederlandse tijd): waar de drukte ligt, voor de bezetting. Het teamfilter geldt niet voor contacten.',
        kerncijfers: [{ label: 'Contacten', waarde: celTekst(perKanaal.reduce((som, rij) => som + rij.aantal, 0)) }],
        grafieken: [staandeStaven({ id: 'grafiek-uren', titel: 'Contacten per uur van de dag', eenheid: 'contacten', staven: perUur.map((uur) => ({ label: `${uur.uur}u`, waarde: uur.totaal })) })],
        tabellen: [
          {
            id: 'contacten-per-uur',
            titel: 'Contacten per uur en kanaal',
            kolommen: [{ kop: 'Uur' }, ...contactKanalen.map((kanaal) => ({ kop: kanaalLabel(kanaal), getal: true })), { kop: 'Totaal', getal: true }],
            rijen: perUur.map((uur): Cel[] => [`${String(uur.uur).padStart(2, '0')}:00–${String(uur.uur + 1).padStart(2, '0')}:00`, ...contactKanalen.map((kanaal) => uur.perKanaal.get(kanaal) ?? 0), uur.totaal]),
            leeg: 'geen contacten in deze periode.',
          },
        ],
      },
      {
        id: 'eerste-contact',
        kop: 'Opgelost bij het eerste contact',
        uitleg: 'Het deel van de afgesloten contacten dat de medewerker bij het afsluiten als ‘afgehandeld bij eerste contact’ markeerde.',
        kerncijfers: [{ label: 'Opgelost bij eerste contact', waarde: procent(eersteContact, gesloten) ?? 'geen afgesloten contacten' }],
        grafieken: [liggendeStaven({ id: 'grafiek-kanalen', titel: 'Contacten per kanaal', eenheid: 'contacten', staven: perKanaal.map((rij) => ({ label: kanaalLabel(rij.kanaal), waarde: rij.aantal })) })],
        tabellen: [
          {
            id: 'eerste-contact-kanaal',
            titel: 'Contacten en oplossing bij eerste contact per kanaal',
            kolommen: [{ kop: 'Kanaal' }, { kop: 'Contacten', getal: true }, { kop: 'Afgesloten', getal: true }, { kop: 'Opgelost bij eerste contact', getal: true }, { kop: 'Aandeel', getal: true }],
            rijen: perKanaal.map((rij): Cel[] => [kanaalLabel(rij.kanaal), rij.aantal, rij.gesloten, rij.eersteContact, procent(rij.eersteContact, rij.gesloten)]),
            leeg: 'geen contacten in deze periode.',
          },
        ],
      },
      {
        id: 'contactverzoeken',
        kop: 'Contactverzoeken',
        uitleg: `Verzoeken die het KCC in de periode aan de backoffice doorzette, en de stand van vandaag (${datumTekst(vandaag)}): wat nog open staat en wat over de deadline is. Het kanaalfilter geldt niet voor contactverzoeken.`,
        kerncijfers: [
          { label: 'Open nu', waarde: celTekst(verzoeken.openNu) },
          { label: 'Over de deadline nu', waarde: celTekst(verzoeken.teLaatNu) },
          { label: 'Gemiddelde tijd tot oppakken', waarde: duurTekst(verzoeken.gemiddeldOppakMinuten) ?? 'niets opgepakt' },
        ],
        tabellen: [
          {
            id: 'contactverzoeken-cijfers',
            titel: 'Contactverzoeken',
            kolommen: [{ kop: 'Cijfer' }, { kop: 'Aantal', getal: true }, { kop: 'Aandeel', getal: true }],
            rijen: [
              ['Doorgezet in de periode', verzoeken.aangemaakt, null],
              ['Opgepakt', verzoeken.opgepakt, procent(verzoeken.opgepakt, verzoeken.aangemaakt)],
              ['Binnen 24 uur opgepakt', verzoeken.binnenDagOpgepakt, procent(verzoeken.binnenDagOpgepakt, verzoeken.aangemaakt)],
              ['Afgehandeld', verzoeken.afgehandeld, procent(verzoeken.afgehandeld, verzoeken.aangemaakt)],
              ['Na de deadline afgehandeld', verzoeken.teLaatAfgehandeld, procent(verzoeken.teLaatAfgehandeld, verzoeken.afgehandeld)],
              ['Open (vandaag)', verzoeken.openNu, null],
              ['Over de deadline (vandaag)', verzoeken.teLaatNu, procent(verzoeken.teLaatNu, verzoeken.openNu)],
            ],
            leeg: 'geen contactverzoeken.',
          },
        ],
      },
    ],
  };
}
