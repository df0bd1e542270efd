CREATE TABLE "discipline_complaints" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "discipline_complaints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"decision_id" integer NOT NULL,
	"filed_on" date NOT NULL,
	"deadline_on" date NOT NULL,
	"handled_by" text NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"outcome_on" date,
	"outcome_note" text,
	"new_form" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discipline_decisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "discipline_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subject_kind" text NOT NULL,
	"member_id" integer,
	"org_unit_id" integer NOT NULL,
	"standing" text,
	"case_id" integer,
	"status" text NOT NULL,
	"form" text NOT NULL,
	"body" text NOT NULL,
	"body_org_unit_id" integer NOT NULL,
	"decision_number" text,
	"violation" text NOT NULL,
	"limitation_ground" text,
	"violation_from" date NOT NULL,
	"violation_to" date,
	"decided_on" date,
	"announced_on" date,
	"received_on" date,
	"member_event_id" integer,
	"org_operation_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_case_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_case_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"step" text NOT NULL,
	"step_date" date NOT NULL,
	"document_number" text,
	"note" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_case_subjects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_case_subjects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"subject_kind" text NOT NULL,
	"org_unit_id" integer NOT NULL,
	"member_id" integer
);
--> statement-breakpoint
CREATE TABLE "inspection_case_team" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_case_team_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"user_id" integer
);
--> statement-breakpoint
CREATE TABLE "inspection_cases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"body" text NOT NULL,
	"kind" text NOT NULL,
	"programme_item_id" integer,
	"title" text NOT NULL,
	"content" text,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"year" integer NOT NULL,
	"planned_from" date,
	"planned_to" date,
	"status" text DEFAULT 'open' NOT NULL,
	"report_summary" text,
	"conclusion_number" text,
	"conclusion_date" date,
	"conclusion_text" text,
	"outcome_summary" text,
	"violation_found" boolean,
	"published_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_programme_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_programme_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"kind" text NOT NULL,
	"subject_org_unit_id" integer,
	"subject_text" text NOT NULL,
	"theme" text NOT NULL,
	"quarter" integer,
	"lead" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_programmes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_programmes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"body" text NOT NULL,
	"period" text NOT NULL,
	"year" integer NOT NULL,
	"to_year" integer,
	"title" text NOT NULL,
	"decision_number" text,
	"approved_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_recommendations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_recommendations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"text" text NOT NULL,
	"addressee_org_unit_id" integer,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"done_on" date,
	"follow_up" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "discipline_complaints" ADD CONSTRAINT "discipline_complaints_decision_id_discipline_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."discipline_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_decisions" ADD CONSTRAINT "discipline_decisions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_decisions" ADD CONSTRAINT "discipline_decisions_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_decisions" ADD CONSTRAINT "discipline_decisions_case_id_inspection_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."inspection_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_decisions" ADD CONSTRAINT "discipline_decisions_body_org_unit_id_org_units_id_fk" FOREIGN KEY ("body_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_decisions" ADD CONSTRAINT "discipline_decisions_member_event_id_member_events_id_fk" FOREIGN KEY ("member_event_id") REFERENCES "public"."member_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_decisions" ADD CONSTRAINT "discipline_decisions_org_operation_id_org_operations_id_fk" FOREIGN KEY ("org_operation_id") REFERENCES "public"."org_operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_case_steps" ADD CONSTRAINT "inspection_case_steps_case_id_inspection_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."inspection_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_case_subjects" ADD CONSTRAINT "inspection_case_subjects_case_id_inspection_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."inspection_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_case_subjects" ADD CONSTRAINT "inspection_case_subjects_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_case_subjects" ADD CONSTRAINT "inspection_case_subjects_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_case_team" ADD CONSTRAINT "inspection_case_team_case_id_inspection_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."inspection_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_case_team" ADD CONSTRAINT "inspection_case_team_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_cases" ADD CONSTRAINT "inspection_cases_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_cases" ADD CONSTRAINT "inspection_cases_programme_item_id_inspection_programme_items_id_fk" FOREIGN KEY ("programme_item_id") REFERENCES "public"."inspection_programme_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_programme_items" ADD CONSTRAINT "inspection_programme_items_programme_id_inspection_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."inspection_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_programme_items" ADD CONSTRAINT "inspection_programme_items_subject_org_unit_id_org_units_id_fk" FOREIGN KEY ("subject_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_programmes" ADD CONSTRAINT "inspection_programmes_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_recommendations" ADD CONSTRAINT "inspection_recommendations_case_id_inspection_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."inspection_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_recommendations" ADD CONSTRAINT "inspection_recommendations_addressee_org_unit_id_org_units_id_fk" FOREIGN KEY ("addressee_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "discipline_complaints_decision_idx" ON "discipline_complaints" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "discipline_decisions_member_idx" ON "discipline_decisions" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "discipline_decisions_org_idx" ON "discipline_decisions" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "discipline_decisions_decided_idx" ON "discipline_decisions" USING btree ("decided_on");--> statement-breakpoint
CREATE INDEX "inspection_case_steps_case_idx" ON "inspection_case_steps" USING btree ("case_id","step_date");--> statement-breakpoint
CREATE INDEX "inspection_case_subjects_case_idx" ON "inspection_case_subjects" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "inspection_case_subjects_member_idx" ON "inspection_case_subjects" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "inspection_case_subjects_org_idx" ON "inspection_case_subjects" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "inspection_case_team_case_idx" ON "inspection_case_team" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "inspection_case_team_user_idx" ON "inspection_case_team" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "inspection_cases_org_year_idx" ON "inspection_cases" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE INDEX "inspection_cases_item_idx" ON "inspection_cases" USING btree ("programme_item_id");--> statement-breakpoint
CREATE INDEX "inspection_programme_items_programme_idx" ON "inspection_programme_items" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "inspection_programmes_org_idx" ON "inspection_programmes" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE INDEX "inspection_recommendations_case_idx" ON "inspection_recommendations" USING btree ("case_id");