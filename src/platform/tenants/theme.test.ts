import { describe, expect, it } from 'vitest';
import { contrastRatio, themeStylesheet, validateTheme } from './theme.ts';

describe('tenant theme tokens', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 0);
    expect(contrastRatio('#01689b', '#ffffff')).toBeGreaterThan(4.5);
  });

  it('accepts hex colours with enough contrast and a safe logo address', () => {
    expect(validateTheme({ primaryColor: '#01689b', focusColor: '#ffbf47', logoUrl: 'https://voorbeeld.nl/logo.svg' })).toEqual([]);
  });

  it('lists every problem: unknown token, bad colour, too little contrast, unsafe logo', () => {
    const problems = validateTheme({ fontFamily: 'Comic Sans', primaryColor: '#ffff00', textColor: 'red;}body{', logoUrl: 'javascript:alert(1)' });
    expect(problems.map((problem) => `${problem.name}:${problem.code}`).sort()).toEqual([
      'theme.fontFamily:unknown-field',
      'theme.logoUrl:invalid',
      'theme.primaryColor:insufficient-contrast',
      'theme.textColor:invalid',
    ]);
  });

  it('writes only validated colours into the stylesheet', () => {
    expect(themeStylesheet({ primaryColor: '#01689b', textColor: 'red;}body{display:none' })).toBe(':root {\n  --loket-primary: #01689b;\n}\n');
  });
});
