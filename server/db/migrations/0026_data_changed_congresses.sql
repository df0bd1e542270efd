-- The congress and committee tables (0023) carry the change trigger of 0016 like every table the pages
-- read, so a write to them empties the response cache (server/platform/http/response-cache.ts).
-- login_throttles (0025) does not: failed logins change nothing a page shows.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['congress_rounds', 'congresses', 'congress_documents',
    'congress_delegate_allocations', 'congress_delegates', 'congress_elections',
    'congress_candidates', 'committee_memberships']
  LOOP
    EXECUTE format('CREATE TRIGGER data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed()', t);
  END LOOP;
END $$;
