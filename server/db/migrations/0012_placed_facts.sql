CREATE TABLE "org_fact_counts" (
	"org_unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"total" bigint NOT NULL,
	CONSTRAINT "org_fact_counts_org_unit_id_kind_day_pk" PRIMARY KEY("org_unit_id","kind","day")
);
--> statement-breakpoint
CREATE TABLE "placed_facts" (
	"source" text NOT NULL,
	"source_id" integer NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"amount" bigint NOT NULL,
	"path" "ltree" NOT NULL
);
--> statement-breakpoint
CREATE INDEX "placed_facts_source_idx" ON "placed_facts" USING btree ("source","source_id");