import { flag, objectList, text } from '../shared/data.ts';
import { resourceUrl } from '../shared/urls.ts';
import type { PresentedOwner } from '../zaaktype-onderdelen/owner.ts';
import { ownerJson } from '../zaaktype-onderdelen/present.ts';
import type { StatustypeRow } from './repository.ts';

/** One checklist item as the API shows it. */
export type ChecklistItemJson = { itemnaam: string; toelichting: string | null; vraagstelling: string; verplicht: boolean };

/** The `StatusType` resource (catalogi-1.3.3.yaml), `_expand` added when asked for. */
export type StatustypeJson = {
  url: string;
  omschrijving: string;
  omschrijvingGeneriek: string;
  statustekst: string;
  zaaktype: string;
  zaaktypeIdentificatie: string;
  volgnummer: number;
  isEindstatus: boolean;
  informeren: boolean;
  doorlooptijd: string | null;
  toelichting: string | null;
  checklistitemStatustype: ChecklistItemJson[];
  catalogus: string;
  eigenschappen: string[];
  beginGeldigheid: string;
  eindeGeldigheid: string | null;
  beginObject: string;
  eindeObject: string | null;
  _expand?: Record<string, unknown>;
};

/** What presenting a statustype needs besides its row. */
export interface StatustypeContext {
  owner: PresentedOwner;
  /** The highest volgnummer among the statustypen of its zaaktype. */
  highestVolgnummer: number;
  /** The eigenschappen that need a value before a status of this type is set. */
  eigenschappen: readonly string[];
}

/** The absolute URL of one statustype. */
export function statustypeUrl(base: string, uuid: string): string {
  return resourceUrl(base, 'statustypen', uuid);
}

function nullableText(data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  return typeof value === 'string' ? value : null;
}

/** A statustype as API JSON; `isEindstatus` is derived: the statustype with the highest volgnummer of its zaaktype. */
export function presentStatustype(row: StatustypeRow, context: StatustypeContext, base: string): StatustypeJson {
  const zaaktype = ownerJson(context.owner, base);
  return {
    url: statustypeUrl(base, row.uuid),
    omschrijving: row.omschrijving,
    omschrijvingGeneriek: text(row.data, 'omschrijvingGeneriek'),
    statustekst: text(row.data, 'statustekst'),
    zaaktype: zaaktype.zaaktype,
    zaaktypeIdentificatie: zaaktype.zaaktypeIdentificatie,
    volgnummer: row.volgnummer,
    isEindstatus: row.volgnummer === context.highestVolgnummer,
    informeren: row.informeren,
    doorlooptijd: nullableText(row.data, 'doorlooptijd'),
    toelichting: nullableText(row.data, 'toelichting'),
    checklistitemStatustype: objectList(row.data, 'checklistitemStatustype').map((item) => ({
      itemnaam: text(item, 'itemnaam'),
      toelichting: nullableText(item, 'toelichting'),
      vraagstelling: text(item, 'vraagstelling'),
      verplicht: flag(item, 'verplicht'),
    })),
    catalogus: zaaktype.catalogus,
    eigenschappen: context.eigenschappen.map((uuid) => resourceUrl(base, 'eigenschappen', uuid)),
    beginGeldigheid: zaaktype.beginGeldigheid,
    eindeGeldigheid: zaaktype.eindeGeldigheid,
    beginObject: zaaktype.beginObject,
    eindeObject: zaaktype.eindeObject,
  };
}

/** How a statustype is named in the audit trail. */
export function statustypeWeergave(row: StatustypeRow): string {
  return `${row.volgnummer}. ${row.omschrijving}`;
}
