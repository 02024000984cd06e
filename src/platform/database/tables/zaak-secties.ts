import type { Generated } from 'kysely';

/* The staff zaak page's own data beside the ZGW components (migrations/0091). */

/** Which staff member holds the Documenten API lock of a document, with its lock id (kept server-side only). */
export interface ZaakDocumentVergrendelingenTable {
  tenant_id: string;
  informatieobject_uuid: string;
  staff_user_id: string;
  lock_id: string;
  vergrendeld_op: Generated<Date>;
}

export interface ZaakSectiesTables {
  zaak_document_vergrendelingen: ZaakDocumentVergrendelingenTable;
}
