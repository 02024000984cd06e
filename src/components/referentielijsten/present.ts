import type { ProcestypeRecord, ResultaatRecord, ResultaattypeomschrijvingRecord } from './repository.ts';

/** Where the API is mounted; every `url` the API returns starts with the caller's base URL plus this. */
export const API_ROOT = '/referentielijsten/api/v1';

/** The API's base URL as the caller reached it (scheme and host of the request), e.g. `https://host/referentielijsten/api/v1`. */
export function apiBaseUrl(request: { protocol: string; host: string }): string {
  return `${request.protocol}://${request.host}${API_ROOT}`;
}

/** A procestype with its bare UUID turned into the resource URL. */
export function presentProcestype(record: ProcestypeRecord, base: string): ProcestypeRecord {
  return { ...record, url: `${base}/procestypen/${record.url}` };
}

/**
 * A resultaat with `url` and `procesType` as resource URLs (the spec types procesType as a uri, and
 * Catalogi resultaattypen store both URLs). A missing bewaartermijn is shown as null, as the spec allows,
 * so every resultaat has the same fields.
 */
export function presentResultaat(record: ResultaatRecord, base: string): ResultaatRecord {
  return { ...record, url: `${base}/resultaten/${record.url}`, procesType: `${base}/procestypen/${record.procesType}`, bewaartermijn: record.bewaartermijn ?? null };
}

/** A resultaattypeomschrijving with its bare UUID turned into the resource URL. */
export function presentResultaattypeomschrijving(record: ResultaattypeomschrijvingRecord, base: string): ResultaattypeomschrijvingRecord {
  return { ...record, url: `${base}/resultaattypeomschrijvingen/${record.url}` };
}

/** A page link: the request's own query with `page` set, so the filters carry over. */
export function pageUrl(base: string, query: Record<string, string | number | undefined>, page: number): string {
  const url = new URL(`${base}/resultaten`);
  for (const [name, value] of Object.entries(query)) if (value !== undefined && name !== 'page') url.searchParams.set(name, String(value));
  url.searchParams.set('page', String(page));
  return url.toString();
}
