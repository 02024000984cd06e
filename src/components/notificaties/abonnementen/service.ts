import { isIP } from 'node:net';
import type { Kysely } from 'kysely';
import type { Keys } from '../../../platform/crypto/keys.ts';
import type { Database } from '../../../platform/database/schema.ts';
import type { AbonnementKanaal } from '../../../platform/database/tables/notificaties.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { isAddressAllowed, type OutboundPolicy } from '../../../platform/http/outbound-url.ts';
import type { Notificatie } from '../../../platform/zgw/notificatie.ts';
import { kanalenByNaam } from '../kanalen/service.ts';
import type { NotificatiesCaller } from '../shared/caller.ts';
import { isUuid } from '../shared/urls.ts';
import { abonnementMatches } from './matching.ts';
import { MASKED_AUTH, presentAbonnement, type AbonnementJson } from './present.ts';
import {
  abonnementenOnKanaal,
  deleteAbonnement,
  findAbonnement,
  insertAbonnement,
  listAbonnementen,
  updateAbonnement,
  type AbonnementRow,
} from './repository.ts';
import type { AbonnementInput, AbonnementPatch, FilterGroupInput } from './schemas.ts';

/*
 * ABONNEMENT: a consumer's callback URL with the Authorization header Loket sends it (stored encrypted with the
 * platform key) and the kanalen it takes, each with filters on that kanaal's kenmerken. Every query is scoped to
 * the caller's tenant.
 */

/** What the abonnementen service needs besides the request. */
export interface AbonnementenDeps {
  db: Kysely<Database>;
  keys: Keys;
  /** Where callbacks may point (LOKET_OUTBOUND_ALLOW_PRIVATE_NETWORKS). */
  outbound: OutboundPolicy;
}

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Abonnement ${uuid} bestaat niet.`);
}

/** The problems of a callback URL: absolute http(s), and an IP-literal host the outbound policy allows. */
function callbackProblems(url: string, outbound: OutboundPolicy): InvalidParam[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [{ name: 'callbackUrl', code: 'invalid', reason: 'Voer een geldige URL in.' }];
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return [{ name: 'callbackUrl', code: 'invalid', reason: 'Alleen http- en https-URLs zijn toegestaan.' }];
  }
  // Host names are checked at every delivery (their addresses may change); a literal address can be judged now.
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) !== 0 && !isAddressAllowed(host, outbound)) {
    return [{ name: 'callbackUrl', code: 'bad-url', reason: 'Deze URL verwijst naar een intern netwerkadres.' }];
  }
  return [];
}

/** The problems of the kanalen: each must exist in the tenant and be filtered only on its own kenmerken. */
async function kanalenProblems(db: Kysely<Database>, tenantId: string, kanalen: FilterGroupInput[]): Promise<InvalidParam[]> {
  const known = await kanalenByNaam(
    db,
    tenantId,
    kanalen.map((group) => group.naam),
  );
  const problems: InvalidParam[] = [];
  kanalen.forEach((group, index) => {
    const kanaal = known.get(group.naam);
    if (!kanaal) {
      problems.push({ name: `kanalen.${index}.naam`, code: 'kanaal-bestaat-niet', reason: `Kanaal ${group.naam} bestaat niet.` });
      return;
    }
    const unknown = Object.keys(group.filters ?? {}).filter((kenmerk) => !kanaal.filters.includes(kenmerk));
    if (unknown.length > 0) {
      problems.push({
        name: `kanalen.${index}.filters`,
        code: 'filters-onbekend',
        reason: `Kanaal ${group.naam} kent geen kenmerk ${unknown.join(', ')}; wel: ${kanaal.filters.join(', ') || '(geen)'}.`,
      });
    }
  });
  return problems;
}

function storedKanalen(kanalen: FilterGroupInput[]): AbonnementKanaal[] {
  return kanalen.map((group) => ({ naam: group.naam, filters: { ...(group.filters ?? {}) } }));
}

async function assertValid(deps: AbonnementenDeps, tenantId: string, input: AbonnementInput): Promise<void> {
  const problems = [...callbackProblems(input.callbackUrl, deps.outbound), ...(await kanalenProblems(deps.db, tenantId, input.kanalen))];
  if (problems.length > 0) throw invalid(problems);
}

async function existing(deps: AbonnementenDeps, caller: NotificatiesCaller, uuid: string): Promise<AbonnementRow> {
  const row = isUuid(uuid) ? await findAbonnement(deps.db, caller.tenant.id, uuid.toLowerCase()) : undefined;
  if (!row) throw notFound(uuid);
  return row;
}

/** `abonnement_list`: every abonnement of the tenant. */
export async function listAbonnementJson(deps: AbonnementenDeps, caller: NotificatiesCaller, base: string): Promise<AbonnementJson[]> {
  return (await listAbonnementen(deps.db, caller.tenant.id)).map((row) => presentAbonnement(row, base, deps.keys, caller.apiCaller.clientId));
}

/** `abonnement_read`. */
export async function retrieveAbonnementJson(deps: AbonnementenDeps, caller: NotificatiesCaller, base: string, uuid: string): Promise<AbonnementJson> {
  return presentAbonnement(await existing(deps, caller, uuid), base, deps.keys, caller.apiCaller.clientId);
}

/** `abonnement_create`. */
export async function createAbonnement(deps: AbonnementenDeps, caller: NotificatiesCaller, base: string, input: AbonnementInput): Promise<AbonnementJson> {
  await assertValid(deps, caller.tenant.id, input);
  const row = await insertAbonnement(deps.db, caller.tenant.id, caller.apiCaller.clientId, {
    callbackUrl: input.callbackUrl,
    authEncrypted: deps.keys.encrypt(input.auth),
    kanalen: storedKanalen(input.kanalen),
  });
  return presentAbonnement(row, base, deps.keys, caller.apiCaller.clientId);
}

/** `abonnement_update` and `abonnement_partial_update`: the client's fields over the stored ones. */
export async function changeAbonnement(
  deps: AbonnementenDeps,
  caller: NotificatiesCaller,
  base: string,
  uuid: string,
  input: AbonnementInput | AbonnementPatch,
): Promise<AbonnementJson> {
  const before = await existing(deps, caller, uuid);
  const merged: AbonnementInput = {
    callbackUrl: input.callbackUrl ?? before.callback_url,
    // The masked value a client read back keeps the stored header.
    auth: input.auth === undefined || input.auth === MASKED_AUTH ? deps.keys.decrypt(before.auth_encrypted) : input.auth,
    kanalen: input.kanalen ?? before.kanalen,
  };
  await assertValid(deps, caller.tenant.id, merged);
  const row = await updateAbonnement(deps.db, caller.tenant.id, before.uuid, {
    callbackUrl: merged.callbackUrl,
    authEncrypted: deps.keys.encrypt(merged.auth),
    kanalen: storedKanalen(merged.kanalen),
  });
  if (!row) throw notFound(uuid);
  return presentAbonnement(row, base, deps.keys, caller.apiCaller.clientId);
}

/** `abonnement_delete`. Deliveries still on their way to it are dropped when their turn comes. */
export async function destroyAbonnement(deps: AbonnementenDeps, caller: NotificatiesCaller, uuid: string): Promise<void> {
  const row = await existing(deps, caller, uuid);
  if (!(await deleteAbonnement(deps.db, caller.tenant.id, row.uuid))) throw notFound(uuid);
}

/**
 * For each of the tenant's notifications, the uuids of the abonnementen it goes to (the fan-out's lookup): one query
 * per kanaal among them, however many notifications share it.
 */
export async function matchingAbonnementen(db: Kysely<Database>, tenantId: string, notificaties: readonly Pick<Notificatie, 'kanaal' | 'kenmerken'>[]): Promise<string[][]> {
  const onKanaal = new Map<string, Awaited<ReturnType<typeof abonnementenOnKanaal>>>();
  for (const kanaal of new Set(notificaties.map((notificatie) => notificatie.kanaal))) onKanaal.set(kanaal, await abonnementenOnKanaal(db, tenantId, kanaal));
  return notificaties.map((notificatie) =>
    (onKanaal.get(notificatie.kanaal) ?? []).filter((row) => abonnementMatches(row.kanalen, notificatie)).map((row) => row.uuid),
  );
}
