-- Each municipality's own contact options on the portal (phone number and hours, counter, e-mail, chat hours),
-- edited by its beheerders. Empty until then: the portal shows the demo municipality's defaults.
ALTER TABLE tenants ADD COLUMN contact jsonb NOT NULL DEFAULT '{}'::jsonb;
