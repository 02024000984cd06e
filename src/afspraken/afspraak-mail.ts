import type { MailMessage } from '../platform/mail/mailer.ts';
import { calendarFile } from './ics.ts';
import { formatDatumLang, formatMinuut, toAmsterdam } from './amsterdam-time.ts';
import type { LocatieRow, ProductRow } from './repository.ts';

/** What an appointment e-mail tells about. */
export interface AfspraakMailDetails {
  gemeente: string;
  product: Pick<ProductRow, 'naam'>;
  locatie: Pick<LocatieRow, 'naam' | 'adres' | 'postcode' | 'plaats'>;
  start: Date;
  eind: Date;
  naam: string;
  eMail: string;
  icsUid: string;
  icsVolgnummer: number;
  /** The management link (`…/afspraak/wijzigen/{token}`); absent in a cancellation, which has nothing left to manage. */
  beheerLink?: string;
}

export type AfspraakMailSoort = 'bevestiging' | 'wijziging' | 'annulering';

/** The location on one line, as the calendar shows it. */
export function locatieRegel(locatie: AfspraakMailDetails['locatie']): string {
  return [locatie.naam, locatie.adres, [locatie.postcode, locatie.plaats].filter((part) => part !== '').join(' ')].filter((part) => part !== '').join(', ');
}

/** "maandag 30 maart 2026 van 09:00 tot 09:15" in Dutch time. */
export function wanneer(start: Date, eind: Date): string {
  const begin = toAmsterdam(start);
  return `${formatDatumLang(begin.datum)} van ${formatMinuut(begin.minuut)} tot ${formatMinuut(toAmsterdam(eind).minuut)}`;
}

const SUBJECTS: Record<AfspraakMailSoort, string> = {
  bevestiging: 'Bevestiging van uw afspraak',
  wijziging: 'Uw afspraak is gewijzigd',
  annulering: 'Uw afspraak is geannuleerd',
};

/**
 * The e-mail about a booking, a change or a cancellation: plain Dutch text and the calendar file. A change and a
 * cancellation carry the booking's UID with a higher SEQUENCE, so the resident's calendar replaces the entry.
 */
export function afspraakMail(soort: AfspraakMailSoort, details: AfspraakMailDetails, now: Date): MailMessage {
  const when = wanneer(details.start, details.eind);
  const where = locatieRegel(details.locatie);
  const lines =
    soort === 'annulering'
      ? [`Beste ${details.naam},`, '', `Uw afspraak voor ${details.product.naam} op ${when} bij ${where} is geannuleerd.`, '', 'Wilt u toch langskomen? Maak dan een nieuwe afspraak op onze website.']
      : [
          `Beste ${details.naam},`,
          '',
          soort === 'wijziging' ? 'Uw afspraak is gewijzigd. Dit is uw nieuwe afspraak:' : 'Bedankt voor het maken van een afspraak. Dit zijn de gegevens:',
          '',
          `Waarvoor: ${details.product.naam}`,
          `Wanneer: ${when}`,
          `Waar: ${where}`,
          '',
          'Neem een geldig identiteitsbewijs mee. Komt u te laat, dan kunnen wij u misschien niet meer helpen.',
          '',
          'Wilt u de afspraak verzetten of annuleren? Gebruik dan deze link:',
          details.beheerLink ?? '',
          '',
          'In de bijlage staat de afspraak voor uw agenda.',
        ];
  lines.push('', 'Met vriendelijke groet,', details.gemeente);
  const ics = calendarFile({
    uid: details.icsUid,
    sequence: details.icsVolgnummer,
    start: details.start,
    end: details.eind,
    summary: `Afspraak ${details.gemeente}: ${details.product.naam}`,
    location: where,
    description: details.beheerLink ? `Verzetten of annuleren: ${details.beheerLink}` : 'Deze afspraak is geannuleerd.',
    stamp: now,
    method: soort === 'annulering' ? 'CANCEL' : 'PUBLISH',
  });
  return {
    to: details.eMail,
    subject: `${SUBJECTS[soort]}: ${details.product.naam}`,
    text: lines.join('\n'),
    attachments: [{ filename: 'afspraak.ics', contentType: `text/calendar; charset=utf-8; method=${soort === 'annulering' ? 'CANCEL' : 'PUBLISH'}`, content: ics }],
  };
}
