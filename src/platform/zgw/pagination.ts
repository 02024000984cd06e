import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../errors/problem.ts';

/**
 * ZGW pagination (the standard's "Paginering" rule): pages are numbered from 1, `?page=1` and no
 * `page` give the same result, 100 results per page is usual, and the envelope is
 * `{ count, next, previous, results }` with absolute `next`/`previous` URLs or `null`.
 */

/** Results per page when the specification offers no `pageSize` (and its default where it does). */
export const DEFAULT_PAGE_SIZE = 100;

/** The largest `pageSize` the specifications allow (zaaknotities: "default: 100, maximum: 500"). */
export const MAX_PAGE_SIZE = 500;

/** Querystring schema of `page`, as the specifications declare it (an integer; range checked in `pageRequest`). */
export const PAGE_PARAMETER = { type: 'integer' } as const;

/** Querystring schema of `pageSize`, only for the operations whose specification declares it. */
export const PAGE_SIZE_PARAMETER = { type: 'integer' } as const;

/** The page a request asks for, with the SQL window that selects it. */
export interface PageRequest {
  page: number;
  pageSize: number;
  limit: number;
  offset: number;
}

/** The standard's paginated list envelope (`Paginated…List` in every specification). */
export interface PaginatedList<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** What `pageRequest` reads from an already schema-validated querystring. */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export interface PageOptions {
  /** Honour `pageSize` from the query: only where the operation's specification declares it. */
  allowPageSize?: boolean;
  defaultPageSize?: number;
  maxPageSize?: number;
}

/** The 404 for a page that does not exist; the reference implementation (Open Zaak) answers `not_found` too. */
function pageNotFound(page: number): ProblemError {
  return new ProblemError('not_found', `Pagina ${page} bestaat niet.`);
}

/**
 * Reads `page` (and `pageSize` where allowed) and computes limit/offset. A page below 1 is a 404.
 * A `pageSize` below 1 falls back to the default and one above the maximum is capped, the way the
 * reference implementation treats it, so a client asking for "everything" still gets an answer.
 */
export function pageRequest(query: PageQuery, options: PageOptions = {}): PageRequest {
  const defaultSize = options.defaultPageSize ?? DEFAULT_PAGE_SIZE;
  const maxSize = options.maxPageSize ?? MAX_PAGE_SIZE;
  const page = query.page ?? 1;
  if (!Number.isInteger(page) || page < 1) throw pageNotFound(page);
  let pageSize = defaultSize;
  if (options.allowPageSize && query.pageSize !== undefined && Number.isInteger(query.pageSize) && query.pageSize >= 1) {
    pageSize = Math.min(query.pageSize, maxSize);
  }
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

/** The number of the last page; an empty list still has page 1. */
export function lastPage(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(count / pageSize));
}

/**
 * The absolute URL of the same request on another page: the request's protocol, host and path with
 * all its other query parameters kept in their order, and `page` set to the number given.
 */
export function pageUrl(request: Pick<FastifyRequest, 'protocol' | 'host' | 'url'>, page: number): string {
  const questionMark = request.url.indexOf('?');
  const path = questionMark === -1 ? request.url : request.url.slice(0, questionMark);
  const query = new URLSearchParams(questionMark === -1 ? '' : request.url.slice(questionMark + 1));
  query.set('page', String(page));
  return `${request.protocol}://${request.host}${path}?${query.toString()}`;
}

/**
 * Builds the envelope for one page of results. `count` is the total over all pages. A page past the
 * last one is a 404 (page 1 always exists, also when the list is empty).
 */
export function paginatedList<T>(
  request: Pick<FastifyRequest, 'protocol' | 'host' | 'url'>,
  window: PageRequest,
  count: number,
  results: T[],
): PaginatedList<T> {
  const last = lastPage(count, window.pageSize);
  if (window.page > last) throw pageNotFound(window.page);
  return {
    count,
    next: window.page < last ? pageUrl(request, window.page + 1) : null,
    previous: window.page > 1 ? pageUrl(request, window.page - 1) : null,
    results,
  };
}
