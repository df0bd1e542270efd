-- The change notification names the table it comes from, so that each app process throws away only
-- the cached answers that read it (server/db/data-changes.ts, server/platform/http/response-cache.ts).
-- PostgreSQL folds equal notifications of one transaction: one per table written, not one per row.
CREATE OR REPLACE FUNCTION notify_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dangvu_data_changed', TG_TABLE_NAME);
  RETURN NULL;
END $$;
