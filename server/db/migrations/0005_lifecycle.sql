CREATE TABLE "admission_targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "admission_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"target" integer NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applicants" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "applicants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"full_name" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"citizen_id" text,
	"ethnicity" text DEFAULT 'Kinh' NOT NULL,
	"religion" text DEFAULT 'Không' NOT NULL,
	"general_education" text,
	"education_area" text DEFAULT 'normal' NOT NULL,
	"workplace" text,
	"position" text,
	"phone" text,
	"source" text,
	"mentor_name" text,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"stopped_reason" text,
	"admission_extended" boolean DEFAULT false NOT NULL,
	"member_id" integer,
	"name_norm" text GENERATED ALWAYS AS (lower(immutable_unaccent(full_name))) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "badge_awards" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "badge_awards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"milestone" integer NOT NULL,
	"award_date" date NOT NULL,
	"decision_number" text,
	"early" boolean DEFAULT false NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues_payments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dues_payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"month" text NOT NULL,
	"amount" integer NOT NULL,
	"paid_on" date NOT NULL,
	"method" text DEFAULT 'cash' NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues_profiles" (
	"member_id" integer PRIMARY KEY NOT NULL,
	"category" text NOT NULL,
	"base_amount" integer,
	"other_area" text,
	"social_pension_allowance" boolean DEFAULT false NOT NULL,
	"hardship_exemption" boolean DEFAULT false NOT NULL,
	"reduction_percent" integer,
	"reduction_from" text,
	"reduction_to" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"org_unit_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"layout_fingerprint" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"summary" jsonb,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_layouts" (
	"kind" text NOT NULL,
	"fingerprint" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_card_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "party_card_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"action" text NOT NULL,
	"action_date" date NOT NULL,
	"card_number" text,
	"reason" text,
	"decision_number" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recruitment_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"applicant_id" integer NOT NULL,
	"step" text NOT NULL,
	"step_date" date NOT NULL,
	"outcome" text DEFAULT 'passed' NOT NULL,
	"votes_for" integer,
	"votes_total" integer,
	"form_code" text,
	"document_number" text,
	"document_id" integer,
	"note" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "member_events" ADD COLUMN "letter_number" text;--> statement-breakpoint
ALTER TABLE "member_events" ADD COLUMN "letter_date" date;--> statement-breakpoint
ALTER TABLE "member_events" ADD COLUMN "presented_on" date;--> statement-breakpoint
ALTER TABLE "admission_targets" ADD CONSTRAINT "admission_targets_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicants" ADD CONSTRAINT "applicants_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicants" ADD CONSTRAINT "applicants_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_awards" ADD CONSTRAINT "badge_awards_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_profiles" ADD CONSTRAINT "dues_profiles_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_card_events" ADD CONSTRAINT "party_card_events_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_steps" ADD CONSTRAINT "recruitment_steps_applicant_id_applicants_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."applicants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_steps" ADD CONSTRAINT "recruitment_steps_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admission_targets_unit_year_key" ON "admission_targets" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE INDEX "applicants_org_idx" ON "applicants" USING btree ("org_unit_id","status");--> statement-breakpoint
CREATE INDEX "applicants_citizen_id_idx" ON "applicants" USING btree ("citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "badge_awards_member_milestone_key" ON "badge_awards" USING btree ("member_id","milestone");--> statement-breakpoint
CREATE UNIQUE INDEX "dues_payments_member_month_key" ON "dues_payments" USING btree ("member_id","month");--> statement-breakpoint
CREATE INDEX "import_jobs_file_idx" ON "import_jobs" USING btree ("kind","file_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "import_jobs_committed_key" ON "import_jobs" USING btree ("kind","org_unit_id","file_sha256") WHERE status = 'committed';--> statement-breakpoint
CREATE UNIQUE INDEX "import_layouts_key" ON "import_layouts" USING btree ("kind","fingerprint");--> statement-breakpoint
CREATE INDEX "party_card_events_member_idx" ON "party_card_events" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "recruitment_steps_applicant_idx" ON "recruitment_steps" USING btree ("applicant_id","step_date");