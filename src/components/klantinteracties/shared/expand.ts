import { invalid } from '../../../platform/errors/problem.ts';

/**
 * The `expand` parameter (`style: form, explode: false`: one comma-separated value) as a set of paths. A nested
 * path brings its parents along (`hadBetrokkenen.wasPartij` expands `hadBetrokkenen` too); a path the operation
 * does not offer is a 400 naming it.
 */
export function parseExpand(value: string | readonly string[] | undefined, allowed: readonly string[]): Set<string> {
  const paths = new Set<string>();
  if (value === undefined || value === '') return paths;
  const unknown: string[] = [];
  // `expand=a,b` as the spec writes it; `expand=a&expand=b`, as some clients send arrays, means the same.
  const listed = typeof value === 'string' ? value : value.join(',');
  for (const raw of listed.split(',')) {
    const path = raw.trim();
    if (path === '') continue;
    if (!allowed.includes(path)) {
      unknown.push(path);
      continue;
    }
    const parts = path.split('.');
    for (let length = 1; length <= parts.length; length += 1) paths.add(parts.slice(0, length).join('.'));
  }
  if (unknown.length > 0) {
    throw invalid([{ name: 'expand', code: 'invalid_choice', reason: `Onbekende expand-waarde(n): ${unknown.join(', ')}. Mogelijk: ${allowed.join(', ')}.` }]);
  }
  return paths;
}

/** The sub-paths below `prefix` (`hadBetrokkenen.wasPartij` below `hadBetrokkenen` is `wasPartij`). */
export function below(paths: ReadonlySet<string>, prefix: string): Set<string> {
  const nested = new Set<string>();
  for (const path of paths) if (path.startsWith(`${prefix}.`)) nested.add(path.slice(prefix.length + 1));
  return nested;
}

/** The querystring schema of `expand`: one string, or the parameter repeated; its values are checked by `parseExpand`. */
export const EXPAND_PARAMETER = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } as const;
