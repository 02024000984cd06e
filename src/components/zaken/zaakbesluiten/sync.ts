import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { recordAudit, type AuditActie } from '../../../platform/audit/record.ts';
import { auditEntryFromRequest, type AuditRequest } from '../../../platform/audit/request.ts';
import { publishNotificatie } from '../../../platform/zgw/notificatie.ts';
import { catalogiBaseUrlFrom, zaakUrl } from '../shared/urls.ts';
import type { ZaakRow } from '../shared/zaak-reference.ts';
import { presentZaakbesluit, zaakbesluitWeergave, type ZaakbesluitRelation } from './present.ts';

/*
 * brc-006 within one Loket: a besluit created with a zaak IS that zaak's ZAAKBESLUIT (derived from the besluit's
 * zaak), so the Besluiten API does not call POST /zaken/{uuid}/besluiten. What that call would leave on the Zaken
 * side it leaves here instead, in the besluit's own transaction: a record in the zaak's audit trail (bron zrc) and a
 * notification on kanaal `zaken`. Deleting the besluit ends the relation the same way.
 */

/** The kenmerken of kanaal `zaken` (bronorganisatie, zaaktype, vertrouwelijkheidaanduiding) for this zaak. */
export function zaakKenmerken(zaak: ZaakRow, zakenBase: string): Record<string, string> {
  return {
    bronorganisatie: zaak.bronorganisatie,
    zaaktype: `${catalogiBaseUrlFrom(zakenBase)}/zaaktypen/${zaak.zaaktype_uuid}`,
    vertrouwelijkheidaanduiding: zaak.vertrouwelijkheidaanduiding,
  };
}

async function recordZaakbesluitChange(
  trx: Transaction<Database>,
  caller: AuditRequest,
  zaak: ZaakRow,
  relation: ZaakbesluitRelation,
  zakenBase: string,
  actie: Extract<AuditActie, 'create' | 'destroy'>,
): Promise<void> {
  const json = presentZaakbesluit(relation, zakenBase);
  const hoofdObject = zaakUrl(zakenBase, zaak.uuid);
  const change = actie === 'create' ? { resultaat: 201, nieuw: { ...json } } : { resultaat: 204, oud: { ...json } };
  await recordAudit(
    trx,
    auditEntryFromRequest(caller, { bron: 'zrc', actie, hoofdObject, resource: 'zaakbesluit', resourceUrl: json.url, resourceWeergave: zaakbesluitWeergave(relation, zaak.identificatie), ...change }),
  );
  await publishNotificatie(trx, caller.tenant.id, { kanaal: 'zaken', hoofdObject, resource: 'zaakbesluit', resourceUrl: json.url, actie, kenmerken: zaakKenmerken(zaak, zakenBase) });
}

/** A besluit with this zaak was created: the zaak's ZAAKBESLUIT came into being. */
export function zaakbesluitCreated(trx: Transaction<Database>, caller: AuditRequest, zaak: ZaakRow, relation: ZaakbesluitRelation, zakenBase: string): Promise<void> {
  return recordZaakbesluitChange(trx, caller, zaak, relation, zakenBase, 'create');
}

/** The besluit of this ZAAKBESLUIT was deleted: the relation ended with it. */
export function zaakbesluitDestroyed(trx: Transaction<Database>, caller: AuditRequest, zaak: ZaakRow, relation: ZaakbesluitRelation, zakenBase: string): Promise<void> {
  return recordZaakbesluitChange(trx, caller, zaak, relation, zakenBase, 'destroy');
}
