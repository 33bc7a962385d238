ALTER TABLE "evaluations" ADD COLUMN "leaders_stale" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "evaluations_leaders_stale_idx" ON "evaluations" USING btree ("period_id") WHERE leaders_stale;--> statement-breakpoint
CREATE INDEX "grants_org_unit_idx" ON "grants" USING btree ("org_unit_id");