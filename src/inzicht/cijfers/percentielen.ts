/** One bar of a doorlooptijd histogram: so many zaken took so many days. */
export interface Histogramvak {
  dagen: number;
  aantal: number;
}

/**
 * The p-th percentile (0 < p <= 1) of a histogram by the nearest-rank method: the smallest number of days that at
 * least p of the zaken took at most. Exact, because doorlooptijden are whole days. Null for an empty histogram.
 */
export function percentiel(histogram: readonly Histogramvak[], p: number): number | null {
  const totaal = histogram.reduce((som, vak) => som + vak.aantal, 0);
  if (totaal <= 0) return null;
  const rang = Math.max(1, Math.ceil(p * totaal));
  let gezien = 0;
  for (const vak of [...histogram].sort((a, b) => a.dagen - b.dagen)) {
    gezien += vak.aantal;
    if (gezien >= rang) return vak.dagen;
  }
  return null;
}
