/*
 * Checks of Dutch input formats: IBAN (mod-97, ISO 13616), postcode, phone number, e-mail address and kenteken-like
 * patterns. Each returns the normalised value (what is stored) or undefined when the input is not valid.
 */

/** An IBAN without spaces, upper-case, when its check digits hold (mod 97 == 1); Dutch IBANs must be 18 characters. */
export function normaliseIban(input: string): string | undefined {
  const iban = input.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return undefined;
  if (iban.startsWith('NL') && !/^NL\d{2}[A-Z]{4}\d{10}$/.test(iban)) return undefined;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1 ? iban : undefined;
}

/** An IBAN in groups of four, as people read it. */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})/g, '$1 ').trim();
}

/** A Dutch postcode as `1234 AB`: four digits (no leading zero), two letters (not SA, SD or SS). */
export function normalisePostcode(input: string): string | undefined {
  const match = /^([1-9]\d{3})\s?([A-Za-z]{2})$/.exec(input.trim());
  if (!match) return undefined;
  const letters = (match[2] ?? '').toUpperCase();
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return undefined;
  return `${match[1]} ${letters}`;
}

/** A house number: 1 to 99999. */
export function normaliseHuisnummer(input: string): string | undefined {
  const value = input.trim();
  return /^[1-9]\d{0,4}$/.test(value) ? value : undefined;
}

/** A house number addition: up to four letters or digits (e.g. A, 2, bis), optionally after a hyphen. */
export function normaliseToevoeging(input: string): string | undefined {
  const value = input.trim().replace(/^-/, '');
  if (value === '') return '';
  return /^[A-Za-z0-9]{1,4}$/.test(value) ? value.toUpperCase() : undefined;
}

/**
 * A Dutch phone number as ten digits starting with 0 (`0612345678`, `0201234567`), from input with spaces, hyphens,
 * parentheses or the +31 / 0031 country code; the service numbers 14 0xx(x) are accepted as well.
 */
export function normaliseTelefoon(input: string): string | undefined {
  const compact = input.replace(/[\s\-().]/g, '');
  if (/^140\d{2,3}$/.test(compact)) return compact;
  const national = compact.replace(/^(\+31|0031)/, '0');
  return /^0[1-9]\d{8}$/.test(national) ? national : undefined;
}

/** An e-mail address: one @, a domain with a dot, no spaces; lower-cased domain. */
export function normaliseEmail(input: string): string | undefined {
  const value = input.trim();
  if (value.length > 254) return undefined;
  const match = /^([^\s@]+)@([^\s@]+\.[^\s@.]{2,})$/.exec(value);
  if (!match) return undefined;
  return `${match[1]}@${(match[2] ?? '').toLowerCase()}`;
}
