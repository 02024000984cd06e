import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { informatieobjectenOfZaak } from './repository.ts';
import { fetchJsonResource } from './remote-resources.ts';

/*
 * zrc-022: a zaak may be archived (archiefstatus other than `nog_te_archiveren`) only when every informatieobject
 * related to it has status `gearchiveerd`. That status lives in a Documenten API: each document is fetched and its
 * `status` read. A document that cannot be fetched cannot be shown to be archived, so it blocks archiving too. When
 * Loket's own Documenten API lands, its documents are read from its service here instead of over HTTP.
 */

/** Whether an informatieobject (an ENKELVOUDIGINFORMATIEOBJECT URL) answers with status `gearchiveerd`. */
async function isArchived(url: string, fetchJson: (url: string) => Promise<unknown>): Promise<boolean> {
  const document = await fetchJson(url);
  return typeof document === 'object' && document !== null && (document as { status?: unknown }).status === 'gearchiveerd';
}

/** `documents-not-archived` when an informatieobject related to the zaak is not (shown to be) archived. */
export async function documentenArchiveringProblems(
  db: Kysely<Database>,
  tenantId: string,
  zaakUuid: string,
  fetchJson: (url: string) => Promise<unknown> = fetchJsonResource,
): Promise<InvalidParam[]> {
  const informatieobjecten = await informatieobjectenOfZaak(db, tenantId, zaakUuid);
  const archived = await Promise.all(informatieobjecten.map((url) => isArchived(url, fetchJson)));
  if (archived.every(Boolean)) return [];
  return [
    {
      name: 'archiefstatus',
      code: 'documents-not-archived',
      reason: "Er zijn gerelateerde informatieobjecten waarvan de status niet 'gearchiveerd' is (of niet kon worden opgevraagd); dat is een voorwaarde voor een andere archiefstatus dan 'nog_te_archiveren'.",
    },
  ];
}
