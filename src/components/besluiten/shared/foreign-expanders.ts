import { findBesluittypen } from '../../catalogi/besluittypen/repository.ts';
import { loadBesluittypeRecords } from '../../catalogi/besluittypen/records.ts';
import { presentBesluittype } from '../../catalogi/besluittypen/present.ts';
import { expandObjects, parseExpand } from '../../catalogi/shared/expand.ts';
import { amsterdamToday } from '../besluiten/rules.ts';
import type { Expander, ForeignExpanders } from './expand.ts';
import { catalogiBaseFromBesluiten } from './urls.ts';

/**
 * `expand=besluittype` (and `besluittype.<relation>` below it): the besluittypen as the Catalogi API presents them
 * today, on the Catalogi API beside the caller's Besluiten API, expanded further by the Catalogi API's own rules.
 */
export const expandBesluittypen: Expander = async (db, tenantId, uuids, base, below) => {
  const tree = parseExpand(below, 'besluittype');
  const catalogiBase = catalogiBaseFromBesluiten(base);
  const date = amsterdamToday();
  const rows = await findBesluittypen(db, tenantId, uuids);
  const presented = (await loadBesluittypeRecords(db, tenantId, rows, date)).map((record) => presentBesluittype(record, catalogiBase));
  await expandObjects({ db, tenantId, base: catalogiBase, date }, 'besluittype', presented, tree);
  return new Map(rows.map((row, index) => [row.uuid, presented[index]]));
};

/**
 * The expansions into other components that can be served today. A zaak and an informatieobject wait for a
 * presenter from the Zaken and Documenten components; until then those expansions are refused with a 400.
 */
export const AVAILABLE_FOREIGN_EXPANDERS: ForeignExpanders = { besluittype: expandBesluittypen };
