-- The member photos (0034) carry the change trigger of 0016 like every table the pages read (the
-- member record and the card-photo list), so that a write drops the cached answers that read it
-- (server/platform/http/response-cache.ts).
CREATE TRIGGER data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON member_photos
  FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed();
