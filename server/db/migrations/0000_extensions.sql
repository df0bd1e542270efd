-- Extensions, the unaccent wrapper used by generated search columns, and our own Vietnamese
-- collation `vi` (PGlite lacks Vietnamese ICU data; see shared/reference/engineering-notes.md §B.4).
CREATE EXTENSION IF NOT EXISTS ltree;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;--> statement-breakpoint
DO $do$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'vi-VN-x-icu') THEN
    CREATE COLLATION IF NOT EXISTS vi (provider = icu, locale = 'vi-VN');
  ELSE
    EXECUTE $r$CREATE COLLATION IF NOT EXISTS vi (provider = icu, locale = 'und',
      rules = '&̀<<̉<<̃<<́<<̣ &a<ă<<<Ă<â<<<Â &d<đ<<<Đ &e<ê<<<Ê &o<ô<<<Ô<ơ<<<Ơ &u<ư<<<Ư')$r$;
  END IF;
END $do$;
