/*
 * The search log keeps what people look for, never who they are. People type their own details into search boxes
 * ("bsn 123456782 uittreksel", "mijn mail is jan@example.nl"), so every query and every remark is masked before it
 * is stored: e-mail addresses, BSN-like and other long numbers, phone numbers, IBANs and postcodes with a house number.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const IBAN = /\b[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d){10}\b/gi;
// +31 6 12345678, 0031 20 1234567, 06-12345678, 020 123 4567, (020) 1234567: a Dutch number is ten digits from the 0.
const PHONE = /(?:(?:\+|00)\s?31[\s.-]?(?:\(0\)[\s.-]?)?|\(?0)(?:[\s.()-]?\d){9}\b/g;
// Nine digits, possibly grouped (123.456.782, 123 45 6782): a BSN, whether or not it passes the 11-proef.
const NINE_DIGITS = /(?<![\d])\d(?:[\s.-]?\d){8}(?![\d])/g;
// Anything else with seven or more digits in a row (account numbers, customer numbers, other people's numbers).
const LONG_NUMBER = /\d{7,}/g;
const POSTCODE_HOUSE_NUMBER = /\b\d{4}\s?[a-z]{2}\s+\d{1,5}\s?[a-z]?\b/gi;

/** The text with personal data replaced by a placeholder naming what was there. */
export function maskPersonalData(text: string): string {
  return text
    .replace(EMAIL, '[e-mail]')
    .replace(IBAN, '[rekeningnummer]')
    .replace(PHONE, '[telefoonnummer]')
    .replace(NINE_DIGITS, '[bsn]')
    .replace(LONG_NUMBER, '[nummer]')
    .replace(POSTCODE_HOUSE_NUMBER, '[adres]');
}
