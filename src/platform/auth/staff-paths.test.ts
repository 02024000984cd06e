import { describe, expect, it } from 'vitest';
import { safeReturnPath, withReturnPath } from './staff-paths.ts';

describe('return target after sign-in (terug)', () => {
  it.each([['/medewerker/zaken/123'], ['/medewerker/zoeken?q=paspoort'], ['/inzicht']])('keeps the same-site path %s', (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each([
    ['//aanvaller.example'],
    ['///aanvaller.example'],
    ['/\\aanvaller.example'],
    ['/%2F%2Faanvaller.example'],
    ['/%5Caanvaller.example'],
    ['https://aanvaller.example/'],
    ['javascript:alert(1)'],
    ['medewerker'],
    ['/\t/aanvaller.example'],
    ['/\n/aanvaller.example'],
    ['/%E0%A4%A'],
    ['/medewerker/inloggen/code'],
    [''],
    [undefined],
    [['/medewerker']],
    [`/${'a'.repeat(2001)}`],
  ])('refuses %j and returns the landing page', (value) => {
    expect(safeReturnPath(value)).toBe('/medewerker');
  });

  it('normalises dot segments instead of passing them on', () => {
    expect(safeReturnPath('/medewerker/../beheer')).toBe('/beheer');
  });

  it('carries a return target in a query string only when it is not the default', () => {
    expect(withReturnPath('/medewerker/inloggen/code', '/medewerker')).toBe('/medewerker/inloggen/code');
    expect(withReturnPath('/medewerker/inloggen/code', '/medewerker/a?b=c')).toBe('/medewerker/inloggen/code?terug=%2Fmedewerker%2Fa%3Fb%3Dc');
  });
});
