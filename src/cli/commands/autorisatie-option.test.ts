import { describe, expect, it } from 'vitest';
import { parseAutorisatieOption } from './autorisatie-option.ts';

const ZAAKTYPE = 'https://loket.example.nl/catalogi/api/v1/zaaktypen/0f6c3a3e-3b8a-4c44-9d83-7e0c1c2f9a11';

describe('--autorisatie', () => {
  it('reads a Zaken API autorisatie for one zaaktype up to a maximum vertrouwelijkheidaanduiding', () => {
    expect(parseAutorisatieOption(`zrc; zaken.lezen, zaken.aanmaken ;${ZAAKTYPE};vertrouwelijk`)).toEqual({
      component: 'zrc',
      scopes: ['zaken.lezen', 'zaken.aanmaken'],
      zaaktype: ZAAKTYPE,
      informatieobjecttype: null,
      besluittype: null,
      maxVertrouwelijkheidaanduiding: 'vertrouwelijk',
    });
  });

  it('reads a component without types (Catalogi API) from its scopes alone', () => {
    expect(parseAutorisatieOption('ztc;catalogi.lezen')).toMatchObject({ component: 'ztc', scopes: ['catalogi.lezen'], zaaktype: null, maxVertrouwelijkheidaanduiding: null });
  });

  it('puts the type of a Besluiten API autorisatie in besluittype', () => {
    const besluittype = 'https://loket.example.nl/catalogi/api/v1/besluittypen/7a1e9a55-0c52-4f0e-9b44-3f1d8d2b6c21';
    expect(parseAutorisatieOption(`brc;besluiten.lezen;${besluittype};openbaar`)).toMatchObject({ besluittype, zaaktype: null });
  });

  it.each([
    ['xyz;zaken.lezen', 'the component must be one of'],
    ['zrc;', 'name at least one scope'],
    ['zrc;zaken lezen', 'is not a scope name'],
    ['zrc;zaken.lezen', 'needs the zaaktype URL and a maximum'],
    [`zrc;zaken.lezen;${ZAAKTYPE}`, 'needs the zaaktype URL and a maximum'],
    [`zrc;zaken.lezen;${ZAAKTYPE};topgeheim`, 'must be one of openbaar'],
    ['zrc;zaken.lezen;ftp://elders/zaaktypen/1;openbaar', 'is not an http(s) URL'],
    [`ztc;catalogi.lezen;${ZAAKTYPE};openbaar`, 'takes no type'],
  ])('refuses %s', (value, message) => {
    expect(() => parseAutorisatieOption(value)).toThrow(message);
  });
});
