CREATE TABLE "committee_memberships" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "committee_memberships_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"position" text NOT NULL,
	"term_from_year" integer NOT NULL,
	"term_to_year" integer NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"start_reason" text NOT NULL,
	"start_decision_ref" text,
	"election_id" integer,
	"end_reason" text,
	"end_decision_ref" text,
	"re_elected" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_candidates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_candidates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"election_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"votes" integer NOT NULL,
	"outcome" text NOT NULL,
	"nominated_at_congress" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_delegate_allocations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_delegate_allocations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"congress_id" integer NOT NULL,
	"from_org_unit_id" integer NOT NULL,
	"seats" integer NOT NULL,
	"alternates" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_delegates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_delegates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"congress_id" integer NOT NULL,
	"from_org_unit_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"kind" text NOT NULL,
	"is_alternate" boolean DEFAULT false NOT NULL,
	"election_id" integer,
	"credential_status" text DEFAULT 'pending' NOT NULL,
	"credential_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"congress_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"ref" text,
	"adopted_on" date,
	"document_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_elections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_elections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"congress_id" integer NOT NULL,
	"body" text NOT NULL,
	"round_no" integer DEFAULT 1 NOT NULL,
	"at_first_session" boolean DEFAULT false NOT NULL,
	"held_on" date NOT NULL,
	"seats" integer NOT NULL,
	"ballots_issued" integer NOT NULL,
	"ballots_returned" integer NOT NULL,
	"ballots_valid" integer NOT NULL,
	"ballots_invalid" integer NOT NULL,
	"status" text DEFAULT 'recorded' NOT NULL,
	"approved_on" date,
	"approval_ref" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_rounds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_rounds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"directive_ref" text,
	"directive_resolution_id" integer,
	"plan_ref" text,
	"cell_deadline" date,
	"grassroots_deadline" date,
	"upper_deadline" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congresses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congresses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"org_unit_id" integer NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"ordinal" integer,
	"is_pilot" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"planned_on" date,
	"held_on" date,
	"ended_on" date,
	"place" text,
	"plan_approved_on" date,
	"plan_approval_ref" text,
	"summoned_count" integer,
	"present_count" integer,
	"results_approved_on" date,
	"results_approval_ref" text,
	"term_id" integer,
	"planned_committee_size" integer,
	"planned_standing_size" integer,
	"planned_deputy_count" integer,
	"planned_inspection_size" integer,
	"planned_young_pct" integer,
	"planned_women_pct" integer,
	"planned_minority_pct" integer,
	"planned_reelected_pct" integer,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "committee_memberships" ADD CONSTRAINT "committee_memberships_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_memberships" ADD CONSTRAINT "committee_memberships_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_memberships" ADD CONSTRAINT "committee_memberships_election_id_congress_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."congress_elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_candidates" ADD CONSTRAINT "congress_candidates_election_id_congress_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."congress_elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_candidates" ADD CONSTRAINT "congress_candidates_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_delegate_allocations" ADD CONSTRAINT "congress_delegate_allocations_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_delegate_allocations" ADD CONSTRAINT "congress_delegate_allocations_from_org_unit_id_org_units_id_fk" FOREIGN KEY ("from_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_delegates" ADD CONSTRAINT "congress_delegates_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_delegates" ADD CONSTRAINT "congress_delegates_from_org_unit_id_org_units_id_fk" FOREIGN KEY ("from_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_delegates" ADD CONSTRAINT "congress_delegates_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_documents" ADD CONSTRAINT "congress_documents_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_documents" ADD CONSTRAINT "congress_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_elections" ADD CONSTRAINT "congress_elections_congress_id_congresses_id_fk" FOREIGN KEY ("congress_id") REFERENCES "public"."congresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_rounds" ADD CONSTRAINT "congress_rounds_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_rounds" ADD CONSTRAINT "congress_rounds_directive_resolution_id_resolutions_id_fk" FOREIGN KEY ("directive_resolution_id") REFERENCES "public"."resolutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congresses" ADD CONSTRAINT "congresses_round_id_congress_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."congress_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congresses" ADD CONSTRAINT "congresses_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congresses" ADD CONSTRAINT "congresses_term_id_plan_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."plan_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_memberships_unit_idx" ON "committee_memberships" USING btree ("org_unit_id","from_date");--> statement-breakpoint
CREATE INDEX "committee_memberships_member_idx" ON "committee_memberships" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_candidates_key" ON "congress_candidates" USING btree ("election_id","member_id");--> statement-breakpoint
CREATE INDEX "congress_candidates_member_idx" ON "congress_candidates" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_delegate_allocations_key" ON "congress_delegate_allocations" USING btree ("congress_id","from_org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_delegates_member_key" ON "congress_delegates" USING btree ("congress_id","member_id");--> statement-breakpoint
CREATE INDEX "congress_delegates_from_idx" ON "congress_delegates" USING btree ("from_org_unit_id");--> statement-breakpoint
CREATE INDEX "congress_documents_congress_idx" ON "congress_documents" USING btree ("congress_id");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_elections_round_key" ON "congress_elections" USING btree ("congress_id","body","round_no");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_rounds_unit_from_key" ON "congress_rounds" USING btree ("org_unit_id","from_year");--> statement-breakpoint
CREATE UNIQUE INDEX "congresses_round_unit_key" ON "congresses" USING btree ("round_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "congresses_unit_idx" ON "congresses" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "congresses_held_idx" ON "congresses" USING btree ("held_on");