CREATE TABLE "dues_remittances" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dues_remittances_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_unit_id" integer NOT NULL,
	"receiving_org_unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"period_kind" text NOT NULL,
	"period" integer NOT NULL,
	"amount" integer NOT NULL,
	"received_on" date NOT NULL,
	"document_number" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_remittances_period_check" CHECK (("dues_remittances"."period_kind" = 'month' and "dues_remittances"."period" between 1 and 12) or ("dues_remittances"."period_kind" = 'quarter' and "dues_remittances"."period" between 1 and 4)),
	CONSTRAINT "dues_remittances_amount_check" CHECK ("dues_remittances"."amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "dues_remittances" ADD CONSTRAINT "dues_remittances_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_remittances" ADD CONSTRAINT "dues_remittances_receiving_org_unit_id_org_units_id_fk" FOREIGN KEY ("receiving_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dues_remittances_org_period_key" ON "dues_remittances" USING btree ("org_unit_id","year","period_kind","period");--> statement-breakpoint
-- Like every table the pages read (0016): a write drops the cached answers that read it.
CREATE TRIGGER data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dues_remittances
  FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed();
