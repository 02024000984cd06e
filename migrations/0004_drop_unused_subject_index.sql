-- The inzage query pages by seq and uses processing_log_subject_seq (0003); the older
-- (tenant_id, data_subject_id, start_time) index only cost every processing-log insert.
DROP INDEX IF EXISTS processing_log_subject;
