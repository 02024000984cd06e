import { inTransaction } from '../../../platform/database/transaction.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { DOCUMENTEN_BIJWERKEN } from '../scopes.ts';
import { assertMayUseDocument, seesDocument } from '../shared/access.ts';
import type { DocumentenCaller } from '../shared/caller.ts';
import { isUuid } from '../shared/urls.ts';
import { claimBlobs, removeUnusedBlobs, type DocumentenDeps } from '../informatieobjecten/service.ts';
import { completeBestandsdeel, findBestandsdeel, findDocument } from '../informatieobjecten/repository.ts';
import { documentenResourceUrl } from '../shared/urls.ts';
import { partProblems, type PartUpload } from './upload.ts';

/*
 * `bestandsdeel_update`: one part of a chunked upload. The part must belong to a document the caller may change,
 * come with the document's lock (drc-009) and have exactly the size the document announced for it. The bytes are
 * stored as a blob of their own until the unlock joins the parts; until then the document has no content.
 */

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Bestandsdeel ${uuid} bestaat niet.`);
}

/** The tenant's part (404) of a document the caller may change (403), before its body is read. */
export async function assertMayUploadPart(deps: DocumentenDeps, caller: DocumentenCaller, uuid: string): Promise<{ omvang: number }> {
  const deel = isUuid(uuid) ? await findBestandsdeel(deps.db, caller.tenant.id, uuid.toLowerCase()) : undefined;
  if (!deel) throw notFound(uuid);
  const document = await findDocument(deps.db, caller.tenant.id, deel.document_uuid);
  if (!document || !seesDocument(caller.apiCaller, document.is_gereed_voor_publicatie)) throw notFound(uuid);
  assertMayUseDocument(caller.apiCaller, document, [DOCUMENTEN_BIJWERKEN]);
  return { omvang: deel.omvang };
}

/** The `BestandsDeelResponse` of a received part. */
export interface BestandsdeelResponseJson {
  url: string;
  lock: string;
  omvang: number;
  voltooid: boolean;
  volgnummer: number;
}

/** Records a received part, after checking its lock and size; a refused part's bytes are removed again. */
export async function receiveBestandsdeel(deps: DocumentenDeps, caller: DocumentenCaller, base: string, uuid: string, upload: PartUpload): Promise<BestandsdeelResponseJson> {
  const tenantId = caller.tenant.id;
  let kept = false;
  let replaced: string | null = null;
  try {
    return await inTransaction(deps.db, async (trx) => {
      const deel = await findBestandsdeel(trx, tenantId, uuid.toLowerCase());
      if (!deel) throw notFound(uuid);
      const document = await findDocument(trx, tenantId, deel.document_uuid, { forUpdate: true });
      if (!document || !seesDocument(caller.apiCaller, document.is_gereed_voor_publicatie)) throw notFound(uuid);
      assertMayUseDocument(caller.apiCaller, document, [DOCUMENTEN_BIJWERKEN]);
      const problems: InvalidParam[] = partProblems(upload);
      if (upload.lock !== undefined && upload.lock !== '' && upload.lock !== document.lock) {
        problems.push({ name: 'nonFieldErrors', code: 'incorrect-lock-id', reason: 'Het lock id is niet correct.' });
      }
      const size = upload.tooLarge ? deel.omvang + 1 : (upload.blob?.size ?? deel.omvang);
      if (size !== deel.omvang) {
        problems.push({ name: 'inhoud', code: 'file-size', reason: `Het bestandsdeel moet precies ${deel.omvang} bytes zijn.` });
      }
      if (problems.length > 0 || !upload.blob) throw invalid(problems);
      replaced = deel.inhoud_sha256;
      await claimBlobs(deps, trx, tenantId, [upload.blob.sha256]);
      await completeBestandsdeel(trx, tenantId, deel.uuid, upload.blob.sha256);
      kept = true;
      const url = documentenResourceUrl(base, 'bestandsdelen', deel.uuid);
      return { url, lock: document.lock, omvang: deel.omvang, voltooid: true, volgnummer: deel.volgnummer };
    });
  } catch (error) {
    kept = false;
    throw error;
  } finally {
    const released = kept ? (replaced !== null && replaced !== upload.blob?.sha256 ? [replaced] : []) : upload.blob ? [upload.blob.sha256] : [];
    await removeUnusedBlobs(deps, tenantId, released);
  }
}
