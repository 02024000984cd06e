import { parseBedrag } from '../begroting/bedrag.ts';

/* Reading the controller's forms: every problem at once, beside its field, in words that say how to fix it. */

/** One problem with one field of a form. */
export interface VeldFout {
  fieldId: string;
  message: string;
}

export type Gelezen<T> = { ok: true; value: T } | { ok: false; errors: VeldFout[] };

/** What a form posted: every field as text (absent fields are undefined). */
export type FormulierWaarden = Record<string, string | undefined>;

/** Collects the problems while the fields are read, so the form reports them all together. */
export class FormulierLezer {
  readonly errors: VeldFout[] = [];

  constructor(private readonly waarden: FormulierWaarden) {}

  private fout(fieldId: string, message: string): void {
    this.errors.push({ fieldId, message });
  }

  /** Trimmed text; `verplicht` refuses an empty field. */
  tekst(veld: string, label: string, opties: { verplicht?: boolean; max?: number } = {}): string {
    const value = (this.waarden[veld] ?? '').trim();
    const max = opties.max ?? 200;
    if (opties.verplicht && value === '') this.fout(veld, `Vul ${label} in.`);
    else if (value.length > max) this.fout(veld, `${capitalise(label)} mag hoogstens ${max} tekens zijn.`);
    return value;
  }

  /** An amount in euro as people type it (1.234,56 or 1234.56) as cents; empty gives null unless `verplicht`. */
  bedrag(veld: string, label: string, opties: { verplicht?: boolean; nietNegatief?: boolean } = {}): number | null {
    const value = (this.waarden[veld] ?? '').trim();
    if (value === '') {
      if (opties.verplicht) this.fout(veld, `Vul ${label} in, in euro, bijvoorbeeld 250000 of 1.250.000,00.`);
      return null;
    }
    const parsed = parseBedrag(value);
    if ('fout' in parsed) {
      this.fout(veld, `${capitalise(label)}: ${parsed.fout}`);
      return null;
    }
    if (opties.nietNegatief && parsed.centen < 0) {
      this.fout(veld, `${capitalise(label)} kan niet negatief zijn.`);
      return null;
    }
    return parsed.centen;
  }

  /** A percentage from 0 to 100 with at most two decimals (comma or point). */
  percentage(veld: string, label: string): number | null {
    const value = (this.waarden[veld] ?? '').trim().replace('%', '').trim();
    if (!/^\d{1,3}([.,]\d{1,2})?$/.test(value) || Number(value.replace(',', '.')) > 100) {
      this.fout(veld, `Vul ${label} in als een percentage van 0 tot en met 100, bijvoorbeeld 25 of 12,5.`);
      return null;
    }
    return Number(value.replace(',', '.'));
  }

  /** A required number with at most two decimals (comma or point), within [min, max]; a minus sign is allowed. */
  getal(veld: string, label: string, opties: { min: number; max: number }): number | null {
    const value = (this.waarden[veld] ?? '').trim().replace('%', '').trim().replace('\u2212', '-');
    const parsed = Number(value.replace(',', '.'));
    if (!/^-?\d{1,6}([.,]\d{1,2})?$/.test(value) || parsed < opties.min || parsed > opties.max) {
      this.fout(veld, `Vul ${label} in als een getal van ${getalTekst(opties.min)} tot en met ${getalTekst(opties.max)}, met hoogstens twee decimalen, bijvoorbeeld ${getalTekst(Math.min(Math.max(12.5, opties.min), opties.max))}.`);
      return null;
    }
    return parsed === 0 ? 0 : parsed;
  }

  /** A year within the range a budget can be about. */
  jaar(veld: string, label: string, opties: { verplicht?: boolean } = {}): number | null {
    const value = (this.waarden[veld] ?? '').trim();
    if (value === '' && !opties.verplicht) return null;
    if (!/^\d{4}$/.test(value) || Number(value) < 2000 || Number(value) > 2100) {
      this.fout(veld, `Vul ${label} in als jaartal, bijvoorbeeld 2027.`);
      return null;
    }
    return Number(value);
  }

  /** One of the allowed values (radio buttons or a select). */
  keuze<T extends string>(veld: string, label: string, toegestaan: readonly T[]): T | null {
    const value = (this.waarden[veld] ?? '').trim();
    if (!(toegestaan as readonly string[]).includes(value)) {
      this.fout(veld, `Kies ${label}.`);
      return null;
    }
    return value as T;
  }

  /** A checkbox or yes/no choice: "ja" is true. */
  jaNee(veld: string): boolean {
    return this.waarden[veld] === 'ja';
  }

  /** The result: the value when no field had a problem. */
  uitkomst<T>(value: () => T): Gelezen<T> {
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, value: value() };
  }

  /** Records a problem found by a check across fields or against the database. */
  meld(fieldId: string, message: string): void {
    this.fout(fieldId, message);
  }
}

function getalTekst(value: number): string {
  return String(value).replace('.', ',').replace('-', '\u2212');
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** Cents as the form shows them again: "1234,56" (no thousands separator, so it reads back unambiguously). */
export function bedragInvoer(centen: number | string | null | undefined): string {
  if (centen === null || centen === undefined || centen === '') return '';
  const value = Number(centen);
  const sign = value < 0 ? '-' : '';
  const absolute = Math.abs(value);
  const cents = absolute % 100;
  return `${sign}${Math.floor(absolute / 100)}${cents === 0 ? '' : `,${String(cents).padStart(2, '0')}`}`;
}
