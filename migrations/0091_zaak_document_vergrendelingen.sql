-- "Lock while editing" on the staff zaak page: which member holds the Documenten API lock of a document, and its
-- lock id. The lock id stays on the server (never in a page), so only the member who locked can change or unlock.
-- A row whose lock no longer matches the document's (forced unlock by an application) is stale and ignored.
CREATE TABLE zaak_document_vergrendelingen (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  informatieobject_uuid uuid NOT NULL,
  staff_user_id uuid NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  lock_id text NOT NULL CHECK (length(lock_id) BETWEEN 1 AND 100),
  vergrendeld_op timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, informatieobject_uuid)
);
