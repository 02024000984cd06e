import type { AuditTrailJson } from '../../../platform/audit/present.ts';
import { listZaakAudit } from '../../../components/zaken/audittrail/service.ts';
import type { ZaakSectieContext } from '../../zaken/zaak-sectie.ts';

/** The records per page of the full audit trail page. */
export const AUDIT_PAGINA_GROOTTE = 25;
/** The newest records the zaak page itself shows. */
export const AUDIT_IN_SECTIE = 10;

/** One page of the zaak's audit trail, newest first (the Zaken service checks audittrails.lezen for the zaak). */
export interface AuditPagina {
  records: AuditTrailJson[];
  totaal: number;
  pagina: number;
  paginas: number;
}

/** Page `pagina` (from 1) of the zaak's audit trail with `grootte` records a page, newest first. */
export async function zaakAuditPagina(ctx: ZaakSectieContext, pagina: number, grootte: number): Promise<AuditPagina> {
  const alle = (await listZaakAudit(ctx.context.database.db, ctx.zaken.caller, ctx.zaak.uuid)).reverse();
  const paginas = Math.max(1, Math.ceil(alle.length / grootte));
  const huidige = Math.min(Math.max(1, pagina), paginas);
  return { records: alle.slice((huidige - 1) * grootte, huidige * grootte), totaal: alle.length, pagina: huidige, paginas };
}
