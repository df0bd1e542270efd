CREATE INDEX "inspection_cases_decision_date_idx" ON "inspection_cases" USING btree ("decision_date");--> statement-breakpoint
CREATE INDEX "badge_awards_date_idx" ON "badge_awards" USING btree ("award_date");--> statement-breakpoint
CREATE INDEX "party_card_events_date_idx" ON "party_card_events" USING btree ("action_date");