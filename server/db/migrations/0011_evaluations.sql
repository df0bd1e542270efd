CREATE TABLE "evaluation_campaigns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"cycle" text NOT NULL,
	"quarter" integer,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"rule_set" text NOT NULL,
	"params_override" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"opened_on" date NOT NULL,
	"self_assessment_due" date,
	"review_due" date,
	"appraisal_due" date,
	"decision_due" date,
	"publication_due" date,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_complaints" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_complaints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"record_id" integer NOT NULL,
	"filed_on" date NOT NULL,
	"content" text NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"outcome_level" text,
	"resolved_on" date,
	"answer" text,
	"filed_by" integer,
	"resolved_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"org_unit_id" integer NOT NULL,
	"member_id" integer,
	"agency_id" integer,
	"mass_organisation_id" integer,
	"grassroots_org_id" integer,
	"subject_name" text NOT NULL,
	"status" text NOT NULL,
	"not_rated_reason" text,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"proposal" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"proposed_level" text NOT NULL,
	"self_assessment" jsonb,
	"self_level" text,
	"review_votes" jsonb,
	"review_level" text,
	"appraisal_level" text,
	"decided_level" text,
	"decision_number" text,
	"decided_on" date,
	"published_on" date,
	"cultural_standard" boolean,
	"removal_flag" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"record_id" integer NOT NULL,
	"step" text NOT NULL,
	"step_date" date NOT NULL,
	"level" text,
	"document_number" text,
	"note" text,
	"data" jsonb,
	"on_behalf" boolean DEFAULT false NOT NULL,
	"recorded_by" integer,
	"recorded_by_name" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_campaigns" ADD CONSTRAINT "evaluation_campaigns_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_complaints" ADD CONSTRAINT "evaluation_complaints_record_id_evaluation_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."evaluation_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_records" ADD CONSTRAINT "evaluation_records_campaign_id_evaluation_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."evaluation_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_records" ADD CONSTRAINT "evaluation_records_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_records" ADD CONSTRAINT "evaluation_records_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_records" ADD CONSTRAINT "evaluation_records_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_records" ADD CONSTRAINT "evaluation_records_mass_organisation_id_mass_organisations_id_fk" FOREIGN KEY ("mass_organisation_id") REFERENCES "public"."mass_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_records" ADD CONSTRAINT "evaluation_records_grassroots_org_id_org_units_id_fk" FOREIGN KEY ("grassroots_org_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_steps" ADD CONSTRAINT "evaluation_steps_record_id_evaluation_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."evaluation_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_campaigns_org_year_idx" ON "evaluation_campaigns" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE INDEX "evaluation_complaints_record_idx" ON "evaluation_complaints" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "evaluation_records_campaign_idx" ON "evaluation_records" USING btree ("campaign_id","subject_kind");--> statement-breakpoint
CREATE INDEX "evaluation_records_org_idx" ON "evaluation_records" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "evaluation_records_member_idx" ON "evaluation_records" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_records_subject_key" ON "evaluation_records" USING btree ("campaign_id","subject_key");--> statement-breakpoint
CREATE INDEX "evaluation_steps_record_idx" ON "evaluation_steps" USING btree ("record_id","step_date");