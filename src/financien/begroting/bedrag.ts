/**
 * An amount in euro as people type it in a Dutch or English spreadsheet, as exact cents: "1234,56", "1.234,56",
 * "1234.56", "1,234.56", "-250", "€ 12,50". A dot or comma followed by exactly three digits and nothing else is
 * ambiguous ("1.234": a thousand or one?) and refused rather than guessed.
 */
export function parseBedrag(text: string): { centen: number } | { fout: string } {
  const trimmed = text.trim().replace(/^€\s*/, '').replace(/\s/g, '');
  const match = /^(-?)(\d[\d.,]*)$/.exec(trimmed);
  if (!match) return { fout: `"${text}" is geen bedrag; schrijf bijvoorbeeld 1234,56 of -250.` };
  const [, sign, digits = ''] = match;
  const lastComma = digits.lastIndexOf(',');
  const lastDot = digits.lastIndexOf('.');
  const decimalAt = Math.max(lastComma, lastDot);
  let whole = digits;
  let fraction = '';
  if (decimalAt >= 0) {
    const after = digits.slice(decimalAt + 1);
    const bothUsed = lastComma >= 0 && lastDot >= 0;
    const separator = digits[decimalAt];
    const sameSeparatorTwice = digits.indexOf(separator ?? '') !== decimalAt;
    if (!bothUsed && !sameSeparatorTwice && after.length === 3) return { fout: `"${text}" is dubbelzinnig; schrijf 1234,00 of 1.234,00 voor duizend euro.` };
    if (bothUsed || !sameSeparatorTwice) {
      if (after.length > 2) return { fout: `"${text}" heeft meer dan twee decimalen; een bedrag is in hele centen.` };
      whole = digits.slice(0, decimalAt);
      fraction = after;
    }
  }
  // What is left of the separators groups thousands: 1.234.567 or 1,234,567, in groups of three.
  if (/[.,]/.test(whole) && !/^\d{1,3}([.,]\d{3})+$/.test(whole)) return { fout: `"${text}" heeft de scheidingstekens niet op de goede plaats.` };
  const euros = whole.replace(/[.,]/g, '');
  const centen = Number(euros) * 100 + Number(fraction.padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(centen)) return { fout: `"${text}" is te groot.` };
  return { centen: sign === '-' ? -centen : centen };
}

/** Cents as euro with two decimals, as a number for JSON (exact enough: sums stay far below 2^53 cents). */
export function euro(centen: number): number {
  return Math.round(centen) / 100;
}
