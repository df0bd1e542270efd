-- The reconciliation tables (0032) carry the change trigger of 0016 like every table the pages read,
-- so that a write to them drops the cached answers that read them (server/platform/http/response-cache.ts).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['reconciliation_runs', 'reconciliation_items']
  LOOP
    EXECUTE format('CREATE TRIGGER data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed()', t);
  END LOOP;
END $$;
