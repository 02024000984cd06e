-- Staff sign-in: replay protection for TOTP codes, and replacement of a double-submitted sign-in form.

-- The last TOTP time step (Unix time / 30 s) accepted for this account. A code for that step or an
-- earlier one is refused, so an observed code cannot be replayed within its validity window (RFC 6238 §5.2).
ALTER TABLE staff_users ADD COLUMN totp_last_step integer;

-- sha256 of the sign-in form token the session was created with. A second submission of the same form
-- (double click, back and resubmit) replaces that session instead of leaving a second one dangling.
ALTER TABLE staff_sessions ADD COLUMN sign_in_form_hash text;
CREATE INDEX staff_sessions_sign_in_form ON staff_sessions (tenant_id, sign_in_form_hash) WHERE sign_in_form_hash IS NOT NULL;
