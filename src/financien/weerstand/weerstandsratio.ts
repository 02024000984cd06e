/** One band of the rating table: from `vanaf` (inclusive) upward, until the next band. */
export interface RatioKlasse {
  klasse: string;
  vanaf: number;
  betekenis: string;
}

/**
 * The common rating of the weerstandsratio (the table most municipalities use, after the Nederlands Adviesbureau voor
 * Risicomanagement). A municipality may configure its own.
 */
export const STANDAARD_RATIO_KLASSEN: readonly RatioKlasse[] = [
  { klasse: 'A', vanaf: 2.0, betekenis: 'uitstekend' },
  { klasse: 'B', vanaf: 1.4, betekenis: 'ruim voldoende' },
  { klasse: 'C', vanaf: 1.0, betekenis: 'voldoende' },
  { klasse: 'D', vanaf: 0.8, betekenis: 'matig' },
  { klasse: 'E', vanaf: 0.6, betekenis: 'onvoldoende' },
  { klasse: 'F', vanaf: Number.NEGATIVE_INFINITY, betekenis: 'ruim onvoldoende' },
];

/** beschikbare / benodigde weerstandscapaciteit and its class; no need at all counts as the best class. */
export function weerstandsratio(beschikbaarCenten: number, benodigdCenten: number, klassen: readonly RatioKlasse[] = STANDAARD_RATIO_KLASSEN): { ratio: number | null; klasse: RatioKlasse } {
  const ordered = [...klassen].sort((a, b) => b.vanaf - a.vanaf);
  const best = ordered[0];
  const worst = ordered[ordered.length - 1];
  if (!best || !worst) throw new Error('The rating table is empty.');
  if (benodigdCenten <= 0) return { ratio: null, klasse: best };
  const ratio = beschikbaarCenten / benodigdCenten;
  return { ratio, klasse: ordered.find((klasse) => ratio >= klasse.vanaf) ?? worst };
}
