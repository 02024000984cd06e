import { besluitenBaseUrlBeside, besluitUrl } from '../../besluiten/shared/urls.ts';
import type { BesluitRow } from '../../besluiten/besluiten/present.ts';
import { ZAKEN_ROOT } from '../shared/urls.ts';

/** One ZAAKBESLUIT: a besluit that is an outcome of a zaak (derived from the besluit's zaak). */
export interface ZaakbesluitRelation {
  zaakUuid: string;
  /** The relation's own identity. */
  uuid: string;
  besluitUuid: string;
  besluitIdentificatie: string;
}

/** The `ZaakBesluit` resource (zaken-1.7.0.yaml), with `_expand` when the client asked for it. */
export interface ZaakbesluitJson {
  url: string;
  uuid: string;
  besluit: string;
  _expand?: Record<string, unknown>;
}

/** The Besluiten API's base URL beside this Zaken API. */
export function besluitenBaseFromZaken(zakenBase: string): string {
  return besluitenBaseUrlBeside(zakenBase, ZAKEN_ROOT);
}

/** The absolute URL of one ZAAKBESLUIT, nested under its zaak. */
export function zaakbesluitUrl(zakenBase: string, zaakUuid: string, uuid: string): string {
  return `${zakenBase}/zaken/${zaakUuid}/besluiten/${uuid}`;
}

/** A ZAAKBESLUIT as API JSON (`zakenBase` is the Zaken API's base URL as the caller reached it). */
export function presentZaakbesluit(relation: ZaakbesluitRelation, zakenBase: string): ZaakbesluitJson {
  return {
    url: zaakbesluitUrl(zakenBase, relation.zaakUuid, relation.uuid),
    uuid: relation.uuid,
    besluit: besluitUrl(besluitenBaseFromZaken(zakenBase), relation.besluitUuid),
  };
}

/** How a ZAAKBESLUIT is named in the zaak's audit trail: `(<zaak identificatie>) - <besluit identificatie>`. */
export function zaakbesluitWeergave(relation: ZaakbesluitRelation, zaakIdentificatie: string): string {
  return `(${zaakIdentificatie}) - ${relation.besluitIdentificatie}`;
}

/** The ZAAKBESLUIT a besluit row stands for, or undefined for a besluit without zaak. */
export function zaakbesluitOf(row: Pick<BesluitRow, 'uuid' | 'identificatie' | 'zaak_uuid' | 'zaakbesluit_uuid'>): ZaakbesluitRelation | undefined {
  if (row.zaak_uuid === null || row.zaakbesluit_uuid === null) return undefined;
  return { zaakUuid: row.zaak_uuid, uuid: row.zaakbesluit_uuid, besluitUuid: row.uuid, besluitIdentificatie: row.identificatie };
}
