import { paginatedList } from '../../../platform/zgw/pagination.ts';
import type { ZakenCaller } from '../shared/caller.ts';
import { mayUseZaak } from '../shared/zaak-reference.ts';
import { presentZaak } from './present.ts';
import { findZakenWithRelations } from './relation-repository.ts';
import { listZaakVersions } from './repository.ts';
import { findZaakPage, listScope, logBsnSearch, type ZaakPageRequest, type ZakenDeps } from './service.ts';
import { zaakJsonCacheFor, zaakJsonKey } from './zaak-json-cache.ts';

/*
 * A page of zaken as the JSON of the list response. The page's statement returns only each zaak's uuid and
 * version; the JSON of every zaak whose version the cache holds is reused as it is, and only the others are read in
 * full, presented and kept. A page of zaken that nobody changed since they were last listed thus costs one narrow
 * statement and the copying of bytes. A page with `_expand` has per-request content and is built in full.
 */

const COMMA = Buffer.from(',');

/** The JSON of one page of the zaken the caller may read that match the request (zaak_list, zaak__zoek), UTF-8 encoded. */
export async function zaakPageBody(deps: ZakenDeps, caller: ZakenCaller, base: string, request: ZaakPageRequest): Promise<Buffer> {
  if (request.expand.size > 0) return Buffer.from(JSON.stringify((await findZaakPage(deps, caller, base, request)).page));
  const startTime = new Date();
  const tenantId = caller.tenant.id;
  const cache = zaakJsonCacheFor(deps.db);
  const { count, zaken } = await listZaakVersions(deps.db, tenantId, { ...request, scope: listScope(caller, request.filter) });
  // Checked before reading any zaak: a page past the last one is a 404 without any further work.
  const envelope = paginatedList(caller, request.window, count, []);
  const json = new Map<string, Buffer>();
  const missing: string[] = [];
  for (const zaak of zaken) {
    const kept = cache.get(zaakJsonKey(tenantId, base, zaak.uuid), zaak.version);
    if (kept === undefined) missing.push(zaak.uuid);
    else json.set(zaak.uuid, kept.json);
  }
  for (const { row, relations, version } of await findZakenWithRelations(deps.db, tenantId, missing)) {
    // A zaak changed since the page was read is shown as it is now, so the caller's access is checked on what is shown.
    if (!mayUseZaak(caller.apiCaller, row, 'zaken.lezen')) continue;
    const text = Buffer.from(JSON.stringify(presentZaak(row, relations, base)));
    cache.set(zaakJsonKey(tenantId, base, row.uuid), version, text);
    json.set(row.uuid, text);
  }
  await logBsnSearch(deps, caller, request.filter, count, startTime);
  // A zaak deleted since the page was read is left out.
  const results = zaken.flatMap((zaak) => json.get(zaak.uuid) ?? []);
  const head = Buffer.from(`{"count":${count},"next":${JSON.stringify(envelope.next)},"previous":${JSON.stringify(envelope.previous)},"results":[`);
  return Buffer.concat([head, ...results.flatMap((result, index) => (index === 0 ? [result] : [COMMA, result])), Buffer.from(']}')]);
}
