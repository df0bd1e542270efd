CREATE TABLE "member_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"kind" text NOT NULL,
	"event_date" date NOT NULL,
	"org_unit_id" integer,
	"external_org" text,
	"standing" text,
	"original_admitted_on" date,
	"original_recognised_on" date,
	"decision_number" text,
	"note" text,
	"org_operation_id" integer,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_periods" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_periods_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"org_unit_id" integer NOT NULL,
	"status" text NOT NULL,
	"standing" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"full_name" text NOT NULL,
	"birth_name" text,
	"alias" text,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"birth_place" text,
	"home_town" text,
	"permanent_address" text,
	"current_address" text,
	"ethnicity" text DEFAULT 'Kinh' NOT NULL,
	"religion" text DEFAULT 'Không' NOT NULL,
	"citizen_id" text,
	"phone" text,
	"email" text,
	"occupation" text,
	"workplace" text,
	"position" text,
	"civil_service_rank" text,
	"salary_grade" text,
	"general_education" text,
	"professional_level" text DEFAULT 'none' NOT NULL,
	"professional_field" text,
	"academic_title" text,
	"political_theory" text DEFAULT 'none' NOT NULL,
	"foreign_language" text,
	"it_level" text,
	"minority_language" text,
	"referee1" text,
	"referee2" text,
	"card_number" text,
	"card_issued_on" date,
	"record_number" text,
	"youth_union_joined_on" date,
	"trade_union_joined_on" date,
	"military_enlisted_on" date,
	"military_discharged_on" date,
	"military_rank" text,
	"health" text,
	"policy_family" text,
	"awards" text,
	"work_history" jsonb,
	"discipline_history" text,
	"family_political_history" text,
	"family" jsonb,
	"org_unit_id" integer NOT NULL,
	"status" text NOT NULL,
	"standing" text NOT NULL,
	"admitted_on" date,
	"recognised_on" date,
	"party_age_from" date,
	"temporarily_away" boolean DEFAULT false NOT NULL,
	"name_norm" text GENERATED ALWAYS AS (lower(immutable_unaccent(full_name))) STORED,
	"given_name" text GENERATED ALWAYS AS (regexp_replace(full_name, '^.* ', '')) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_member_counts" (
	"org_unit_id" integer NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "org_member_counts_org_unit_id_dimension_key_pk" PRIMARY KEY("org_unit_id","dimension","key")
);
--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agencies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"staff_count" integer
);
--> statement-breakpoint
CREATE TABLE "mass_organisations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mass_organisations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"agency_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"member_count" integer
);
--> statement-breakpoint
CREATE TABLE "org_operations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "org_operations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"effective_date" date NOT NULL,
	"decision_number" text NOT NULL,
	"decision_date" date,
	"note" text,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_unit_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "org_unit_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"parent_id" integer,
	"path" "ltree" NOT NULL,
	"operation_id" integer
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "org_units_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"parent_id" integer,
	"path" "ltree" NOT NULL,
	"established_on" date NOT NULL,
	"dissolved_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"username" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"org_unit_id" integer,
	"before" jsonb,
	"after" jsonb,
	"meta" jsonb,
	"ip" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"scope_org_unit_id" integer NOT NULL,
	"member_id" integer,
	"is_active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_periods" ADD CONSTRAINT "member_periods_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mass_organisations" ADD CONSTRAINT "mass_organisations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit_history" ADD CONSTRAINT "org_unit_history_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_events_member_idx" ON "member_events" USING btree ("member_id","event_date");--> statement-breakpoint
CREATE INDEX "member_periods_member_idx" ON "member_periods" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "member_periods_org_idx" ON "member_periods" USING btree ("org_unit_id","valid_from");--> statement-breakpoint
CREATE INDEX "members_org_idx" ON "members" USING btree ("org_unit_id","status");--> statement-breakpoint
CREATE INDEX "members_name_norm_trgm" ON "members" USING gin ("name_norm" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "members_citizen_id_idx" ON "members" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "agencies_org_idx" ON "agencies" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "mass_organisations_agency_idx" ON "mass_organisations" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "org_unit_history_unit_idx" ON "org_unit_history" USING btree ("org_unit_id","valid_from");--> statement-breakpoint
CREATE INDEX "org_unit_history_path_gist" ON "org_unit_history" USING gist ("path");--> statement-breakpoint
CREATE INDEX "org_units_path_gist" ON "org_units" USING gist ("path");--> statement-breakpoint
CREATE INDEX "org_units_parent_idx" ON "org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree (lower("username"));