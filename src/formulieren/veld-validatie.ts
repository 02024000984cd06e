import { isValidBsn } from '../platform/personal-data/bsn.ts';
import { leesDatum, plusDagen, toonDatum } from './dagen.ts';
import { DEFAULT_BESTANDSTYPEN, DEFAULT_MAX_BYTES, isAdresAntwoord, type Antwoord, type Bestand, type Veld } from './definitie.ts';
import { normaliseEmail, normaliseHuisnummer, normaliseIban, normalisePostcode, normaliseTelefoon, normaliseToevoeging } from './invoer-formaten.ts';

/*
 * One field's answer checked against its type and validation, in the words the NL Design System form pattern asks
 * for: what is wrong and how to put it right. A valid answer comes back normalised (postcode `1234 AB`, IBAN without
 * spaces, date YYYY-MM-DD); an empty optional answer comes back as undefined.
 */

export type VeldUitkomst = { waarde: Antwoord | undefined; fout?: undefined } | { waarde?: undefined; fout: string };

function leeg(answer: Antwoord | undefined): boolean {
  if (answer === undefined) return true;
  if (typeof answer === 'string') return answer.trim() === '';
  if (Array.isArray(answer)) return answer.length === 0;
  return answer.postcode.trim() === '' && answer.huisnummer.trim() === '' && answer.toevoeging.trim() === '';
}

function tekst(answer: Antwoord | undefined): string {
  return typeof answer === 'string' ? answer.trim() : '';
}

function verplichtMelding(veld: Veld): string {
  if (veld.type === 'keuze') return `Kies een antwoord bij '${veld.label}'.`;
  if (veld.type === 'bestand') return `Kies een bestand bij '${veld.label}'.`;
  if (veld.type === 'adres') return `Vul de postcode en het huisnummer in bij '${veld.label}'.`;
  return `Vul '${veld.label}' in.`;
}

function checkTekst(veld: Veld, value: string): VeldUitkomst {
  const max = veld.maxLengte ?? (veld.type === 'tekstvlak' ? 2000 : 200);
  if ([...value].length > max) return { fout: `Gebruik bij '${veld.label}' hoogstens ${max} tekens.` };
  if (veld.patroon !== undefined && !new RegExp(`^(?:${veld.patroon})$`, 'u').test(value)) {
    return { fout: veld.patroonMelding ?? `Het antwoord bij '${veld.label}' heeft niet de goede vorm.` };
  }
  return { waarde: value };
}

function checkGetal(veld: Veld, value: string): VeldUitkomst {
  if (!/^-?\d+([.,]\d+)?$/.test(value)) return { fout: `Vul bij '${veld.label}' een getal in, bijvoorbeeld 3.` };
  const number = Number(value.replace(',', '.'));
  if (veld.min !== undefined && number < veld.min) return { fout: `Vul bij '${veld.label}' een getal in van minimaal ${veld.min}.` };
  if (veld.max !== undefined && number > veld.max) return { fout: `Vul bij '${veld.label}' een getal in van hoogstens ${veld.max}.` };
  return { waarde: value.replace('.', ',') };
}

function checkDatum(veld: Veld, value: string, today: string): VeldUitkomst {
  const date = leesDatum(value);
  if (date === undefined) return { fout: `Vul bij '${veld.label}' een bestaande datum in, bijvoorbeeld ${toonDatum(today)}.` };
  if (veld.minDagen !== undefined && date < plusDagen(today, veld.minDagen)) {
    const earliest = plusDagen(today, veld.minDagen);
    return { fout: veld.minDagen === 0 ? `De datum bij '${veld.label}' mag niet in het verleden liggen.` : `De datum bij '${veld.label}' mag niet vóór ${toonDatum(earliest)} liggen.` };
  }
  if (veld.maxDagen !== undefined && date > plusDagen(today, veld.maxDagen)) {
    const latest = plusDagen(today, veld.maxDagen);
    return { fout: veld.maxDagen === 0 ? `De datum bij '${veld.label}' mag niet in de toekomst liggen.` : `De datum bij '${veld.label}' mag niet na ${toonDatum(latest)} liggen.` };
  }
  return { waarde: date };
}

function checkKeuze(veld: Veld, answer: Antwoord | undefined): VeldUitkomst {
  const allowed = new Set((veld.opties ?? []).map((optie) => optie.waarde));
  if (veld.weergave === 'checkboxes') {
    const given = Array.isArray(answer) ? answer : typeof answer === 'string' && answer !== '' ? [answer] : [];
    if (given.some((value) => !allowed.has(value))) return { fout: `Kies bij '${veld.label}' uit de antwoorden die er staan.` };
    return { waarde: [...new Set(given)] };
  }
  const value = tekst(answer);
  if (!allowed.has(value)) return { fout: `Kies bij '${veld.label}' een van de antwoorden die er staan.` };
  return { waarde: value };
}

function checkAdres(veld: Veld, answer: Antwoord | undefined): VeldUitkomst {
  if (!isAdresAntwoord(answer)) return { fout: verplichtMelding(veld) };
  const postcode = normalisePostcode(answer.postcode);
  const huisnummer = normaliseHuisnummer(answer.huisnummer);
  const toevoeging = normaliseToevoeging(answer.toevoeging);
  if (postcode === undefined) return { fout: `Vul bij '${veld.label}' een geldige postcode in: 4 cijfers en 2 letters, bijvoorbeeld 1234 AB.` };
  if (huisnummer === undefined) return { fout: `Vul bij '${veld.label}' een huisnummer in van alleen cijfers, bijvoorbeeld 12.` };
  if (toevoeging === undefined) return { fout: `Vul bij '${veld.label}' een toevoeging in van hoogstens 4 letters of cijfers, bijvoorbeeld A.` };
  return { waarde: { postcode, huisnummer, toevoeging } };
}

function checkBsn(veld: Veld, value: string): VeldUitkomst {
  const numbers = veld.meerdere ? value.split(/[\s,;]+/).filter((part) => part !== '') : [value.replace(/[\s.]/g, '')];
  for (const number of numbers) {
    if (!/^\d{9}$/.test(number)) return { fout: `Een BSN heeft 9 cijfers. Controleer '${number}' bij '${veld.label}'.` };
    if (!isValidBsn(number)) return { fout: `'${number}' bij '${veld.label}' is geen geldig BSN. Controleer het nummer.` };
  }
  if (veld.meerdere && new Set(numbers).size !== numbers.length) return { fout: `Vul bij '${veld.label}' elk BSN maar één keer in.` };
  return { waarde: veld.meerdere ? numbers.join('\n') : (numbers[0] ?? '') };
}

/** Checks one field's answer (`bestand`: the uploaded file, for a file field). */
export function checkVeld(veld: Veld, answer: Antwoord | undefined, today: string, bestand?: Bestand): VeldUitkomst {
  if (veld.type === 'bestand') {
    if (!bestand) return veld.verplicht ? { fout: verplichtMelding(veld) } : { waarde: undefined };
    return checkBestand(veld, bestand);
  }
  if (leeg(answer)) return veld.verplicht ? { fout: verplichtMelding(veld) } : { waarde: undefined };
  const value = tekst(answer);
  switch (veld.type) {
    case 'tekst':
    case 'tekstvlak':
      return checkTekst(veld, value);
    case 'getal':
      return checkGetal(veld, value);
    case 'datum':
      return checkDatum(veld, value, today);
    case 'keuze':
      return checkKeuze(veld, answer);
    case 'adres':
      return checkAdres(veld, answer);
    case 'bsn':
      return checkBsn(veld, value);
    case 'iban': {
      const iban = normaliseIban(value);
      return iban === undefined ? { fout: `Vul bij '${veld.label}' een geldig IBAN in, bijvoorbeeld NL91 ABNA 0417 1643 00.` } : { waarde: iban };
    }
    case 'email': {
      const email = normaliseEmail(value);
      return email === undefined ? { fout: `Vul bij '${veld.label}' een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.` } : { waarde: email };
    }
    case 'telefoon': {
      const telefoon = normaliseTelefoon(value);
      return telefoon === undefined ? { fout: `Vul bij '${veld.label}' een Nederlands telefoonnummer in van 10 cijfers, bijvoorbeeld 06 12345678.` } : { waarde: telefoon };
    }
  }
}

/** Whether an uploaded file fits the field (type, size); the same words for the upload itself and the final check. */
export function checkBestand(veld: Veld, bestand: Pick<Bestand, 'formaat' | 'grootte' | 'bestandsnaam'>): VeldUitkomst {
  const types = veld.bestandstypen ?? DEFAULT_BESTANDSTYPEN;
  const max = veld.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bestand.grootte === 0) return { fout: `Het bestand '${bestand.bestandsnaam}' is leeg. Kies een ander bestand.` };
  if (bestand.grootte > max) return { fout: `Het bestand '${bestand.bestandsnaam}' is te groot. Het mag hoogstens ${formatBytes(max)} zijn.` };
  if (!types.includes(bestand.formaat)) return { fout: `Het bestand '${bestand.bestandsnaam}' heeft een soort die niet kan. Kies een ${typeNamen(types)}.` };
  return { waarde: bestand.bestandsnaam };
}

const TYPE_NAMEN: Record<string, string> = {
  'image/jpeg': 'JPG-foto',
  'image/png': 'PNG-afbeelding',
  'application/pdf': 'PDF',
  'image/heic': 'HEIC-foto',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word-document',
};

/** "JPG-foto, PNG-afbeelding of PDF". */
export function typeNamen(types: readonly string[]): string {
  const names = types.map((type) => TYPE_NAMEN[type] ?? type);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} of ${names[names.length - 1] ?? ''}`;
}

/** "10 MB", "512 kB". */
export function formatBytes(bytes: number): string {
  const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${number.format(bytes / 1024)} kB` : `${number.format(bytes / (1024 * 1024))} MB`;
}
