CREATE TABLE "document_number_counters" (
	"issuer_org_unit_id" integer NOT NULL,
	"term_start" date NOT NULL,
	"type_code" text NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "document_number_counters_issuer_org_unit_id_term_start_type_code_pk" PRIMARY KEY("issuer_org_unit_id","term_start","type_code")
);
--> statement-breakpoint
CREATE TABLE "issued_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "issued_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"issuer_org_unit_id" integer NOT NULL,
	"type" text NOT NULL,
	"type_code" text NOT NULL,
	"issuer_code" text NOT NULL,
	"term_start" date NOT NULL,
	"term_label" text NOT NULL,
	"number" integer NOT NULL,
	"number_text" text NOT NULL,
	"title" text NOT NULL,
	"issued_on" date NOT NULL,
	"signer" text,
	"report_draft_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_drafts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_drafts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"texts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"data" jsonb,
	"generated_at" timestamp with time zone,
	"issued_document_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_number_counters" ADD CONSTRAINT "document_number_counters_issuer_org_unit_id_org_units_id_fk" FOREIGN KEY ("issuer_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_issuer_org_unit_id_org_units_id_fk" FOREIGN KEY ("issuer_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_drafts" ADD CONSTRAINT "report_drafts_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_drafts" ADD CONSTRAINT "report_drafts_issued_document_id_issued_documents_id_fk" FOREIGN KEY ("issued_document_id") REFERENCES "public"."issued_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "issued_documents_number_key" ON "issued_documents" USING btree ("issuer_org_unit_id","term_start","type_code","number");--> statement-breakpoint
CREATE INDEX "issued_documents_issued_idx" ON "issued_documents" USING btree ("issuer_org_unit_id","issued_on");--> statement-breakpoint
CREATE UNIQUE INDEX "report_drafts_org_year_key" ON "report_drafts" USING btree ("org_unit_id","year");