import type { Selectable } from 'kysely';
import type { BesluitenTable } from '../../../platform/database/tables/besluiten.ts';
import { besluittypeUrl, besluitUrl, zaakUrlFromBesluiten } from '../shared/urls.ts';

/** A stored besluit. */
export type BesluitRow = Selectable<BesluitenTable>;

/** `vervalreden` values with the explanation the standard gives each (`vervalredenWeergave`). */
export const VERVALREDENEN = {
  tijdelijk: 'Besluit met tijdelijke werking',
  ingetrokken_overheid: 'Besluit ingetrokken door overheid',
  ingetrokken_belanghebbende: 'Besluit ingetrokken o.v.v. belanghebbende',
} as const;
export type Vervalreden = keyof typeof VERVALREDENEN;

/** The `Besluit` resource (besluiten-1.1.0.yaml), with `_expand` when the client asked for it. */
export interface BesluitJson {
  url: string;
  identificatie: string;
  verantwoordelijkeOrganisatie: string;
  besluittype: string;
  /** Left out for a besluit without zaak: the spec types it `format: uri`, which an empty string does not satisfy. */
  zaak?: string;
  datum: string;
  toelichting: string;
  bestuursorgaan: string;
  ingangsdatum: string;
  vervaldatum: string | null;
  /** Left out while the besluit has not lapsed: the spec's enumeration has no empty value. */
  vervalreden?: Vervalreden;
  vervalredenWeergave?: string;
  publicatiedatum: string | null;
  verzenddatum: string | null;
  uiterlijkeReactiedatum: string | null;
  _expand?: Record<string, unknown>;
}

function isVervalreden(value: string): value is Vervalreden {
  return value in VERVALREDENEN;
}

/** A besluit as API JSON, its URLs on the caller's host (`base` is the Besluiten API's base URL). */
export function presentBesluit(row: BesluitRow, base: string): BesluitJson {
  const json: BesluitJson = {
    url: besluitUrl(base, row.uuid),
    identificatie: row.identificatie,
    verantwoordelijkeOrganisatie: row.verantwoordelijke_organisatie,
    besluittype: besluittypeUrl(base, row.besluittype_uuid),
    datum: row.datum,
    toelichting: row.toelichting,
    bestuursorgaan: row.bestuursorgaan,
    ingangsdatum: row.ingangsdatum,
    vervaldatum: row.vervaldatum,
    publicatiedatum: row.publicatiedatum,
    verzenddatum: row.verzenddatum,
    uiterlijkeReactiedatum: row.uiterlijke_reactiedatum,
  };
  if (row.zaak_uuid !== null) json.zaak = zaakUrlFromBesluiten(base, row.zaak_uuid);
  if (isVervalreden(row.vervalreden)) {
    json.vervalreden = row.vervalreden;
    json.vervalredenWeergave = VERVALREDENEN[row.vervalreden];
  }
  return json;
}

/** How a besluit is named in audit trails (its identificatie, as the reference implementation shows it). */
export function besluitWeergave(row: Pick<BesluitRow, 'identificatie'>): string {
  return row.identificatie;
}

/** The kenmerken of kanaal `besluiten`: the verantwoordelijke organisatie and the besluittype URL. */
export function besluitKenmerken(row: BesluitRow, base: string): Record<string, string> {
  return { verantwoordelijkeOrganisatie: row.verantwoordelijke_organisatie, besluittype: besluittypeUrl(base, row.besluittype_uuid) };
}
