-- Lanes: the events for one receiver (the deliveries to one notification abonnement) share a lane, and the
-- dispatchers of all processes together keep at most a few of a lane's events leased at a time. A receiver that is
-- slow or hangs so holds only that many delivery slots until its time-out, never all of them. Events without a lane
-- are claimed as before.
ALTER TABLE outbox ADD COLUMN lane text;
-- The leased events per lane, which every claim counts: only rows in flight (the claim sets locked_until; recording
-- the outcome clears it), so the index stays as small as the deliveries under way.
CREATE INDEX outbox_leased_lanes ON outbox (lane) WHERE lane IS NOT NULL AND delivered_at IS NULL AND locked_until IS NOT NULL;
