import { describe, expect, it } from 'vitest';
import { assertRoutePolicy } from './route-policy.ts';

describe('route policies', () => {
  it('accepts exactly one declared policy', () => {
    expect(() => assertRoutePolicy('GET', '/a', { public: true })).not.toThrow();
    expect(() => assertRoutePolicy('GET', '/a', { scopes: ['zaken.lezen'] })).not.toThrow();
    expect(() => assertRoutePolicy('GET', '/a', { staffRoles: ['kcc'] })).not.toThrow();
    expect(() => assertRoutePolicy('GET', '/a', { apiToken: 'klantinteracties' })).not.toThrow();
  });

  it('refuses a route without a policy or with two', () => {
    expect(() => assertRoutePolicy('GET', '/a', undefined)).toThrow(/exactly one access policy/);
    expect(() => assertRoutePolicy('GET', '/a', { public: true, scopes: [] })).toThrow(/exactly one access policy/);
    expect(() => assertRoutePolicy('GET', '/a', { scopes: [], apiToken: 'klantinteracties' })).toThrow(/exactly one access policy/);
  });

  it('refuses a tenantless route that is not public, since it would skip authentication', () => {
    expect(() => assertRoutePolicy('GET', '/a', { public: true, tenantless: true })).not.toThrow();
    expect(() => assertRoutePolicy('GET', '/a', { scopes: ['zaken.lezen'], tenantless: true })).toThrow(/only a public route/);
  });
});
