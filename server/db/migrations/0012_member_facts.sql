CREATE TABLE "member_event_facts" (
	"event_id" integer PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"path" "ltree" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_status_facts" (
	"member_id" integer NOT NULL,
	"status" text NOT NULL,
	"day" date NOT NULL,
	"delta" integer NOT NULL,
	"path" "ltree" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_fact_counts" (
	"org_unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "org_fact_counts_org_unit_id_kind_day_pk" PRIMARY KEY("org_unit_id","kind","day")
);
--> statement-breakpoint
CREATE INDEX "member_event_facts_member_idx" ON "member_event_facts" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "member_status_facts_member_idx" ON "member_status_facts" USING btree ("member_id");