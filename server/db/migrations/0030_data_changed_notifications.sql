-- The notification tables (0029) carry the change trigger of 0016 like every table the pages read
-- (the bell's count, /thong-bao and its settings), so that a write to them empties the response cache
-- (server/platform/http/response-cache.ts) and nobody is served a stale unread count.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['notifications', 'notification_settings', 'notification_digests']
  LOOP
    EXECUTE format('CREATE TRIGGER data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed()', t);
  END LOOP;
END $$;
