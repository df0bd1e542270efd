CREATE TABLE "exemplary_model_evidence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exemplary_model_evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"model_id" integer NOT NULL,
	"title" text NOT NULL,
	"document_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exemplary_models" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exemplary_models_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"member_id" integer,
	"programme_id" integer,
	"movement_id" integer,
	"title" text NOT NULL,
	"field" text,
	"description" text,
	"registered_on" date NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"reviewed_on" date,
	"decision_ref" text,
	"recognised_by_org_unit_id" integer,
	"review_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_notes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinion_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"noted_on" date NOT NULL,
	"topic" text NOT NULL,
	"content" text NOT NULL,
	"source" text,
	"orientation" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programme_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"org_unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"held_on" date NOT NULL,
	"report_ref" text,
	"document_id" integer,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_activities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "study_activities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"org_unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"meeting_id" integer,
	"participants" integer,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_commitments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "study_commitments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"year" integer NOT NULL,
	"signed_on" date NOT NULL,
	"content" text NOT NULL,
	"outcome" text,
	"outcome_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_programmes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "study_programmes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"directive_ref" text,
	"resolution_id" integer,
	"from_date" date NOT NULL,
	"to_date" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commendations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "commendations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"proposing_org_unit_id" integer NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_org_unit_id" integer,
	"subject_member_id" integer,
	"form" text NOT NULL,
	"year" integer NOT NULL,
	"years_running" integer,
	"movement_id" integer,
	"achievements" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_on" date NOT NULL,
	"reviewed_on" date,
	"review_note" text,
	"eligibility" jsonb,
	"granting_org_unit_id" integer,
	"granting_authority" text,
	"decided_on" date,
	"decision_ref" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_movements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "emulation_movements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"launch_ref" text,
	"criteria" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "movement_registrations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "movement_registrations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"movement_id" integer NOT NULL,
	"org_unit_id" integer NOT NULL,
	"member_id" integer,
	"registered_on" date NOT NULL,
	"undertaking" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "proposals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"source_kind" text NOT NULL,
	"source_org_unit_id" integer,
	"source_member_id" integer,
	"source_text" text,
	"meeting_id" integer,
	"raised_on" date NOT NULL,
	"field" text,
	"content" text NOT NULL,
	"addressee" text,
	"assignee_org_unit_id" integer,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"answered_on" date,
	"answer" text,
	"answer_ref" text,
	"answer_document_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "residence_comments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "residence_comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"year" integer NOT NULL,
	"residence_cell" text NOT NULL,
	"residence_address" text,
	"commented_on" date NOT NULL,
	"comment" text NOT NULL,
	"conclusion" text,
	"recorded_as" text NOT NULL,
	"document_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exemplary_model_evidence" ADD CONSTRAINT "exemplary_model_evidence_model_id_exemplary_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."exemplary_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_model_evidence" ADD CONSTRAINT "exemplary_model_evidence_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_models" ADD CONSTRAINT "exemplary_models_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_models" ADD CONSTRAINT "exemplary_models_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_models" ADD CONSTRAINT "exemplary_models_programme_id_study_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."study_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_models" ADD CONSTRAINT "exemplary_models_movement_id_emulation_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."emulation_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exemplary_models" ADD CONSTRAINT "exemplary_models_recognised_by_org_unit_id_org_units_id_fk" FOREIGN KEY ("recognised_by_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_notes" ADD CONSTRAINT "opinion_notes_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_reviews" ADD CONSTRAINT "programme_reviews_programme_id_study_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."study_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_reviews" ADD CONSTRAINT "programme_reviews_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_reviews" ADD CONSTRAINT "programme_reviews_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_activities" ADD CONSTRAINT "study_activities_programme_id_study_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."study_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_activities" ADD CONSTRAINT "study_activities_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_activities" ADD CONSTRAINT "study_activities_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_commitments" ADD CONSTRAINT "study_commitments_programme_id_study_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."study_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_commitments" ADD CONSTRAINT "study_commitments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_programmes" ADD CONSTRAINT "study_programmes_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_programmes" ADD CONSTRAINT "study_programmes_resolution_id_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_proposing_org_unit_id_org_units_id_fk" FOREIGN KEY ("proposing_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_subject_org_unit_id_org_units_id_fk" FOREIGN KEY ("subject_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_subject_member_id_members_id_fk" FOREIGN KEY ("subject_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_movement_id_emulation_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."emulation_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_granting_org_unit_id_org_units_id_fk" FOREIGN KEY ("granting_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_movements" ADD CONSTRAINT "emulation_movements_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_registrations" ADD CONSTRAINT "movement_registrations_movement_id_emulation_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."emulation_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_registrations" ADD CONSTRAINT "movement_registrations_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_registrations" ADD CONSTRAINT "movement_registrations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_source_org_unit_id_org_units_id_fk" FOREIGN KEY ("source_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_source_member_id_members_id_fk" FOREIGN KEY ("source_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_assignee_org_unit_id_org_units_id_fk" FOREIGN KEY ("assignee_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_answer_document_id_documents_id_fk" FOREIGN KEY ("answer_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_comments" ADD CONSTRAINT "residence_comments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_comments" ADD CONSTRAINT "residence_comments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exemplary_model_evidence_model_idx" ON "exemplary_model_evidence" USING btree ("model_id");--> statement-breakpoint
CREATE INDEX "exemplary_models_unit_idx" ON "exemplary_models" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "exemplary_models_movement_idx" ON "exemplary_models" USING btree ("movement_id");--> statement-breakpoint
CREATE INDEX "exemplary_models_programme_idx" ON "exemplary_models" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "opinion_notes_unit_date_idx" ON "opinion_notes" USING btree ("org_unit_id","noted_on");--> statement-breakpoint
CREATE INDEX "programme_reviews_programme_idx" ON "programme_reviews" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "study_activities_programme_idx" ON "study_activities" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "study_activities_unit_held_idx" ON "study_activities" USING btree ("org_unit_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "study_commitments_member_year_key" ON "study_commitments" USING btree ("programme_id","member_id","year");--> statement-breakpoint
CREATE INDEX "study_commitments_member_idx" ON "study_commitments" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "study_programmes_unit_idx" ON "study_programmes" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "commendations_proposing_idx" ON "commendations" USING btree ("proposing_org_unit_id");--> statement-breakpoint
CREATE INDEX "commendations_year_idx" ON "commendations" USING btree ("year");--> statement-breakpoint
CREATE INDEX "commendations_member_idx" ON "commendations" USING btree ("subject_member_id");--> statement-breakpoint
CREATE INDEX "commendations_unit_idx" ON "commendations" USING btree ("subject_org_unit_id");--> statement-breakpoint
CREATE INDEX "emulation_movements_unit_idx" ON "emulation_movements" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "movement_registrations_movement_idx" ON "movement_registrations" USING btree ("movement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "movement_registrations_subject_key" ON "movement_registrations" USING btree ("movement_id","org_unit_id","member_id");--> statement-breakpoint
CREATE INDEX "proposals_unit_raised_idx" ON "proposals" USING btree ("org_unit_id","raised_on");--> statement-breakpoint
CREATE INDEX "proposals_assignee_idx" ON "proposals" USING btree ("assignee_org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "residence_comments_member_year_key" ON "residence_comments" USING btree ("member_id","year");