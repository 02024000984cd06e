import { kanaalUrl } from '../shared/urls.ts';
import type { KanaalRecord } from './eigen-kanalen.ts';

/** The `Kanaal` resource (notificaties-1.0.1.yaml). */
export interface KanaalJson {
  url: string;
  naam: string;
  /** Left out when blank: the spec types it `format: uri`, which an empty string does not satisfy. */
  documentatieLink?: string;
  filters: string[];
}

/** A kanaal as API JSON, its URL on the caller's host. */
export function presentKanaal(kanaal: KanaalRecord, base: string): KanaalJson {
  const json: KanaalJson = { url: kanaalUrl(base, kanaal.uuid), naam: kanaal.naam, filters: [...kanaal.filters] };
  if (kanaal.documentatieLink !== '') json.documentatieLink = kanaal.documentatieLink;
  return json;
}
