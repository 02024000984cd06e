import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { uuidInCollection } from '../shared/urls.ts';
import { findOwningZaaktype, type OwningZaaktype } from './owner.ts';

/** A part's `zaaktype` as written: the zaaktype it names, or why it names none. */
export type ZaaktypeReference = { zaaktype: OwningZaaktype } | { problem: InvalidParam };

/**
 * Reads a part's `zaaktype` URL: it must name a zaaktype of this API, at the address the client used, in the
 * caller's tenant (ztc-013: parts never point into another catalogue). Undefined when the body has no text there
 * (the JSON schema reports that). The zaaktype is share-locked when `lock` is set, see `findOwningZaaktype`.
 */
export async function resolveZaaktype(
  db: Kysely<Database>,
  tenantId: string,
  base: string,
  value: unknown,
  options: { lock?: boolean } = {},
): Promise<ZaaktypeReference | undefined> {
  if (typeof value !== 'string') return undefined;
  const uuid = uuidInCollection(base, 'zaaktypen', value);
  if (uuid === undefined) {
    return { problem: { name: 'zaaktype', code: 'bad-url', reason: `Geef de URL van een zaaktype van deze API op (${base}/zaaktypen/…).` } };
  }
  const zaaktype = await findOwningZaaktype(db, tenantId, uuid, options);
  if (!zaaktype) return { problem: { name: 'zaaktype', code: 'does_not_exist', reason: `Zaaktype ${uuid} bestaat niet.` } };
  return { zaaktype };
}

/**
 * The zaaktype a part is written into, share-locked for the rest of the transaction, with the problems of the
 * reference (none when it resolves). A missing zaaktype is reported too: service callers such as the catalogue
 * import reach this without a JSON schema in front of it.
 */
export async function writtenZaaktype(
  db: Kysely<Database>,
  tenantId: string,
  base: string,
  value: unknown,
): Promise<{ zaaktype?: OwningZaaktype; problems: InvalidParam[] }> {
  const reference = await resolveZaaktype(db, tenantId, base, value, { lock: true });
  if (reference === undefined) return { problems: [{ name: 'zaaktype', code: 'required', reason: 'Dit veld is vereist.' }] };
  return 'problem' in reference ? { problems: [reference.problem] } : { zaaktype: reference.zaaktype, problems: [] };
}
