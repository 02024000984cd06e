import {
  KEUZE_WEERGAVEN,
  MAX_UPLOAD_BYTES,
  PREFILL_BRONNEN,
  VELD_TYPEN,
  type FormulierDefinitie,
  type KeuzeOptie,
  type Stap,
  type Veld,
  type Voorwaarde,
} from './definitie.ts';

/*
 * Checks a form definition when it is saved (from the editor or an imported JSON file): the shape, field types,
 * unique ids, conditions that name an earlier field with values it can have, and the zaaktype's eigenschappen,
 * informatieobjecttypen and roltypen the fields map to. Every problem is listed, each with where it is, so the
 * beheerder can fix them all at once.
 */

/** What the zaaktype (the version valid today) offers a form to map to. */
export interface ZaaktypeFeiten {
  identificatie: string;
  eigenschappen: ReadonlyMap<string, { formaat: string; waardenverzameling: readonly string[] }>;
  informatieobjecttypen: readonly string[];
  roltypen: readonly string[];
}

export interface DefinitieProbleem {
  /** Where: `stappen[1].velden[0].eigenschap`. */
  plaats: string;
  melding: string;
}

export type DefinitieUitkomst = { definitie: FormulierDefinitie; problemen: [] } | { definitie?: undefined; problemen: DefinitieProbleem[] };

const ID = /^[a-z][a-z0-9-]{0,39}$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Checker {
  readonly problemen: DefinitieProbleem[] = [];

  add(plaats: string, melding: string): void {
    this.problemen.push({ plaats, melding });
  }

  text(source: Json, key: string, plaats: string, options: { required?: boolean; max?: number } = {}): string | undefined {
    const value = source[key];
    if (value === undefined || value === null || value === '') {
      if (options.required) this.add(`${plaats}.${key}`, 'Dit moet ingevuld zijn.');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.add(`${plaats}.${key}`, 'Dit moet tekst zijn.');
      return undefined;
    }
    if (options.max !== undefined && value.length > options.max) this.add(`${plaats}.${key}`, `Dit mag hoogstens ${options.max} tekens zijn.`);
    return value;
  }

  number(source: Json, key: string, plaats: string, options: { integer?: boolean; min?: number; max?: number } = {}): number | undefined {
    const value = source[key];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || (options.integer && !Number.isInteger(value))) {
      this.add(`${plaats}.${key}`, options.integer ? 'Dit moet een geheel getal zijn.' : 'Dit moet een getal zijn.');
      return undefined;
    }
    if ((options.min !== undefined && value < options.min) || (options.max !== undefined && value > options.max)) {
      this.add(`${plaats}.${key}`, `Dit moet liggen tussen ${options.min ?? '-∞'} en ${options.max ?? '∞'}.`);
      return undefined;
    }
    return value;
  }
}

function checkVoorwaarde(checker: Checker, raw: unknown, plaats: string, earlier: ReadonlyMap<string, Veld>): Voorwaarde | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw) || typeof raw.veld !== 'string' || !Array.isArray(raw.is) || raw.is.some((value) => typeof value !== 'string') || raw.is.length === 0) {
    checker.add(plaats, 'Een voorwaarde noemt een veld en een of meer waarden: {"veld": "…", "is": ["…"]}.');
    return undefined;
  }
  const values = raw.is as string[];
  const target = earlier.get(raw.veld);
  if (!target) {
    checker.add(`${plaats}.veld`, `De voorwaarde noemt veld '${raw.veld}', maar dat bestaat niet eerder in het formulier.`);
    return { veld: raw.veld, is: values };
  }
  if (target.type === 'keuze') {
    const options = new Set((target.opties ?? []).map((optie) => optie.waarde));
    const unknown = values.filter((value) => !options.has(value));
    if (unknown.length > 0) checker.add(`${plaats}.is`, `Veld '${target.id}' heeft geen antwoord ${unknown.map((value) => `'${value}'`).join(', ')}.`);
  } else if (target.type === 'bestand' || target.type === 'adres') {
    checker.add(`${plaats}.veld`, `Een voorwaarde kan niet afhangen van een ${target.type === 'bestand' ? 'bestand' : 'adres'} (veld '${target.id}').`);
  }
  return { veld: raw.veld, is: values };
}

function checkOpties(checker: Checker, raw: unknown, plaats: string): KeuzeOptie[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    checker.add(`${plaats}.opties`, 'Een keuzeveld heeft minstens één antwoord nodig.');
    return [];
  }
  const seen = new Set<string>();
  return raw.flatMap((optie, index) => {
    const at = `${plaats}.opties[${index}]`;
    if (!isObject(optie)) {
      checker.add(at, 'Een antwoord heeft een waarde en een label.');
      return [];
    }
    const waarde = checker.text(optie, 'waarde', at, { required: true, max: 100 });
    const label = checker.text(optie, 'label', at, { required: true, max: 200 });
    if (waarde === undefined || label === undefined) return [];
    if (seen.has(waarde)) checker.add(`${at}.waarde`, `Het antwoord '${waarde}' komt twee keer voor.`);
    seen.add(waarde);
    return [{ waarde, label }];
  });
}

function checkVeld(checker: Checker, raw: unknown, plaats: string, zaaktype: ZaaktypeFeiten, earlier: Map<string, Veld>): Veld | undefined {
  if (!isObject(raw)) {
    checker.add(plaats, 'Een veld is een object met id, type en label.');
    return undefined;
  }
  const id = checker.text(raw, 'id', plaats, { required: true });
  const type = raw.type;
  const label = checker.text(raw, 'label', plaats, { required: true, max: 200 });
  if (id !== undefined && !ID.test(id)) checker.add(`${plaats}.id`, `Het id '${id}' mag alleen kleine letters, cijfers en streepjes bevatten en begint met een letter.`);
  if (id !== undefined && earlier.has(id)) checker.add(`${plaats}.id`, `Het id '${id}' komt twee keer voor in het formulier.`);
  if (typeof type !== 'string' || !(VELD_TYPEN as readonly string[]).includes(type)) {
    checker.add(`${plaats}.type`, `Onbekend veldtype '${String(type)}'. Kies uit: ${VELD_TYPEN.join(', ')}.`);
    return undefined;
  }
  if (id === undefined || label === undefined) return undefined;
  const veld: Veld = { id, type: type as Veld['type'], label, verplicht: raw.verplicht === true };
  const hulptekst = checker.text(raw, 'hulptekst', plaats, { max: 500 });
  if (hulptekst !== undefined) veld.hulptekst = hulptekst;
  const voorwaarde = checkVoorwaarde(checker, raw.voorwaarde, `${plaats}.voorwaarde`, earlier);
  if (voorwaarde) veld.voorwaarde = voorwaarde;
  const prefill = raw.prefill;
  if (prefill !== undefined && prefill !== null && prefill !== '') {
    if (typeof prefill === 'string' && (PREFILL_BRONNEN as readonly string[]).includes(prefill)) veld.prefill = prefill as Veld['prefill'];
    else checker.add(`${plaats}.prefill`, `Vooraf invullen kan met: ${PREFILL_BRONNEN.join(', ')}.`);
  }
  const eigenschap = checker.text(raw, 'eigenschap', plaats, { max: 200 });
  if (eigenschap !== undefined) {
    const spec = zaaktype.eigenschappen.get(eigenschap);
    if (!spec) checker.add(`${plaats}.eigenschap`, `Zaaktype ${zaaktype.identificatie} heeft geen eigenschap '${eigenschap}'.`);
    else if (type === 'bestand') checker.add(`${plaats}.eigenschap`, 'Een bestand wordt een document, geen eigenschap: kies een informatieobjecttype.');
    else if ((spec.formaat === 'datum' && type !== 'datum') || (spec.formaat === 'getal' && type !== 'getal' && spec.waardenverzameling.length === 0) || spec.formaat === 'datum_tijd') {
      // The zaak would refuse the answer at submission: say so while the form is edited.
      checker.add(`${plaats}.eigenschap`, `Eigenschap '${eigenschap}' heeft formaat ${spec.formaat}; een veld van soort ${String(type)} past daar niet bij.`);
    }
    veld.eigenschap = eigenschap;
  }
  switch (veld.type) {
    case 'tekst':
    case 'tekstvlak': {
      const max = checker.number(raw, 'maxLengte', plaats, { integer: true, min: 1, max: 10_000 });
      if (max !== undefined) veld.maxLengte = max;
      const patroon = checker.text(raw, 'patroon', plaats, { max: 300 });
      if (patroon !== undefined) {
        try {
          new RegExp(patroon, 'u');
          veld.patroon = patroon;
        } catch {
          checker.add(`${plaats}.patroon`, 'Dit is geen geldige reguliere expressie.');
        }
        const melding = checker.text(raw, 'patroonMelding', plaats, { max: 300 });
        if (melding !== undefined) veld.patroonMelding = melding;
        else checker.add(`${plaats}.patroonMelding`, 'Geef bij een patroon de melding die de inwoner ziet als het antwoord niet past.');
      }
      break;
    }
    case 'getal': {
      const min = checker.number(raw, 'min', plaats);
      const max = checker.number(raw, 'max', plaats);
      if (min !== undefined) veld.min = min;
      if (max !== undefined) veld.max = max;
      if (min !== undefined && max !== undefined && min > max) checker.add(`${plaats}.max`, 'Het maximum is kleiner dan het minimum.');
      break;
    }
    case 'datum': {
      const min = checker.number(raw, 'minDagen', plaats, { integer: true, min: -36_500, max: 36_500 });
      const max = checker.number(raw, 'maxDagen', plaats, { integer: true, min: -36_500, max: 36_500 });
      if (min !== undefined) veld.minDagen = min;
      if (max !== undefined) veld.maxDagen = max;
      if (min !== undefined && max !== undefined && min > max) checker.add(`${plaats}.maxDagen`, 'De laatste dag ligt vóór de eerste dag.');
      break;
    }
    case 'keuze': {
      const weergave = raw.weergave ?? 'radio';
      if (typeof weergave === 'string' && (KEUZE_WEERGAVEN as readonly string[]).includes(weergave)) veld.weergave = weergave as Veld['weergave'];
      else checker.add(`${plaats}.weergave`, `Een keuze wordt getoond als: ${KEUZE_WEERGAVEN.join(', ')}.`);
      veld.opties = checkOpties(checker, raw.opties, plaats);
      const spec = eigenschap === undefined ? undefined : zaaktype.eigenschappen.get(eigenschap);
      if (spec && spec.waardenverzameling.length > 0) {
        const outside = veld.opties.filter((optie) => !spec.waardenverzameling.includes(optie.waarde));
        if (outside.length > 0) checker.add(`${plaats}.opties`, `Eigenschap '${eigenschap}' kent de waarde${outside.length > 1 ? 'n' : ''} ${outside.map((optie) => `'${optie.waarde}'`).join(', ')} niet.`);
      }
      break;
    }
    case 'bsn': {
      veld.meerdere = raw.meerdere === true;
      const roltype = checker.text(raw, 'roltype', plaats, { max: 200 });
      if (roltype !== undefined) {
        if (!zaaktype.roltypen.includes(roltype)) checker.add(`${plaats}.roltype`, `Zaaktype ${zaaktype.identificatie} heeft geen roltype '${roltype}'.`);
        veld.roltype = roltype;
      }
      break;
    }
    case 'bestand': {
      const types = raw.bestandstypen;
      if (types !== undefined) {
        if (!Array.isArray(types) || types.length === 0 || types.some((value) => typeof value !== 'string' || !/^[a-z]+\/[a-z0-9.+-]+$/.test(value))) {
          checker.add(`${plaats}.bestandstypen`, 'Geef de toegestane soorten als MIME-types, bijvoorbeeld ["image/jpeg", "application/pdf"].');
        } else veld.bestandstypen = types as string[];
      }
      const max = checker.number(raw, 'maxBytes', plaats, { integer: true, min: 1, max: MAX_UPLOAD_BYTES });
      if (max !== undefined) veld.maxBytes = max;
      const iot = checker.text(raw, 'informatieobjecttype', plaats, { required: true, max: 200 });
      if (iot !== undefined) {
        if (!zaaktype.informatieobjecttypen.includes(iot)) checker.add(`${plaats}.informatieobjecttype`, `Zaaktype ${zaaktype.identificatie} heeft geen informatieobjecttype '${iot}'.`);
        veld.informatieobjecttype = iot;
      }
      break;
    }
    default:
      break;
  }
  earlier.set(id, veld);
  return veld;
}

function checkStap(checker: Checker, raw: unknown, plaats: string, zaaktype: ZaaktypeFeiten, earlier: Map<string, Veld>, stapIds: Set<string>): Stap | undefined {
  if (!isObject(raw)) {
    checker.add(plaats, 'Een stap is een object met id, titel en velden.');
    return undefined;
  }
  const id = checker.text(raw, 'id', plaats, { required: true });
  const titel = checker.text(raw, 'titel', plaats, { required: true, max: 200 });
  if (id !== undefined && !ID.test(id)) checker.add(`${plaats}.id`, `Het id '${id}' mag alleen kleine letters, cijfers en streepjes bevatten en begint met een letter.`);
  if (id !== undefined && stapIds.has(id)) checker.add(`${plaats}.id`, `Het stap-id '${id}' komt twee keer voor.`);
  if (id !== undefined) stapIds.add(id);
  const uitleg = checker.text(raw, 'uitleg', plaats, { max: 2000 });
  const voorwaarde = checkVoorwaarde(checker, raw.voorwaarde, `${plaats}.voorwaarde`, earlier);
  if (!Array.isArray(raw.velden) || raw.velden.length === 0) {
    checker.add(`${plaats}.velden`, 'Een stap heeft minstens één veld.');
    return undefined;
  }
  const velden = raw.velden.flatMap((veld, index) => checkVeld(checker, veld, `${plaats}.velden[${index}]`, zaaktype, earlier) ?? []);
  if (id === undefined || titel === undefined) return undefined;
  return { id, titel, ...(uitleg === undefined ? {} : { uitleg }), ...(voorwaarde ? { voorwaarde } : {}), velden };
}

/** Checks a definition against the zaaktype it is for; the definition comes back only when there is no problem. */
export function controleerDefinitie(raw: unknown, zaaktype: ZaaktypeFeiten): DefinitieUitkomst {
  const checker = new Checker();
  if (!isObject(raw)) return { problemen: [{ plaats: '', melding: 'Een formulier is een JSON-object met titel, inleiding, zaakomschrijving en stappen.' }] };
  const titel = checker.text(raw, 'titel', 'formulier', { required: true, max: 200 });
  const inleiding = checker.text(raw, 'inleiding', 'formulier', { max: 4000 }) ?? '';
  const zaakomschrijving = checker.text(raw, 'zaakomschrijving', 'formulier', { required: true, max: 80 });
  const formulierIot = checker.text(raw, 'formulierInformatieobjecttype', 'formulier', { max: 200 });
  if (formulierIot !== undefined && !zaaktype.informatieobjecttypen.includes(formulierIot)) {
    checker.add('formulier.formulierInformatieobjecttype', `Zaaktype ${zaaktype.identificatie} heeft geen informatieobjecttype '${formulierIot}'.`);
  }
  const earlier = new Map<string, Veld>();
  const stapIds = new Set<string>();
  let stappen: Stap[] = [];
  if (!Array.isArray(raw.stappen) || raw.stappen.length === 0) checker.add('formulier.stappen', 'Een formulier heeft minstens één stap.');
  else stappen = raw.stappen.flatMap((stap, index) => checkStap(checker, stap, `stappen[${index}]`, zaaktype, earlier, stapIds) ?? []);
  if (checker.problemen.length > 0 || titel === undefined || zaakomschrijving === undefined) {
    return { problemen: checker.problemen.length > 0 ? checker.problemen : [{ plaats: 'formulier', melding: 'Het formulier is niet compleet.' }] };
  }
  return { definitie: { titel, inleiding, zaakomschrijving, ...(formulierIot === undefined ? {} : { formulierInformatieobjecttype: formulierIot }), stappen }, problemen: [] };
}

/** A new form for a zaaktype: one step with one field, ready to edit. */
export function nieuweDefinitie(zaaktypeOmschrijving: string): FormulierDefinitie {
  return {
    titel: zaaktypeOmschrijving,
    inleiding: '',
    zaakomschrijving: zaaktypeOmschrijving.slice(0, 80),
    stappen: [{ id: 'stap-1', titel: 'Uw gegevens', velden: [{ id: 'toelichting', type: 'tekstvlak', label: 'Toelichting', verplicht: true }] }],
  };
}
