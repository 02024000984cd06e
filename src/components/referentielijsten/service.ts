import { invalid, ProblemError } from '../../platform/errors/problem.ts';
import {
  allProcestypen,
  allResultaattypeomschrijvingen,
  allResultaten,
  findProcestype,
  findResultaat,
  findResultaattypeomschrijving,
  type ProcestypeRecord,
  type ResultaatRecord,
  type ResultaattypeomschrijvingRecord,
} from './repository.ts';

/*
 * Read-only national reference data: there is no authorisation to check (the spec declares no security
 * and says these APIs need none) and nothing is tenant-specific.
 */

/** Page size of `GET /resultaten`, as the VNG reference implementation of this spec pages it. */
export const RESULTATEN_PAGE_SIZE = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when the text is a UUID in its canonical hyphenated form. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** Procestypen, optionally only those of one Selectielijst year. */
export function listProcestypen(filter: { jaar?: string }): ProcestypeRecord[] {
  const jaar = filter.jaar === undefined ? undefined : Number(filter.jaar);
  return allProcestypen().filter((procestype) => jaar === undefined || procestype.jaar === jaar);
}

/** One procestype; a 404 when the UUID is unknown. */
export function getProcestype(uuid: string): ProcestypeRecord {
  const procestype = findProcestype(uuid);
  if (!procestype) throw new ProblemError('not_found', `Procestype ${uuid} bestaat niet.`);
  return procestype;
}

/**
 * The UUID a procestype filter points at. Clients hold procestype URLs that may name another host
 * (the same Selectielijst served elsewhere), so the resource is identified by its final UUID segment.
 */
function procestypeUuidFromUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid([{ name, code: 'invalid', reason: 'Geef de URL van een procestype op.' }]);
  }
  const uuid = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
  if (!isUuid(uuid)) throw invalid([{ name, code: 'invalid', reason: 'De URL verwijst niet naar een procestype.' }]);
  return uuid.toLowerCase();
}

export interface ResultatenPage {
  count: number;
  page: number;
  hasNext: boolean;
  results: ResultaatRecord[];
}

/**
 * One page of resultaten, filtered on procestype first so that `count` and the pages describe the filtered
 * set. A page past the end is a 404 (documented for this operation); page 1 of an empty set is an empty page.
 */
export function listResultaten(filter: { procesTypeUrls: { name: string; value: string }[]; page?: number }): ResultatenPage {
  const uuids = new Set(filter.procesTypeUrls.map(({ name, value }) => procestypeUuidFromUrl(name, value)));
  // Two differing spellings of the filter both apply, so together they can only narrow the result.
  const matching = uuids.size > 1 ? [] : allResultaten().filter((resultaat) => uuids.size === 0 || uuids.has(resultaat.procesType.toLowerCase()));
  const page = filter.page ?? 1;
  const start = (page - 1) * RESULTATEN_PAGE_SIZE;
  if (page > 1 && start >= matching.length) throw new ProblemError('not_found', `Pagina ${page} bestaat niet.`);
  return { count: matching.length, page, hasNext: start + RESULTATEN_PAGE_SIZE < matching.length, results: matching.slice(start, start + RESULTATEN_PAGE_SIZE) };
}

/** One resultaat; a 404 when the UUID is unknown or malformed (the spec documents no 400 for this operation). */
export function getResultaat(uuid: string): ResultaatRecord {
  const resultaat = isUuid(uuid) ? findResultaat(uuid) : undefined;
  if (!resultaat) throw new ProblemError('not_found', `Resultaat ${uuid} bestaat niet.`);
  return resultaat;
}

/** All generic resultaattypeomschrijvingen (a short list, not paginated in the spec). */
export function listResultaattypeomschrijvingen(): readonly ResultaattypeomschrijvingRecord[] {
  return allResultaattypeomschrijvingen();
}

/** One resultaattypeomschrijving; a 404 when the UUID is unknown. */
export function getResultaattypeomschrijving(uuid: string): ResultaattypeomschrijvingRecord {
  const omschrijving = findResultaattypeomschrijving(uuid);
  if (!omschrijving) throw new ProblemError('not_found', `Resultaattypeomschrijving ${uuid} bestaat niet.`);
  return omschrijving;
}
