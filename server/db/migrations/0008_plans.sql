CREATE TABLE "key_tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "key_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"term_id" integer,
	"title" text NOT NULL,
	"requirement" text,
	"products" text,
	"origin" text NOT NULL,
	"assigned_by_org_unit_id" integer,
	"parent_task_id" integer,
	"owner_kind" text NOT NULL,
	"owner_org_unit_id" integer,
	"owner_member_id" integer,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"completed_on" date,
	"exceeded_percent" double precision,
	"result_note" text,
	"rating" text,
	"rated_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"term_id" integer,
	"year" integer,
	"parent_target_id" integer,
	"title" text NOT NULL,
	"metric_code" text NOT NULL,
	"resolution_id" integer,
	"comparator" text NOT NULL,
	"threshold" double precision NOT NULL,
	"baseline" double precision,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_terms" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_terms_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"congress_resolution" text,
	"congress_date" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "key_tasks" ADD CONSTRAINT "key_tasks_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_tasks" ADD CONSTRAINT "key_tasks_term_id_plan_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."plan_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_tasks" ADD CONSTRAINT "key_tasks_assigned_by_org_unit_id_org_units_id_fk" FOREIGN KEY ("assigned_by_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_tasks" ADD CONSTRAINT "key_tasks_owner_org_unit_id_org_units_id_fk" FOREIGN KEY ("owner_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_tasks" ADD CONSTRAINT "key_tasks_owner_member_id_members_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_term_id_plan_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."plan_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_terms" ADD CONSTRAINT "plan_terms_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_tasks_unit_year_idx" ON "key_tasks" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE INDEX "key_tasks_owner_unit_idx" ON "key_tasks" USING btree ("owner_org_unit_id","deadline");--> statement-breakpoint
CREATE INDEX "key_tasks_owner_member_idx" ON "key_tasks" USING btree ("owner_member_id","deadline");--> statement-breakpoint
CREATE INDEX "key_tasks_assigned_by_idx" ON "key_tasks" USING btree ("assigned_by_org_unit_id","year");--> statement-breakpoint
CREATE INDEX "plan_targets_unit_year_idx" ON "plan_targets" USING btree ("org_unit_id","year");--> statement-breakpoint
CREATE INDEX "plan_targets_parent_idx" ON "plan_targets" USING btree ("parent_target_id");--> statement-breakpoint
CREATE INDEX "plan_targets_term_idx" ON "plan_targets" USING btree ("term_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_terms_unit_from_key" ON "plan_terms" USING btree ("org_unit_id","from_year");--> statement-breakpoint
CREATE INDEX "member_events_kind_date_idx" ON "member_events" USING btree ("kind","event_date");