DROP INDEX "evaluations_leaders_stale_idx";--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "score_stale" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "evaluations_stale_idx" ON "evaluations" USING btree ("period_id") WHERE leaders_stale or score_stale;