import { toonDatum } from './dagen.ts';
import { isAdresAntwoord, type Antwoord, type Antwoorden, type Bestand, type FormulierDefinitie, type Stap, type Veld } from './definitie.ts';
import { formatIban } from './invoer-formaten.ts';
import { formatBytes } from './veld-validatie.ts';
import { zichtbareStappen, zichtbareVelden } from './voorwaarden.ts';

/*
 * The answers as a person reads them: for the summary page before sending, and as the text of the filled-in form
 * that the zaak receives as a document.
 */

export interface SamenvattingRegel {
  veld: Veld;
  waarde: string;
}

export interface SamenvattingStap {
  stap: Stap;
  regels: SamenvattingRegel[];
}

/** One answer in words ("Ja", "1234 AB 12-A", "23-11-2026", "foto.jpg (1,2 MB)"); '' when not given. */
export function toonAntwoord(veld: Veld, answer: Antwoord | undefined, bestand?: Pick<Bestand, 'bestandsnaam' | 'grootte'>): string {
  if (veld.type === 'bestand') return bestand ? `${bestand.bestandsnaam} (${formatBytes(bestand.grootte)})` : '';
  if (answer === undefined) return '';
  if (isAdresAntwoord(answer)) {
    if (answer.postcode === '' && answer.huisnummer === '') return '';
    return `${answer.postcode} ${answer.huisnummer}${answer.toevoeging === '' ? '' : `-${answer.toevoeging}`}`;
  }
  const labels = new Map((veld.opties ?? []).map((optie) => [optie.waarde, optie.label]));
  if (Array.isArray(answer)) return answer.map((value) => labels.get(value) ?? value).join(', ');
  if (veld.type === 'keuze') return labels.get(answer) ?? answer;
  if (veld.type === 'datum' && /^\d{4}-\d{2}-\d{2}$/.test(answer)) return toonDatum(answer);
  if (veld.type === 'iban') return formatIban(answer);
  if (veld.type === 'bsn') return answer.split('\n').join(', ');
  return answer;
}

/** The steps and answers that apply, in order. */
export function samenvatting(definitie: FormulierDefinitie, antwoorden: Antwoorden, bestanden: readonly Pick<Bestand, 'veld' | 'bestandsnaam' | 'grootte'>[]): SamenvattingStap[] {
  const zichtbaar = zichtbareVelden(definitie, antwoorden);
  return zichtbareStappen(definitie, antwoorden).map((stap) => ({
    stap,
    regels: stap.velden
      .filter((veld) => zichtbaar.has(veld.id))
      .map((veld) => ({ veld, waarde: toonAntwoord(veld, antwoorden[veld.id], bestanden.find((bestand) => bestand.veld === veld.id)) })),
  }));
}

/** The filled-in form as plain text, for the zaak's document. */
export function samenvattingAlsTekst(definitie: FormulierDefinitie, antwoorden: Antwoorden, bestanden: readonly Pick<Bestand, 'veld' | 'bestandsnaam' | 'grootte'>[]): string {
  const lines = [definitie.titel, '='.repeat(definitie.titel.length), ''];
  for (const { stap, regels } of samenvatting(definitie, antwoorden, bestanden)) {
    lines.push(stap.titel, '-'.repeat(stap.titel.length));
    for (const regel of regels) lines.push(`${regel.veld.label}: ${regel.waarde === '' ? '(niet ingevuld)' : regel.waarde}`);
    lines.push('');
  }
  return lines.join('\n');
}
