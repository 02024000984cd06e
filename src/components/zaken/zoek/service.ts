import { invalid } from '../../../platform/errors/problem.ts';
import { pageRequest } from '../../../platform/zgw/pagination.ts';
import type { ZakenCaller } from '../shared/caller.ts';
import { parseZaakExpand } from '../expand/zaak-expand.ts';
import { parseOrdering, parseZaakFilter, withinFilter } from '../zaken/filters.ts';
import { geometryProblem, type Geometry } from '../zaken/geometry.ts';
import { zaakPageBody } from '../zaken/page-body.ts';
import { findZaakPage, type ZakenDeps } from '../zaken/service.ts';
import { expandPathsOf, parseFields, selectFields } from './fields.ts';
import type { ZaakZoekBody, ZaakZoekQuery } from './schemas.ts';

/*
 * `zaak__zoek`: the list's filters and more (uuid__in, zaaktype__in, a geometry to lie within) in a body, for
 * searches a query string cannot carry. The same authorisation, paging and expand as the list; `fields` (zrc-029)
 * chooses what of the zaken and their expanded relations to return.
 */

/** `zaak__zoek`: one page of the zaken the caller may read that match the search, as JSON (UTF-8). */
export async function searchZaken(deps: ZakenDeps, caller: ZakenCaller, base: string, body: ZaakZoekBody | undefined, query: ZaakZoekQuery): Promise<Buffer> {
  if (body === undefined || body === null || Object.keys(body).length === 0) {
    throw invalid([{ name: 'nonFieldErrors', code: 'empty_search_body', reason: 'Er zijn geen zoekparameters opgegeven.' }]);
  }
  const { fields, expand, ordering, zaakgeometrie, ...filters } = body;
  const expandValue = expand ?? query.expand;
  if (fields !== undefined && expandValue !== undefined) {
    throw invalid([{ name: 'fields', code: 'invalid', reason: 'Gebruik fields of expand, niet allebei.' }]);
  }
  const filter = parseZaakFilter(filters);
  const within = zaakgeometrie?.within;
  if (within !== undefined) {
    const problem = geometryProblem(within);
    if (problem !== undefined) throw invalid([{ name: 'zaakgeometrie.within', code: 'invalid', reason: problem }]);
    filter.within = withinFilter(within as unknown as Geometry);
  }
  const selection = fields === undefined ? undefined : parseFields(fields);
  const tree = parseZaakExpand(selection ? expandPathsOf(selection) : expandValue, 'invalid');
  const request = { filter, ordering: parseOrdering(ordering), window: pageRequest(query), expand: tree };
  if (!selection) return zaakPageBody(deps, caller, base, request);
  const { page } = await findZaakPage(deps, caller, base, request);
  return Buffer.from(JSON.stringify({ ...page, results: page.results.map((zaak) => selectFields(zaak as unknown as Record<string, unknown>, selection)) }));
}
