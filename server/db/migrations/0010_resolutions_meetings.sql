CREATE TABLE "meeting_attendance" (
	"meeting_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"present" boolean NOT NULL,
	"absence_reason" text,
	CONSTRAINT "meeting_attendance_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"text" text NOT NULL,
	"owner" text,
	"deadline" date,
	"done" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"agenda" text,
	"invited_count" integer NOT NULL,
	"present_count" integer NOT NULL,
	"minutes_document_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_programmes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "action_programmes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"resolution_id" integer NOT NULL,
	"org_unit_id" integer NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"title" text,
	"document_id" integer,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dissemination_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dissemination_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"resolution_id" integer NOT NULL,
	"org_unit_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"form" text NOT NULL,
	"invited" integer NOT NULL,
	"attended" integer NOT NULL,
	"note" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolution_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "resolution_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"resolution_id" integer NOT NULL,
	"target_unit_id" integer NOT NULL,
	"unit_kinds" text[] NOT NULL,
	"study_deadline" date NOT NULL,
	"action_programme_required" boolean DEFAULT false NOT NULL,
	"action_programme_deadline" date,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "resolution_progress_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "resolution_progress_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"resolution_id" integer NOT NULL,
	"org_unit_id" integer NOT NULL,
	"reported_on" date NOT NULL,
	"content" text NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolution_reflections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "resolution_reflections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"resolution_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"org_unit_id" integer NOT NULL,
	"submitted_on" date NOT NULL,
	"content" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolutions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "resolutions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_unit_id" integer NOT NULL,
	"issuer_level" text NOT NULL,
	"issuer_name" text NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"document_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_minutes_document_id_documents_id_fk" FOREIGN KEY ("minutes_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_programmes" ADD CONSTRAINT "action_programmes_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_programmes" ADD CONSTRAINT "action_programmes_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_programmes" ADD CONSTRAINT "action_programmes_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_sessions" ADD CONSTRAINT "dissemination_sessions_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_sessions" ADD CONSTRAINT "dissemination_sessions_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_plans" ADD CONSTRAINT "resolution_plans_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_plans" ADD CONSTRAINT "resolution_plans_target_unit_id_org_units_id_fk" FOREIGN KEY ("target_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_progress_reports" ADD CONSTRAINT "resolution_progress_reports_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_progress_reports" ADD CONSTRAINT "resolution_progress_reports_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_reflections" ADD CONSTRAINT "resolution_reflections_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_reflections" ADD CONSTRAINT "resolution_reflections_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolution_reflections" ADD CONSTRAINT "resolution_reflections_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_attendance_member_idx" ON "meeting_attendance" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "meeting_decisions_meeting_idx" ON "meeting_decisions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meetings_unit_date_idx" ON "meetings" USING btree ("org_unit_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "action_programmes_res_unit_uq" ON "action_programmes" USING btree ("resolution_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "dissemination_sessions_res_unit_idx" ON "dissemination_sessions" USING btree ("resolution_id","org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resolution_plans_resolution_uq" ON "resolution_plans" USING btree ("resolution_id");--> statement-breakpoint
CREATE INDEX "resolution_plans_deadline_idx" ON "resolution_plans" USING btree ("study_deadline");--> statement-breakpoint
CREATE INDEX "resolution_progress_res_unit_idx" ON "resolution_progress_reports" USING btree ("resolution_id","org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resolution_reflections_res_member_uq" ON "resolution_reflections" USING btree ("resolution_id","member_id");--> statement-breakpoint
CREATE INDEX "resolution_reflections_unit_idx" ON "resolution_reflections" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "resolutions_owner_idx" ON "resolutions" USING btree ("owner_unit_id","issued_on");--> statement-breakpoint
CREATE UNIQUE INDEX "resolutions_owner_number_uq" ON "resolutions" USING btree ("owner_unit_id","number");