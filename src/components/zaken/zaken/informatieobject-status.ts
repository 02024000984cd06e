import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { informatieobjectenOfZaak } from './repository.ts';
import { fetchJsonResource } from './remote-resources.ts';
import { localInformatieobjectStatus } from '../../documenten/local-documenten.ts';

/*
 * zrc-022: a zaak may be archived (archiefstatus other than `nog_te_archiveren`) only when every informatieobject
 * related to it has status `gearchiveerd`. That status lives in a Documenten API: each document is fetched and its
 * `status` read (Loket's own documents straight from its Documenten API). A document that cannot be fetched cannot be
 * shown to be archived, so it blocks archiving too.
 */

/**
 * Whether an informatieobject (an ENKELVOUDIGINFORMATIEOBJECT URL) has status `gearchiveerd`: read from Loket's own
 * Documenten API when it is one of the tenant's documents, else fetched from the Documenten API its URL names.
 */
async function isArchived(db: Kysely<Database>, tenantId: string, url: string, fetchJson: (url: string) => Promise<unknown>): Promise<boolean> {
  const local = await localInformatieobjectStatus(db, tenantId, url);
  if (local !== undefined) return local === 'gearchiveerd';
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
  const archived = await Promise.all(informatieobjecten.map((url) => isArchived(db, tenantId, url, fetchJson)));
  if (archived.every(Boolean)) return [];
  return [
    {
      name: 'archiefstatus',
      code: 'documents-not-archived',
      reason: "Er zijn gerelateerde informatieobjecten waarvan de status niet 'gearchiveerd' is (of niet kon worden opgevraagd); dat is een voorwaarde voor een andere archiefstatus dan 'nog_te_archiveren'.",
    },
  ];
}
