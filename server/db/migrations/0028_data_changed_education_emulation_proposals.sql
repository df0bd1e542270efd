-- The education, emulation and proposals tables (0027) carry the change trigger of 0016 like every table
-- the pages read, so a write to them empties the response cache (server/platform/http/response-cache.ts).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['study_programmes', 'study_activities', 'study_commitments',
    'exemplary_models', 'exemplary_model_evidence', 'programme_reviews', 'opinion_notes',
    'emulation_movements', 'movement_registrations', 'commendations', 'proposals',
    'residence_comments']
  LOOP
    EXECUTE format('CREATE TRIGGER data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed()', t);
  END LOOP;
END $$;
