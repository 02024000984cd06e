import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { zaakUuidFromUrl } from '../shared/zaak-reference.ts';
import { findZaken } from './repository.ts';
import type { RelevanteZaak } from './present.ts';

/*
 * A zaak's links to other zaken: its hoofdzaak (zrc-013) and its relevante andere zaken (zrc-011). Each must be a
 * zaak of this Zaken API in the same tenant; a URL that is not is a 400 on that field (`bad-url`).
 */

const BAD_URL = 'De URL verwijst niet naar een bestaande zaak.';

/**
 * zrc-013: the hoofdzaak must be an existing zaak, not the zaak itself (`self-forbidden`) and not a deelzaak itself
 * (`deelzaak-als-hoofdzaak`: deelzaken of deelzaken are not allowed, so neither may a zaak with deelzaken become one).
 * Returns the hoofdzaak's uuid when it is valid.
 */
export async function checkHoofdzaak(
  db: Kysely<Database>,
  tenantId: string,
  url: string | null,
  self: { uuid: string; hasDeelzaken: boolean } | undefined,
): Promise<{ problems: InvalidParam[]; uuid: string | null }> {
  if (url === null) return { problems: [], uuid: null };
  const uuid = zaakUuidFromUrl(url);
  const [hoofdzaak] = uuid ? await findZaken(db, tenantId, [uuid]) : [];
  if (!hoofdzaak) return { problems: [{ name: 'hoofdzaak', code: 'bad-url', reason: BAD_URL }], uuid: null };
  if (self && hoofdzaak.uuid === self.uuid) {
    return { problems: [{ name: 'hoofdzaak', code: 'self-forbidden', reason: 'Een zaak kan geen deelzaak van zichzelf zijn.' }], uuid: null };
  }
  if (hoofdzaak.hoofdzaak_uuid !== null) {
    return { problems: [{ name: 'hoofdzaak', code: 'deelzaak-als-hoofdzaak', reason: 'Deelzaken van deelzaken worden niet ondersteund: de hoofdzaak is zelf een deelzaak.' }], uuid: null };
  }
  if (self?.hasDeelzaken) {
    return { problems: [{ name: 'hoofdzaak', code: 'deelzaak-als-hoofdzaak', reason: 'Deelzaken van deelzaken worden niet ondersteund: deze zaak heeft zelf deelzaken.' }], uuid: null };
  }
  return { problems: [], uuid: hoofdzaak.uuid };
}

/** zrc-011: every relevante andere zaak must exist; a problem names `relevanteAndereZaken.<index>`. */
export async function relevanteZakenProblems(db: Kysely<Database>, tenantId: string, relevante: readonly RelevanteZaak[]): Promise<InvalidParam[]> {
  if (relevante.length === 0) return [];
  const uuids = relevante.map((relatie) => zaakUuidFromUrl(relatie.url));
  const found = new Set((await findZaken(db, tenantId, uuids.flatMap((uuid) => uuid ?? []))).map((zaak) => zaak.uuid));
  return uuids.flatMap((uuid, index) => (uuid !== null && found.has(uuid) ? [] : [{ name: `relevanteAndereZaken.${index}`, code: 'bad-url', reason: BAD_URL }]));
}
