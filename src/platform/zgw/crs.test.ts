import { describe, expect, it } from 'vitest';
import { crsProblem } from './crs.ts';

function outcome(method: string, headers: Record<string, string>): string {
  const problem = crsProblem(method, headers);
  return problem ? `${problem.status} ${problem.code}` : 'ok';
}

describe('CRS negotiation', () => {
  it('requires Accept-Crs on reads and refuses anything but EPSG:4326', () => {
    expect(outcome('GET', {})).toBe('412 precondition_failed');
    expect(outcome('GET', { 'accept-crs': 'EPSG:28992' })).toBe('406 not_acceptable');
    expect(outcome('GET', { 'accept-crs': 'EPSG:4326' })).toBe('ok');
    expect(outcome('HEAD', {})).toBe('412 precondition_failed');
  });

  it('requires Content-Crs on writes before it looks at Accept-Crs', () => {
    expect(outcome('POST', { 'accept-crs': 'EPSG:4326' })).toBe('412 precondition_failed');
    expect(outcome('PUT', { 'accept-crs': 'EPSG:4326', 'content-crs': 'EPSG:28992' })).toBe('406 not_acceptable');
    expect(outcome('PATCH', { 'content-crs': 'EPSG:4326' })).toBe('412 precondition_failed');
    expect(outcome('POST', { 'accept-crs': 'EPSG:4326', 'content-crs': 'EPSG:4326' })).toBe('ok');
  });

  it('asks nothing of a DELETE', () => {
    expect(outcome('DELETE', {})).toBe('ok');
  });
});
