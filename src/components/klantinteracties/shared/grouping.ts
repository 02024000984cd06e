/** Groups rows by a key, keeping their order: the relations of a page of parents, loaded at once. */
export function groupBy<R>(rows: readonly R[], key: (row: R) => string | null): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const value = key(row);
    if (value === null) continue;
    const group = groups.get(value);
    if (group) group.push(row);
    else groups.set(value, [row]);
  }
  return groups;
}
