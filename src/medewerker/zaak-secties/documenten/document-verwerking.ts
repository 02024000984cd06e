import { logRequestProcessing } from '../../../platform/processing-log/request.ts';
import { loggableBsn } from '../../../components/zaken/rollen/betrokkene-identificatie.ts';
import { natuurlijkePersonen } from '../../zaken/zaak-gegevens.ts';
import type { ZaakSectieContext } from '../../zaken/zaak-sectie.ts';

/*
 * A document of a zaak is about the zaak's natural persons (their aanvraag, a bewijsstuk, a besluit addressed to
 * them), so a member who opens one processes those persons' data: logged under the zaak's activity, with them as
 * subjects, the way reading the zaak page is (`zaak-bekijken`). The record names the zaak, the document and the
 * version by id only; titles, file names and content may themselves be personal data and stay out of the log.
 *
 * What is logged:
 * - `document-bekijken`: the content of one version, sent to the member (download or view), once per request.
 * - `document-versies-bekijken`: the document page, whose version list names each version's auteur, which for a
 *   document a resident sent through the portal is the resident's own name.
 * The documents section on the zaak page is not logged on its own: it shows titles and facts of the documents (type,
 * date, size, vertrouwelijkheid, lock), no personal data beyond what the title may say, and it only renders inside
 * the zaak page, whose reading is already logged with the same persons.
 */

/** The processings of a zaak's documents that leave a record in the processing log. */
export type DocumentVerwerking = 'document-bekijken' | 'document-versies-bekijken';

/**
 * Logs that the member processed a document of the zaak, when the zaak has natural persons (none: nobody's data).
 * Await it before anything is sent: a failed write must keep the document from the member.
 */
export async function logDocumentVerwerking(ctx: ZaakSectieContext, name: DocumentVerwerking, document: { uuid: string; versie: number }, startTime: Date): Promise<void> {
  const db = ctx.context.database.db;
  const personen = await natuurlijkePersonen(db, ctx.request.tenant.id, ctx.zaak.uuid);
  if (personen.length === 0) return;
  await logRequestProcessing(db, ctx.context.keys, ctx.request, {
    activityId: 'zaak-behandelen',
    name,
    status: 'ok',
    startTime,
    dataSubjects: personen.flatMap((bsn) => {
      const id = loggableBsn(bsn);
      return id === undefined ? [] : [{ type: 'BSN', id }];
    }),
    attributes: { zaak: ctx.zaak.uuid, document: document.uuid, versie: document.versie },
  });
}
