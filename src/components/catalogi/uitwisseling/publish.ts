import type { Kysely } from 'kysely';
import type { Database, Tenant } from '../../../platform/database/schema.ts';
import { publishBesluittype } from '../besluittypen/service.ts';
import { publishInformatieobjecttype } from '../informatieobjecttypen/service.ts';
import { publishZaaktype } from '../zaaktypen/service.ts';
import { inWriteTransaction } from '../shared/write.ts';
import type { ImportResult } from './import.ts';
import { ProblemCollector } from './problem-collector.ts';
import { systemCaller, tenantCatalogiBase, type Actor } from './system-caller.ts';

/*
 * Publishing what an import created, through the Catalogi services' publish operations, so the standard's rules
 * for publishing hold (ztc-012: a zaaktype only with published besluittypen and informatieobjecttypen; ztc-016: no
 * overlapping published versions; the minimum parts of a zaaktype). Hence the order: informatieobjecttypen,
 * besluittypen, then zaaktypen. One transaction; every problem is listed.
 */

export const NOT_PUBLISHED = 'De geïmporteerde typen zijn niet gepubliceerd; er is niets veranderd.';

const DEFAULT_ACTOR: Actor = { applicatie: 'loket-cli', gebruiker: 'loket catalogus import --publish' };

/** Publishes every type an import created; throws a ProblemError `invalid` listing every refusal, by kind and name. */
export async function publishImport(
  db: Kysely<Database>,
  tenant: Pick<Tenant, 'id' | 'hostnames' | 'slug'>,
  imported: Pick<ImportResult, 'informatieobjecttypen' | 'besluittypen' | 'zaaktypen'>,
  options: { actor?: Actor; base?: string } = {},
): Promise<void> {
  const base = options.base ?? tenantCatalogiBase(tenant);
  const caller = systemCaller(tenant.id, options.actor ?? DEFAULT_ACTOR, base);
  await inWriteTransaction(db, async (trx) => {
    const collector = new ProblemCollector(trx);
    for (const { uuid, naam } of imported.informatieobjecttypen) await collector.attempt(`informatieobjecttype ${naam}`, () => publishInformatieobjecttype(trx, caller, base, uuid));
    for (const { uuid, naam } of imported.besluittypen) await collector.attempt(`besluittype ${naam}`, () => publishBesluittype(trx, caller, base, uuid));
    for (const { uuid, naam } of imported.zaaktypen) await collector.attempt(`zaaktype ${naam}`, () => publishZaaktype(trx, caller, base, uuid));
    collector.throwIfAny(NOT_PUBLISHED);
  });
}
