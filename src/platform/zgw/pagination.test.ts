import { describe, expect, it } from 'vitest';
import { ProblemError } from '../errors/problem.ts';
import { lastPage, pageRequest, pageUrl, paginatedList } from './pagination.ts';

const request = { protocol: 'https' as const, host: 'gemeente.test', url: '/zaken/api/v1/zaken?zaaktype=https%3A%2F%2Fx.test%2Fzt%2F1&page=2&status=open' };

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof ProblemError ? `${error.status} ${error.code}` : 'other';
  }
  return undefined;
}

describe('pagination', () => {
  it('starts at page 1 with 100 results when no page is given', () => {
    expect(pageRequest({})).toEqual({ page: 1, pageSize: 100, limit: 100, offset: 0 });
    expect(pageRequest({ page: 3 })).toEqual({ page: 3, pageSize: 100, limit: 100, offset: 200 });
  });

  it('answers a page below 1 with 404 not_found', () => {
    expect(codeOf(() => pageRequest({ page: 0 }))).toBe('404 not_found');
    expect(codeOf(() => pageRequest({ page: -2 }))).toBe('404 not_found');
  });

  it('honours pageSize only where the specification allows it, capped at 500', () => {
    expect(pageRequest({ pageSize: 20 }).pageSize).toBe(100);
    expect(pageRequest({ page: 2, pageSize: 20 }, { allowPageSize: true })).toEqual({ page: 2, pageSize: 20, limit: 20, offset: 20 });
    expect(pageRequest({ pageSize: 10_000 }, { allowPageSize: true }).pageSize).toBe(500);
    expect(pageRequest({ pageSize: 0 }, { allowPageSize: true }).pageSize).toBe(100);
  });

  it('counts an empty list as one page', () => {
    expect(lastPage(0, 100)).toBe(1);
    expect(lastPage(100, 100)).toBe(1);
    expect(lastPage(101, 100)).toBe(2);
  });

  it('builds absolute page URLs that keep the other query parameters in place', () => {
    expect(pageUrl(request, 3)).toBe('https://gemeente.test/zaken/api/v1/zaken?zaaktype=https%3A%2F%2Fx.test%2Fzt%2F1&page=3&status=open');
    expect(pageUrl({ ...request, url: '/zaken/api/v1/zaken' }, 2)).toBe('https://gemeente.test/zaken/api/v1/zaken?page=2');
  });

  it('links next and previous, and null at either end', () => {
    const middle = paginatedList(request, pageRequest({ page: 2 }), 250, ['x']);
    expect(middle.next).toContain('page=3');
    expect(middle.previous).toContain('page=1');
    const first = paginatedList({ ...request, url: '/zaken/api/v1/zaken' }, pageRequest({}), 250, []);
    expect(first.previous).toBeNull();
    expect(first.next).toBe('https://gemeente.test/zaken/api/v1/zaken?page=2');
    const last = paginatedList(request, pageRequest({ page: 3 }), 250, []);
    expect(last).toMatchObject({ count: 250, next: null });
  });

  it('serves page 1 of an empty list but answers a page past the last with 404', () => {
    expect(paginatedList(request, pageRequest({ page: 1 }), 0, [])).toEqual({ count: 0, next: null, previous: null, results: [] });
    expect(codeOf(() => paginatedList(request, pageRequest({ page: 4 }), 250, []))).toBe('404 not_found');
    expect(codeOf(() => paginatedList(request, pageRequest({ page: 2 }), 0, []))).toBe('404 not_found');
  });
});
