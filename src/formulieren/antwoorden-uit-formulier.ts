import type { Antwoord, Antwoorden, Veld } from './definitie.ts';

/*
 * Posted form fields as answers, the same for every channel that renders the e-form (the portal's steps, the KCC's
 * form on someone's behalf): an address from its three inputs, ticked checkboxes as a list, text trimmed.
 */

/** A posted form: urlencoded or multipart fields (other entries, such as parsed uploads, are ignored). */
export type FormulierBody = Readonly<Record<string, unknown>>;

function single(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return (typeof first === 'string' ? first : '').trim();
}

/**
 * `velden`' posted answers laid over `antwoorden`: every one of these fields, so an untick or an emptied field
 * counts. File fields are left alone (their answer is the upload).
 */
export function antwoordenUitFormulier(velden: readonly Veld[], antwoorden: Antwoorden, body: FormulierBody): Antwoorden {
  const merged: Antwoorden = { ...antwoorden };
  for (const veld of velden) {
    if (veld.type === 'bestand') continue;
    let answer: Antwoord;
    if (veld.type === 'adres') answer = { postcode: single(body[`${veld.id}--postcode`]), huisnummer: single(body[`${veld.id}--huisnummer`]), toevoeging: single(body[`${veld.id}--toevoeging`]) };
    else if (veld.type === 'keuze' && veld.weergave === 'checkboxes') {
      const value = body[veld.id];
      answer = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' && value !== '' ? [value] : [];
    } else answer = single(body[veld.id]).slice(0, 10_000);
    merged[veld.id] = answer;
  }
  return merged;
}
