-- Processing log: a head per tenant so that a removed tail of the hash chain can be detected,
-- and an index for listing one person's records newest first (inzage, keyset on seq).

-- The last record of each tenant's chain and how many records it has, kept by a trigger on every
-- insert. Removing the newest records leaves a chain that is still internally consistent; only a
-- head recorded elsewhere shows that it is shorter than it was.
CREATE TABLE processing_log_heads (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
  last_seq bigint NOT NULL,
  last_hash text NOT NULL,
  row_count bigint NOT NULL
);

-- Chains written before this migration get their head now.
INSERT INTO processing_log_heads (tenant_id, last_seq, last_hash, row_count)
  SELECT DISTINCT ON (tenant_id) tenant_id, seq, hash, count(*) OVER (PARTITION BY tenant_id)
  FROM processing_log ORDER BY tenant_id, seq DESC;

CREATE FUNCTION processing_log_advance_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO processing_log_heads AS head (tenant_id, last_seq, last_hash, row_count)
    VALUES (NEW.tenant_id, NEW.seq, NEW.hash, 1)
    ON CONFLICT (tenant_id) DO UPDATE
      SET last_seq = EXCLUDED.last_seq, last_hash = EXCLUDED.last_hash, row_count = head.row_count + 1;
  RETURN NULL;
END;
$$;
CREATE TRIGGER processing_log_head AFTER INSERT ON processing_log
  FOR EACH ROW EXECUTE FUNCTION processing_log_advance_head();

-- A head only moves forward, one record at a time, and is never removed.
CREATE FUNCTION processing_log_heads_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'processing_log_heads rows cannot be deleted';
  END IF;
  IF NEW.tenant_id <> OLD.tenant_id OR NEW.last_seq <= OLD.last_seq OR NEW.row_count <> OLD.row_count + 1 THEN
    RAISE EXCEPTION 'processing_log_heads only moves forward';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER processing_log_heads_no_rewind BEFORE UPDATE OR DELETE ON processing_log_heads
  FOR EACH ROW EXECUTE FUNCTION processing_log_heads_forward_only();

CREATE INDEX processing_log_subject_seq ON processing_log (tenant_id, data_subject_id, seq) WHERE data_subject_id IS NOT NULL;
