import { besluitinformatieobjectUrl, besluitUrl, informatieobjectUrl } from '../shared/urls.ts';
import type { BesluitinformatieobjectRow } from './repository.ts';

/** The `BesluitInformatieObject` resource (besluiten-1.1.0.yaml), with `_expand` when the client asked for it. */
export interface BesluitinformatieobjectJson {
  url: string;
  informatieobject: string;
  besluit: string;
  _expand?: Record<string, unknown>;
}

/** A besluitinformatieobject as API JSON, its URLs on the caller's host (`base` is the Besluiten API's base URL). */
export function presentBesluitinformatieobject(row: BesluitinformatieobjectRow, base: string): BesluitinformatieobjectJson {
  return {
    url: besluitinformatieobjectUrl(base, row.uuid),
    informatieobject: informatieobjectUrl(base, row.informatieobject_uuid),
    besluit: besluitUrl(base, row.besluit_uuid),
  };
}

/** How a besluitinformatieobject is named in the besluit's audit trail: `(<besluit identificatie>) - <document>`. */
export function besluitinformatieobjectWeergave(besluitIdentificatie: string, row: BesluitinformatieobjectRow): string {
  return `(${besluitIdentificatie}) - ${row.informatieobject_uuid}`;
}
