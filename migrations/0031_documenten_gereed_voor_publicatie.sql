-- Autorisaties API 1.1: an applicatie with alleenIsGereedVoorPublicatie may only read documents whose
-- isGereedVoorPublicatie is true. That field lives in the current version's data; lists filter on it in SQL, so the
-- document row carries it beside its other filter columns (kept in step with the current version, like them).
-- NULL means the gereedheid is not known (the field is nullable in the API), which such an applicatie may not read.
ALTER TABLE documenten ADD COLUMN is_gereed_voor_publicatie boolean;

UPDATE documenten
SET is_gereed_voor_publicatie = (current_version.data ->> 'isGereedVoorPublicatie')::boolean
FROM documentversies AS current_version
WHERE current_version.document_uuid = documenten.uuid
  AND current_version.versie = documenten.versie;

-- The lists such an applicatie asks for: few documents of a tenant may be gereed, so these need not scan the rest.
CREATE INDEX documenten_gereed_order ON documenten (tenant_id, created_at DESC, uuid DESC) WHERE is_gereed_voor_publicatie;
