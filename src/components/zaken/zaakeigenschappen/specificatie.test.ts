import { describe, expect, it } from 'vitest';
import { waardeFitsSpecificatie } from './specificatie.ts';

describe('zaakeigenschap waarde against the eigenschap specificatie', () => {
  it('takes only a value of the waardenverzameling when there is one, whatever the formaat', () => {
    const spec = { formaat: 'tekst', lengte: '2', waardenverzameling: ['ja', 'nee', 'misschien'] };
    expect(waardeFitsSpecificatie(spec, 'misschien')).toBe(true);
    expect(waardeFitsSpecificatie(spec, 'jawel')).toBe(false);
  });

  it('limits tekst to lengte characters', () => {
    expect(waardeFitsSpecificatie({ formaat: 'tekst', lengte: '5' }, 'ééééé')).toBe(true);
    expect(waardeFitsSpecificatie({ formaat: 'tekst', lengte: '5' }, 'zesses')).toBe(false);
  });

  it('reads getal lengte as digits, or digits and decimals after a comma', () => {
    expect(waardeFitsSpecificatie({ formaat: 'getal', lengte: '3' }, '120')).toBe(true);
    expect(waardeFitsSpecificatie({ formaat: 'getal', lengte: '3' }, '1200')).toBe(false);
    expect(waardeFitsSpecificatie({ formaat: 'getal', lengte: '3' }, '1,5')).toBe(false);
    expect(waardeFitsSpecificatie({ formaat: 'getal', lengte: '4,2' }, '1234,56')).toBe(true);
    expect(waardeFitsSpecificatie({ formaat: 'getal', lengte: '4,2' }, '12,345')).toBe(false);
    expect(waardeFitsSpecificatie({ formaat: 'getal', lengte: '4,2' }, '12.5')).toBe(false);
  });

  it('takes datum as jjjjmmdd and datum_tijd as jjjjmmdduummss, real dates only', () => {
    expect(waardeFitsSpecificatie({ formaat: 'datum', lengte: '8' }, '20260229')).toBe(false);
    expect(waardeFitsSpecificatie({ formaat: 'datum', lengte: '8' }, '20280229')).toBe(true);
    expect(waardeFitsSpecificatie({ formaat: 'datum', lengte: '8' }, '2026-01-05')).toBe(false);
    expect(waardeFitsSpecificatie({ formaat: 'datum_tijd', lengte: '14' }, '20260105235959')).toBe(true);
    expect(waardeFitsSpecificatie({ formaat: 'datum_tijd', lengte: '14' }, '20260105240000')).toBe(false);
  });
});
