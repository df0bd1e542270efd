ALTER TABLE "discipline_decisions" ADD COLUMN "vote_members" integer;--> statement-breakpoint
ALTER TABLE "discipline_decisions" ADD COLUMN "vote_present" integer;--> statement-breakpoint
ALTER TABLE "discipline_decisions" ADD COLUMN "vote_for" integer;--> statement-breakpoint
ALTER TABLE "discipline_decisions" ADD COLUMN "vote_against" integer;--> statement-breakpoint
ALTER TABLE "badge_awards" ADD COLUMN "posthumous" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "badge_awards" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "badge_awards" ADD COLUMN "cell_recognized_on" date;