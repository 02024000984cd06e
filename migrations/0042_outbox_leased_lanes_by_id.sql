-- The leased events per lane, which every lane-limited claim counts, indexed by (lane, id) instead of lane alone.
-- Every claim adds an entry and every recorded delivery leaves a dead one behind until vacuum. Under one key per lane
-- those entries were merged into posting lists that a scan can only mark dead when all of their rows are, so each
-- claim visited the rows of every delivery since the last vacuum (tens of milliseconds at a few thousand deliveries a
-- second). With the id in the key, a scan marks each dead entry as it passes and the next claim skips it.
DROP INDEX outbox_leased_lanes;
CREATE INDEX outbox_leased_lanes ON outbox (lane, id) WHERE lane IS NOT NULL AND delivered_at IS NULL AND locked_until IS NOT NULL;
