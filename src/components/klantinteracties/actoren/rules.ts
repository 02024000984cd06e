import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import type { JsonRecord } from '../../../platform/database/tables/klantinteracties.ts';

/*
 * `actorIdentificatie` per soort actor (klantinteracties-0.9.0.yaml): a medewerker has a functie and a phone number
 * (e-mail optional), a geautomatiseerde actor a functie (omschrijving optional), an organisatorische eenheid any of
 * omschrijving, e-mail, fax and phone.
 */

interface FieldRule {
  max: number;
  required?: true;
  pattern?: RegExp;
  message?: string;
}

const TELEFOON = { max: 20, pattern: /^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$/, message: 'Een telefoonnummer is 10 cijfers of internationaal met + of 00.' };
const EMAIL = { max: 254, pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, message: 'Dit is geen geldig e-mailadres.' };

const RULES: Record<string, Record<string, FieldRule>> = {
  medewerker: { functie: { max: 40, required: true }, emailadres: EMAIL, telefoonnummer: { ...TELEFOON, required: true } },
  geautomatiseerde_actor: { functie: { max: 40, required: true }, omschrijving: { max: 200 } },
  organisatorische_eenheid: { omschrijving: { max: 200 }, emailadres: EMAIL, faxnummer: { max: 20 }, telefoonnummer: TELEFOON },
};

/** The stored identificatie (only the soort's own fields) and every problem with it. */
export function actorIdentificatie(soort: string, value: unknown): { stored: JsonRecord; problems: InvalidParam[] } {
  const given = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as JsonRecord;
  const stored: JsonRecord = {};
  const problems: InvalidParam[] = [];
  for (const [field, rule] of Object.entries(RULES[soort] ?? {})) {
    const name = `actorIdentificatie.${field}`;
    const raw = given[field];
    if (raw === undefined || raw === '') {
      if (rule.required) problems.push({ name, code: 'required', reason: 'Dit veld is vereist.' });
      continue;
    }
    if (typeof raw !== 'string') problems.push({ name, code: 'invalid', reason: 'Dit veld is tekst.' });
    else if (raw.length > rule.max) problems.push({ name, code: 'max_length', reason: `Hooguit ${rule.max} tekens.` });
    else if (rule.pattern && !rule.pattern.test(raw)) problems.push({ name, code: 'invalid', reason: rule.message ?? 'Ongeldige waarde.' });
    else stored[field] = raw;
  }
  return { stored, problems };
}
