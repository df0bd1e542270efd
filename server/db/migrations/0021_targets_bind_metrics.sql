DROP TABLE "admission_targets" CASCADE;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD COLUMN "additional_metric_codes" text[] DEFAULT '{}'::text[] NOT NULL;