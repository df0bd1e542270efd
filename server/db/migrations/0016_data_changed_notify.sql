-- Every committed change to the tables the pages read notifies `dangvu_data_changed` (once per
-- transaction: PostgreSQL folds equal notifications), so each app process can tell whether an answer
-- it computed earlier still holds (server/platform/http/response-cache.ts). Statement triggers: a
-- COPY of a province costs one notification, not one per row. Sessions, the audit log and the
-- working state of imports are left out: no cached page reads them, and sessions are touched often.
-- A table added later needs the same trigger (server/db/data-changes.db.test.ts checks every table).
CREATE OR REPLACE FUNCTION notify_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dangvu_data_changed', '');
  RETURN NULL;
END $$;--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema()
      AND tablename NOT IN ('sessions', 'audit_log', 'import_jobs', 'import_files', 'import_layouts')
  LOOP
    EXECUTE format('CREATE TRIGGER data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed()', t);
  END LOOP;
END $$;
