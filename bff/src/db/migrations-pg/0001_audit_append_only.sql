-- The audit log is append-only, as on SQLite (migrations/0001): the database itself refuses UPDATE and DELETE,
-- whoever asks, and TRUNCATE too (SQLite has none). Hand-written: drizzle-kit generates no triggers.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'raise_exception';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT
  EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- The audit log's indexes are SQLite's hand-written ones (migrations/0001), with the same names.
CREATE INDEX audit_log_at_idx ON audit_log (at);
--> statement-breakpoint
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);
