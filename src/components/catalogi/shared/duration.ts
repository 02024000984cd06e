/*
 * ISO 8601 durations as the Catalogi API exchanges them (`format: duration`: doorlooptijd, servicenorm,
 * verlengingstermijn, reactietermijn, publicatietermijn). The Zaken and Besluiten APIs compute dates from these
 * values, so a value that only looks like a duration must be refused on the way in.
 */

// P, then at least one component; a T must be followed by at least one time component. Only the smallest unit
// may carry a fraction (P1.5D is fine, P1.5DT2H is not), as ISO 8601 allows.
const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** Whether the value is an ISO 8601 duration such as `P8W`, `P1Y2M`, `P30D` or `PT36H`. */
export function isIsoDuration(value: string): boolean {
  const match = DURATION.exec(value);
  if (!match) return false;
  const components = match.slice(1);
  const fractional = components.findIndex((component) => component !== undefined && /[.,]/.test(component));
  // A fraction is allowed on the last component given only.
  return fractional === -1 || components.slice(fractional + 1).every((component) => component === undefined);
}
