-- Vietnamese order for member lists (given name, then full name) and word-prefix search on the
-- unaccented name; drizzle cannot express COLLATE in an index.
CREATE INDEX IF NOT EXISTS members_sort_idx ON members (given_name COLLATE vi, full_name COLLATE vi, id);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS members_name_prefix_idx ON members ((name_norm COLLATE "C"), id);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS member_periods_open_idx ON member_periods (org_unit_id) WHERE valid_to IS NULL;
