-- Two staff roles for Financiën: the controller, who maintains the budget, risks and reserves, and bestuur (college
-- and raad members), who read them. The roles list in src/platform/http/route-policy.ts and this check go together.
ALTER TABLE staff_users DROP CONSTRAINT staff_users_roles_check;
ALTER TABLE staff_users ADD CONSTRAINT staff_users_roles_check CHECK (roles <@ ARRAY['kcc', 'behandelaar', 'teamleider', 'beheerder', 'privacy', 'controller', 'bestuur']::text[]);
