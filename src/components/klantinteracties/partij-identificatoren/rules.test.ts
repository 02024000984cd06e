import { describe, expect, it } from 'vitest';
import { identificatorProblems } from './rules.ts';

const bsn = (objectId: string) => ({ codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'bsn', objectId, codeRegister: 'brp' });

describe('partij identificator rules', () => {
  it('accepts a BSN that passes the 11-proef and refuses one that does not', () => {
    expect(identificatorProblems(bsn('111222333'), '', null)).toEqual([]);
    expect(identificatorProblems(bsn('111222334'), '', null).map((problem) => problem.name)).toEqual(['objectId']);
    expect(identificatorProblems(bsn('12345678'), '', null)[0]?.reason).toContain('negen cijfers');
  });

  it('refuses a soort that does not belong to the register and objecttype', () => {
    const problems = identificatorProblems({ codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'rsin', objectId: '002220647', codeRegister: 'brp' }, 'partijIdentificator.', null);
    expect(problems.map((problem) => problem.name)).toEqual(['partijIdentificator.codeSoortObjectId']);
    expect(identificatorProblems({ codeObjecttype: 'vestiging', codeSoortObjectId: 'vestigingsnummer', objectId: '000012345678', codeRegister: 'brp' }, '', null)[0]?.name).toBe('codeObjecttype');
  });

  it('checks the form of KvK-nummer, RSIN and vestigingsnummer', () => {
    const hr = (codeObjecttype: string, codeSoortObjectId: string, objectId: string) => ({ codeObjecttype, codeSoortObjectId, objectId, codeRegister: 'hr' });
    expect(identificatorProblems(hr('niet_natuurlijk_persoon', 'kvk_nummer', '12345678'), '', null)).toEqual([]);
    expect(identificatorProblems(hr('niet_natuurlijk_persoon', 'kvk_nummer', '1234567'), '', null)).toHaveLength(1);
    expect(identificatorProblems(hr('niet_natuurlijk_persoon', 'rsin', '002220647'), '', null)).toEqual([]);
    expect(identificatorProblems(hr('niet_natuurlijk_persoon', 'rsin', '002220648'), '', null)).toHaveLength(1);
    expect(identificatorProblems(hr('vestiging', 'vestigingsnummer', '000012345678'), '', { codeSoortObjectId: 'kvk_nummer' })).toEqual([]);
  });

  it('ties a vestigingsnummer to a KvK-nummer and nothing else to a sub-identificator', () => {
    const vestiging = { codeObjecttype: 'vestiging', codeSoortObjectId: 'vestigingsnummer', objectId: '000012345678', codeRegister: 'hr' };
    expect(identificatorProblems(vestiging, 'partijIdentificatoren.0.partijIdentificator.', null).map((problem) => problem.name)).toEqual(['partijIdentificatoren.0.subIdentificatorVan']);
    expect(identificatorProblems(vestiging, '', { codeSoortObjectId: 'rsin' }).map((problem) => problem.code)).toEqual(['invalid']);
    expect(identificatorProblems(bsn('111222333'), '', { codeSoortObjectId: 'kvk_nummer' }).map((problem) => problem.name)).toEqual(['subIdentificatorVan']);
  });
});
