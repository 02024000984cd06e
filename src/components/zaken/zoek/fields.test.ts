import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { expandPathsOf, parseFields, selectFields } from './fields.ts';

describe('zrc-029: fields in POST /zaken/_zoek', () => {
  const zaak = {
    url: 'https://loket.example/zaken/api/v1/zaken/1',
    uuid: '1',
    identificatie: 'Z-1',
    omschrijving: 'Melding',
    processobject: { datumkenmerk: 'd', identificatie: 'P-1', objecttype: 'o', registratie: 'r' },
    _expand: {
      zaaktype: { identificatie: 'ZT-1', omschrijving: 'Melding', doel: 'x', _expand: { catalogus: { domein: 'ABC', rsin: '002220647' } } },
      status: { datumStatusGezet: '2026-03-02T09:00:00Z', statustoelichting: 'ontvangen' },
      rollen: [{ betrokkeneType: 'medewerker', roltoelichting: 'a' }],
    },
  };

  it('keeps the attributes named, at every level, matching names without regard to case', () => {
    const selection = parseFields(['url', 'identificatie', { zaaktype: ['identificatie', { catalogus: ['domein'] }], status: ['datumstatusgezet'], rollen: ['*'] }]);
    expect(selectFields(zaak, selection)).toEqual({
      url: zaak.url,
      identificatie: 'Z-1',
      _expand: {
        zaaktype: { identificatie: 'ZT-1', _expand: { catalogus: { domein: 'ABC' } } },
        status: { datumStatusGezet: '2026-03-02T09:00:00Z' },
        rollen: [{ betrokkeneType: 'medewerker', roltoelichting: 'a' }],
      },
    });
  });

  it('selects within a gegevensgroep of the zaak instead of expanding it, and "*" keeps every attribute', () => {
    const selection = parseFields(['*', { processobject: ['identificatie'] }]);
    const selected = selectFields(zaak, selection);
    expect(selected.processobject).toEqual({ identificatie: 'P-1' });
    expect(selected.omschrijving).toBe('Melding');
    expect(selected._expand).toBeUndefined();
  });

  it('expands what the fields name, relations only, to their depth', () => {
    expect(expandPathsOf(parseFields([{ zaaktype: [{ catalogus: ['domein'] }], processobject: ['identificatie'], Status: ['*'] }]))).toEqual([
      'zaaktype',
      'zaaktype.catalogus',
      'status',
    ]);
  });

  it('refuses attributes a zaak does not have and malformed elements, all at once', () => {
    try {
      parseFields(['kleur', 3, { status: 'datum' }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemError);
      expect((error as ProblemError).invalidParams.map((param) => param.name)).toEqual(['fields', 'fields.status', 'fields']);
    }
  });
});
