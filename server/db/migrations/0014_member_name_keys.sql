CREATE TABLE "member_name_keys" (
	"member_id" integer NOT NULL,
	"key" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "member_name_keys_member_idx" ON "member_name_keys" USING btree ("member_id");--> statement-breakpoint
-- Word-boundary suffixes of an unaccented name: the name itself and what follows each space, so
-- `key like 'van hu%'` holds exactly when `name_norm like 'van hu%' or name_norm like '% van hu%'`.
CREATE OR REPLACE FUNCTION name_search_keys(name text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT name WHERE name IS NOT NULL AND name <> ''
  UNION ALL
  SELECT substr(name, p + 1) FROM generate_series(1, length(name) - 1) AS p
  WHERE substr(name, p, 1) = ' '
$$;--> statement-breakpoint
-- Statement triggers with transition tables: one set-based write per statement, so a COPY of a
-- province costs one INSERT … SELECT, not a trigger call per row.
CREATE OR REPLACE FUNCTION member_name_keys_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_name_keys (member_id, key)
  SELECT n.id, k FROM new_rows n, name_search_keys(n.name_norm) AS k;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_name_keys_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM member_name_keys k USING old_rows o JOIN new_rows n ON n.id = o.id
  WHERE k.member_id = o.id AND n.name_norm IS DISTINCT FROM o.name_norm;
  INSERT INTO member_name_keys (member_id, key)
  SELECT n.id, k FROM old_rows o JOIN new_rows n ON n.id = o.id, name_search_keys(n.name_norm) AS k
  WHERE n.name_norm IS DISTINCT FROM o.name_norm;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_name_keys_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM member_name_keys k USING old_rows o WHERE k.member_id = o.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER members_name_keys_insert AFTER INSERT ON members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_name_keys_on_insert();--> statement-breakpoint
CREATE TRIGGER members_name_keys_update AFTER UPDATE ON members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION member_name_keys_on_update();--> statement-breakpoint
CREATE TRIGGER members_name_keys_delete AFTER DELETE ON members
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION member_name_keys_on_delete();--> statement-breakpoint
INSERT INTO member_name_keys (member_id, key)
SELECT m.id, k FROM members m, name_search_keys(m.name_norm) AS k;--> statement-breakpoint
-- drizzle cannot express COLLATE in an index: byte order, so LIKE 'prefix%' is an index range.
CREATE INDEX member_name_keys_key_idx ON member_name_keys ((key COLLATE "C"), member_id);
--> statement-breakpoint
ANALYZE member_name_keys;
