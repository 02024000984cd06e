-- Generated zaak identificaties (`ZAAK-2026-0000000001`): a per-tenant prefix setting and a counter
-- per tenant and Europe/Amsterdam calendar year holding the last number issued.

-- One row per tenant that changed the defaults; a tenant without a row uses prefix 'ZAAK' and 10 digits.
-- The prefix is 1-20 upper-case letters, digits and hyphens, starting and ending with a letter or digit
-- (so the separators stay unambiguous). Digits are 4-14: with the longest prefix, the year and two
-- hyphens this keeps an identificatie within the 40 characters the Zaken API allows.
CREATE TABLE zaak_identificatie_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  prefix text NOT NULL DEFAULT 'ZAAK' CHECK (prefix ~ '^[A-Z0-9]([A-Z0-9-]{0,18}[A-Z0-9])?$'),
  digits smallint NOT NULL DEFAULT 10 CHECK (digits BETWEEN 4 AND 14)
);

-- Not keyed by prefix: a tenant that changes its prefix mid-year continues the same sequence, so switching
-- back can never repeat an identificatie. The row is incremented inside the transaction that creates the
-- zaak, so a rolled-back zaak also rolls back its number (no gaps from rollbacks; gaps are harmless anyway).
CREATE TABLE zaak_identificatie_counters (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  year smallint NOT NULL CHECK (year BETWEEN 1000 AND 9999),
  last_number bigint NOT NULL CHECK (last_number >= 1),
  PRIMARY KEY (tenant_id, year)
);
