import { isMailAddress } from '../../platform/mail/mail-address.ts';
import { MAX_E_MAIL, MAX_NAAM, MAX_OPMERKING, MAX_TELEFOON, type FieldError } from './afspraak-pages.ts';

/** The details fields of the booking form as posted. */
export interface GegevensBody {
  naam?: string;
  e_mail?: string;
  telefoon?: string;
  opmerking?: string;
}

/** The details once checked: trimmed, the phone number absent when not given. */
export interface Gegevens {
  naam: string;
  eMail: string;
  telefoon: string | null;
  opmerking: string;
}

/** Digits with the usual separators and an optional leading +: 06-12345678, +31 20 123 4567, (020) 123 45 67. */
const TELEFOON = /^\+?[0-9 ()-]+$/;

/** Checks the details and reports every problem at once, each in words that say how to put it right. */
export function validateGegevens(body: GegevensBody): { ok: true; gegevens: Gegevens } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const naam = (body.naam ?? '').trim();
  const eMail = (body.e_mail ?? '').trim();
  const telefoon = (body.telefoon ?? '').trim();
  const opmerking = (body.opmerking ?? '').trim();
  if (naam === '') errors.push({ field: 'naam', message: 'Vul uw naam in.' });
  else if (naam.length > MAX_NAAM) errors.push({ field: 'naam', message: `Uw naam mag niet langer zijn dan ${MAX_NAAM} tekens.` });
  if (eMail === '') errors.push({ field: 'e_mail', message: 'Vul uw e-mailadres in.' });
  else if (eMail.length > MAX_E_MAIL || !isMailAddress(eMail)) errors.push({ field: 'e_mail', message: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.' });
  const digits = telefoon.replace(/\D/g, '').length;
  if (telefoon !== '' && (telefoon.length > MAX_TELEFOON || !TELEFOON.test(telefoon) || digits < 10 || digits > 15)) {
    errors.push({ field: 'telefoon', message: 'Vul een telefoonnummer in van 10 cijfers, zoals 06 12345678, of laat het veld leeg.' });
  }
  if (opmerking.length > MAX_OPMERKING) errors.push({ field: 'opmerking', message: `Uw opmerking mag niet langer zijn dan ${MAX_OPMERKING} tekens.` });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, gegevens: { naam, eMail, telefoon: telefoon === '' ? null : telefoon, opmerking } };
}
