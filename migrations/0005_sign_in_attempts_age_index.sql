-- Housekeeping deletes sign-in attempts by age alone; without this index that is a full scan every round.
CREATE INDEX sign_in_attempts_age ON sign_in_attempts (attempted_at);
