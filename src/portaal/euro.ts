const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** An amount in euro cents the Dutch way: 8470 becomes "€ 84,70". */
export function formatEuro(cents: number): string {
  // Intl separates sign and number with a no-break space; a plain space reads the same and copies cleanly.
  return EURO.format(cents / 100).replace(/\u00a0/g, ' ');
}
