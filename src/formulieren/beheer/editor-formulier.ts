import type { FormulierDefinitie, KeuzeOptie, Stap, Veld, Voorwaarde } from '../definitie.ts';

/*
 * The structured editor works without script: the whole form definition is one HTML form, each step and field a
 * group of inputs named `s{i}.…` and `s{i}.v{j}.…`. A post is read back into a definition (as raw JSON, so the
 * definition checks report on it like on an import), then the button pressed (add, move, remove) is applied.
 */

export type Body = Record<string, string | string[] | undefined>;

function value(body: Body, name: string): string {
  const raw = body[name];
  return (Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '')).trim();
}

function optionalText(body: Body, name: string): string | undefined {
  const text = value(body, name);
  return text === '' ? undefined : text;
}

/** A number field: empty is absent; anything else that is no number is kept as text, so the checks name it. */
function optionalNumber(body: Body, name: string, scale = 1): number | string | undefined {
  const text = value(body, name).replace(',', '.');
  if (text === '') return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? Math.round(number * scale) : text;
}

function voorwaarde(body: Body, prefix: string): Voorwaarde | undefined {
  const veld = value(body, `${prefix}.voorwaarde.veld`);
  if (veld === '') return undefined;
  return { veld, is: value(body, `${prefix}.voorwaarde.is`).split(',').map((part) => part.trim()).filter((part) => part !== '') };
}

/** Options, one per line: `waarde | label`, or just a label that is also the value. */
export function leesOpties(text: string): KeuzeOptie[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [waarde, ...label] = line.split('|');
      const rest = label.join('|').trim();
      return { waarde: (waarde ?? '').trim(), label: rest === '' ? (waarde ?? '').trim() : rest };
    });
}

export function schrijfOpties(opties: readonly KeuzeOptie[] | undefined): string {
  return (opties ?? []).map((optie) => (optie.waarde === optie.label ? optie.waarde : `${optie.waarde} | ${optie.label}`)).join('\n');
}

const MB = 1024 * 1024;

function veldUit(body: Body, prefix: string): Record<string, unknown> {
  const type = value(body, `${prefix}.type`);
  const veld: Record<string, unknown> = {
    id: value(body, `${prefix}.id`),
    type,
    label: value(body, `${prefix}.label`),
    hulptekst: optionalText(body, `${prefix}.hulptekst`),
    verplicht: value(body, `${prefix}.verplicht`) === 'ja',
    voorwaarde: voorwaarde(body, prefix),
    eigenschap: optionalText(body, `${prefix}.eigenschap`),
    prefill: optionalText(body, `${prefix}.prefill`),
  };
  if (type === 'tekst' || type === 'tekstvlak') {
    veld.maxLengte = optionalNumber(body, `${prefix}.maxLengte`);
    veld.patroon = optionalText(body, `${prefix}.patroon`);
    veld.patroonMelding = optionalText(body, `${prefix}.patroonMelding`);
  }
  if (type === 'getal') {
    veld.min = optionalNumber(body, `${prefix}.min`);
    veld.max = optionalNumber(body, `${prefix}.max`);
  }
  if (type === 'datum') {
    veld.minDagen = optionalNumber(body, `${prefix}.minDagen`);
    veld.maxDagen = optionalNumber(body, `${prefix}.maxDagen`);
  }
  if (type === 'keuze') {
    veld.weergave = optionalText(body, `${prefix}.weergave`) ?? 'radio';
    veld.opties = leesOpties(value(body, `${prefix}.opties`));
  }
  if (type === 'bsn') {
    veld.meerdere = value(body, `${prefix}.meerdere`) === 'ja';
    veld.roltype = optionalText(body, `${prefix}.roltype`);
  }
  if (type === 'bestand') {
    const types = value(body, `${prefix}.bestandstypen`);
    veld.bestandstypen = types === '' ? undefined : types.split(',').map((part) => part.trim()).filter((part) => part !== '');
    veld.maxBytes = optionalNumber(body, `${prefix}.maxMb`, MB);
    veld.informatieobjecttype = optionalText(body, `${prefix}.informatieobjecttype`);
  }
  return Object.fromEntries(Object.entries(veld).filter(([, item]) => item !== undefined));
}

/** The definition as posted by the editor (unchecked). */
export function leesEditor(body: Body): Record<string, unknown> {
  const stappen: Record<string, unknown>[] = [];
  for (let i = 0; body[`s${i}.id`] !== undefined; i++) {
    const velden: Record<string, unknown>[] = [];
    for (let j = 0; body[`s${i}.v${j}.id`] !== undefined; j++) velden.push(veldUit(body, `s${i}.v${j}`));
    stappen.push(Object.fromEntries(Object.entries({ id: value(body, `s${i}.id`), titel: value(body, `s${i}.titel`), uitleg: optionalText(body, `s${i}.uitleg`), voorwaarde: voorwaarde(body, `s${i}`), velden }).filter(([, item]) => item !== undefined)));
  }
  return Object.fromEntries(
    Object.entries({
      titel: value(body, 'titel'),
      inleiding: value(body, 'inleiding'),
      zaakomschrijving: value(body, 'zaakomschrijving'),
      formulierInformatieobjecttype: optionalText(body, 'formulierInformatieobjecttype'),
      stappen,
    }).filter(([, item]) => item !== undefined),
  );
}

function freeId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

function move<T>(list: T[], index: number, by: number): void {
  const target = index + by;
  if (index < 0 || target < 0 || index >= list.length || target >= list.length) return;
  const [item] = list.splice(index, 1);
  if (item !== undefined) list.splice(target, 0, item);
}

/**
 * Applies an editor button to a posted definition: `stap-toevoegen`, `stap-omhoog:i`, `stap-omlaag:i`,
 * `stap-verwijderen:i`, `veld-toevoegen:i`, `veld-omhoog:i:j`, `veld-omlaag:i:j`, `veld-verwijderen:i:j`.
 * Anything else (bewaren) leaves it as it is.
 */
export function pasActieToe(raw: Record<string, unknown>, actie: string): Record<string, unknown> {
  const stappen = (Array.isArray(raw.stappen) ? raw.stappen : []) as (Stap & { velden: Veld[] })[];
  const [name, first, second] = actie.split(':');
  const i = Number(first);
  const j = Number(second);
  const veldIds = new Set(stappen.flatMap((stap) => (Array.isArray(stap.velden) ? stap.velden : []).map((veld) => veld.id)));
  const stap = stappen[i];
  switch (name) {
    case 'stap-toevoegen': {
      const id = freeId('stap', new Set(stappen.map((each) => each.id)));
      stappen.push({ id, titel: 'Nieuwe stap', velden: [{ id: freeId('vraag', veldIds), type: 'tekst', label: 'Nieuwe vraag', verplicht: false }] });
      break;
    }
    case 'stap-omhoog':
      move(stappen, i, -1);
      break;
    case 'stap-omlaag':
      move(stappen, i, 1);
      break;
    case 'stap-verwijderen':
      if (stappen.length > 1) stappen.splice(i, 1);
      break;
    case 'veld-toevoegen':
      stap?.velden.push({ id: freeId('vraag', veldIds), type: 'tekst', label: 'Nieuwe vraag', verplicht: false });
      break;
    case 'veld-omhoog':
      if (stap) move(stap.velden, j, -1);
      break;
    case 'veld-omlaag':
      if (stap) move(stap.velden, j, 1);
      break;
    case 'veld-verwijderen':
      if (stap && stap.velden.length > 1) stap.velden.splice(j, 1);
      break;
    default:
      break;
  }
  return { ...raw, stappen };
}

/** For re-showing a posted (maybe invalid) definition in the editor. */
export function alsDefinitie(raw: Record<string, unknown>): FormulierDefinitie {
  return raw as unknown as FormulierDefinitie;
}
