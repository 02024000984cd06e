import { besluitUrlFromDocumenten, documentenResourceUrl, informatieobjectUrl, zaakUrlFromDocumenten } from '../shared/urls.ts';
import type { ObjectinformatieobjectRow } from './repository.ts';

/** The `ObjectInformatieObject` resource (documenten-1.7.0.yaml). */
export interface ObjectinformatieobjectJson {
  url: string;
  informatieobject: string;
  object: string;
  objectType: string;
  _expand?: Record<string, unknown>;
}

/** The object's URL: a zaak or besluit of this Loket on the caller's host, any other object as it was given. */
export function objectUrl(row: ObjectinformatieobjectRow, base: string): string {
  if (row.object_uuid === null) return row.object_url ?? '';
  return row.object_type === 'besluit' ? besluitUrlFromDocumenten(base, row.object_uuid) : zaakUrlFromDocumenten(base, row.object_uuid);
}

export function presentObjectinformatieobject(row: ObjectinformatieobjectRow, base: string): ObjectinformatieobjectJson {
  return {
    url: documentenResourceUrl(base, 'objectinformatieobjecten', row.uuid),
    informatieobject: informatieobjectUrl(base, row.document_uuid),
    object: objectUrl(row, base),
    objectType: row.object_type,
  };
}
