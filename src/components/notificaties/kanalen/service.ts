import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { isUniqueViolation, type NotificatiesCaller } from '../shared/caller.ts';
import { isUuid } from '../shared/urls.ts';
import { EIGEN_KANALEN, eigenKanaalByNaam, eigenKanaalByUuid, type KanaalRecord } from './eigen-kanalen.ts';
import { presentKanaal, type KanaalJson } from './present.ts';
import { findKanaal, findKanalenByNaam, insertKanaal, listKanalen } from './repository.ts';
import type { KanaalInput, KanaalListQuery } from './schemas.ts';

/*
 * KANAAL: Loket's own kanalen (in code, the same for every tenant) and those external publishers register (per
 * tenant). A naam is unique across both, as the standard requires ("Een kanaal is uniek in naam").
 */

function naamTaken(naam: string): InvalidParam {
  return { name: 'naam', code: 'unique', reason: `Er bestaat al een kanaal met de naam ${naam}.` };
}

/** Whether a documentatieLink is blank or an absolute URL. */
function isLinkOrBlank(value: string): boolean {
  if (value === '') return true;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** `kanaal_list`: every kanaal of the tenant (Loket's own and registered ones, in naam order); `naam` filters exactly. */
export async function listKanaalJson(db: Kysely<Database>, caller: NotificatiesCaller, base: string, query: KanaalListQuery): Promise<KanaalJson[]> {
  const eigen = EIGEN_KANALEN.filter((kanaal) => query.naam === undefined || kanaal.naam === query.naam);
  const registered = await listKanalen(db, caller.tenant.id, query.naam);
  return [...eigen, ...registered].sort((a, b) => a.naam.localeCompare(b.naam)).map((kanaal) => presentKanaal(kanaal, base));
}

/** `kanaal_read`. */
export async function retrieveKanaalJson(db: Kysely<Database>, caller: NotificatiesCaller, base: string, uuid: string): Promise<KanaalJson> {
  const kanaal = isUuid(uuid) ? (eigenKanaalByUuid(uuid) ?? (await findKanaal(db, caller.tenant.id, uuid.toLowerCase()))) : undefined;
  if (!kanaal) throw new ProblemError('not_found', `Kanaal ${uuid} bestaat niet.`);
  return presentKanaal(kanaal, base);
}

/** `kanaal_create`: a publisher registers its kanaal; its naam must be new (Loket's own names are taken). */
export async function createKanaal(db: Kysely<Database>, caller: NotificatiesCaller, base: string, input: KanaalInput): Promise<KanaalJson> {
  const problems: InvalidParam[] = [];
  const documentatieLink = input.documentatieLink ?? '';
  if (!isLinkOrBlank(documentatieLink)) problems.push({ name: 'documentatieLink', code: 'invalid', reason: 'Voer een geldige URL in.' });
  const filters = [...new Set(input.filters ?? [])];
  if (eigenKanaalByNaam(input.naam) || (await findKanalenByNaam(db, caller.tenant.id, [input.naam])).length > 0) problems.push(naamTaken(input.naam));
  if (problems.length > 0) throw invalid(problems);
  try {
    return presentKanaal(await insertKanaal(db, caller.tenant.id, { naam: input.naam, documentatieLink, filters }), base);
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid([naamTaken(input.naam)]);
    throw error;
  }
}

/** The kanalen of the tenant with these names (Loket's own and registered), by naam. */
export async function kanalenByNaam(db: Kysely<Database>, tenantId: string, namen: string[]): Promise<Map<string, KanaalRecord>> {
  const found = new Map<string, KanaalRecord>();
  const unknown: string[] = [];
  for (const naam of new Set(namen)) {
    const eigen = eigenKanaalByNaam(naam);
    if (eigen) found.set(naam, eigen);
    else unknown.push(naam);
  }
  for (const kanaal of await findKanalenByNaam(db, tenantId, unknown)) found.set(kanaal.naam, kanaal);
  return found;
}
