-- The audit log is append-only: no UPDATE or DELETE, whoever asks.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE INDEX audit_log_at_idx ON audit_log (at);
--> statement-breakpoint
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);
