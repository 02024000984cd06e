import { describe, expect, it } from 'vitest';
import { maskForLog } from './mask.ts';

describe('log masking', () => {
  it('masks BSN-like numbers in urls', () => {
    expect(maskForLog('/zaken/api/v1/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=111222333')).not.toContain('111222333');
  });

  it('masks tokens and codes in query strings', () => {
    const masked = maskForLog('/medewerker/inloggen/oidc/callback?code=abc123&state=xyz&x=1');
    expect(masked).toBe('/medewerker/inloggen/oidc/callback?code=***&state=***&x=1');
  });

  it('leaves other numbers alone', () => {
    expect(maskForLog('/zaken/api/v1/zaken?page=12&identificatie=ZAAK-2026-0000000001')).toBe('/zaken/api/v1/zaken?page=12&identificatie=ZAAK-2026-0000000001');
  });

  it('masks the secret in an appointment\'s management and confirmation links', () => {
    expect(maskForLog('/afspraak/wijzigen/Abc_123-xyz/annuleren')).toBe('/afspraak/wijzigen/***/annuleren');
    expect(maskForLog('/afspraak/bevestiging/Abc_123-xyz')).toBe('/afspraak/bevestiging/***');
  });
});
