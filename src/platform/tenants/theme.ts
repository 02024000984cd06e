import type { InvalidParam } from '../errors/catalogue.ts';

/** Theme tokens a tenant may set, and the CSS custom property each one fills. */
export const THEME_TOKENS = {
  primaryColor: '--loket-primary',
  textColor: '--loket-text',
  focusColor: '--loket-focus',
} as const;

export type ThemeToken = keyof typeof THEME_TOKENS | 'logoUrl';

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

function channels(hex: string): [number, number, number] {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((digit) => digit + digit).join('') : hex.slice(1);
  return [0, 2, 4].map((start) => parseInt(digits.slice(start, start + 2), 16) / 255) as [number, number, number];
}

/** WCAG 2.1 relative luminance of an sRGB colour. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Checks a tenant's theme: only known tokens, colours as hex, and colours that keep the pages at
 * WCAG 2.1 AA (white text on the primary colour and the text colour on white need 4.5:1).
 */
export function validateTheme(theme: Record<string, string>): InvalidParam[] {
  const problems: InvalidParam[] = [];
  for (const [token, value] of Object.entries(theme)) {
    const name = `theme.${token}`;
    if (token === 'logoUrl') {
      if (!/^(https:\/\/[^\s"'()]+|\/[^\s"'()]*)$/.test(value)) problems.push({ name, code: 'invalid', reason: 'Gebruik een https-adres of een pad op deze site.' });
    } else if (!(token in THEME_TOKENS)) {
      problems.push({ name, code: 'unknown-field', reason: `Onbekend themakenmerk; toegestaan: ${[...Object.keys(THEME_TOKENS), 'logoUrl'].join(', ')}.` });
    } else if (!HEX_COLOUR.test(value)) {
      problems.push({ name, code: 'invalid', reason: 'Gebruik een kleur als #rrggbb.' });
    } else if ((token === 'primaryColor' || token === 'textColor') && contrastRatio(value, '#ffffff') < 4.5) {
      problems.push({ name, code: 'insufficient-contrast', reason: `Het contrast met wit is ${contrastRatio(value, '#ffffff').toFixed(2)}:1; WCAG 2.1 AA vraagt minstens 4.5:1.` });
    }
  }
  return problems;
}

/** The tenant's stylesheet: its tokens as CSS custom properties over the defaults in loket.css. */
export function themeStylesheet(theme: Record<string, string>): string {
  const declarations = Object.entries(THEME_TOKENS)
    .filter(([token]) => theme[token] !== undefined && HEX_COLOUR.test(theme[token] ?? ''))
    .map(([token, property]) => `  ${property}: ${theme[token]};`);
  return declarations.length === 0 ? '/* Deze gemeente gebruikt de standaardkleuren. */\n' : `:root {\n${declarations.join('\n')}\n}\n`;
}
