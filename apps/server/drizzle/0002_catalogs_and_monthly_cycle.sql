CREATE TABLE "agency_settings" (
	"agency_id" text PRIMARY KEY NOT NULL,
	"period_kind" text DEFAULT 'month' NOT NULL,
	"self_evaluation_day" integer DEFAULT 25 NOT NULL,
	"review_day" integer DEFAULT 28 NOT NULL,
	"lock_day" integer DEFAULT 5 NOT NULL,
	"head_confirm_required" boolean DEFAULT false NOT NULL,
	"first_scored_month" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"period_id" text NOT NULL,
	"person_id" text NOT NULL,
	"catalog_item_id" text,
	"item_code" text NOT NULL,
	"item_name" text NOT NULL,
	"coefficient" numeric(14, 6) NOT NULL,
	"quantity" numeric(12, 4) NOT NULL,
	"source" text DEFAULT 'planned' NOT NULL,
	"deadline" date,
	"extended_deadline" date,
	"handed_back" numeric(12, 4) DEFAULT '0' NOT NULL,
	"handed_back_reason" text,
	"team_group_id" text,
	"note" text,
	"assigned_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_items" (
	"id" text PRIMARY KEY NOT NULL,
	"catalog_id" text NOT NULL,
	"section" text NOT NULL,
	"division_unit_id" text,
	"division_name" text,
	"code" text NOT NULL,
	"task" text NOT NULL,
	"detail" text,
	"output" text NOT NULL,
	"complexity_group" text NOT NULL,
	"point_band" text,
	"points" numeric(12, 4) NOT NULL,
	"unit_quantity" numeric(12, 4) DEFAULT '1' NOT NULL,
	"note" text,
	"search_text" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogs" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"version_no" integer NOT NULL,
	"name" text NOT NULL,
	"standard_unit_name" text NOT NULL,
	"standard_points" numeric(12, 4) NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"decision_signer" text,
	"decision_file_id" text,
	"effective_from" date,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"assignment_id" text NOT NULL,
	"quantity" numeric(12, 4) NOT NULL,
	"delivered_on" date NOT NULL,
	"document_number" text,
	"link" text,
	"note" text,
	"delays" integer DEFAULT 0 NOT NULL,
	"excused_delays" integer DEFAULT 0 NOT NULL,
	"failed_reviews" integer DEFAULT 0 NOT NULL,
	"excused_failed_reviews" integer DEFAULT 0 NOT NULL,
	"review_status" text DEFAULT 'pending' NOT NULL,
	"recorded_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_files" (
	"delivery_id" text NOT NULL,
	"file_id" text NOT NULL,
	CONSTRAINT "delivery_files_delivery_id_file_id_pk" PRIMARY KEY("delivery_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" text PRIMARY KEY NOT NULL,
	"period_id" text NOT NULL,
	"person_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"leader_role" text DEFAULT 'none' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"self_scores" jsonb,
	"self_assessment" text,
	"submitted_at" timestamp with time zone,
	"confirmed_scores" jsonb,
	"manager_comment" text,
	"organizing" numeric(4, 2),
	"organizing_reason" text,
	"unity" numeric(4, 2),
	"unity_reason" text,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	"head_confirmed_by" text,
	"head_confirmed_at" timestamp with time zone,
	"total" numeric(12, 6),
	"result" jsonb,
	"rule_set_version" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" text PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"mime" text NOT NULL,
	"name" text NOT NULL,
	"unit_path" text NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_proposals" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"person_id" text,
	"proposed_by" text,
	"task" text NOT NULL,
	"output" text NOT NULL,
	"complexity_group" text NOT NULL,
	"points" numeric(12, 4) NOT NULL,
	"reason" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"included_in_catalog_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "period_reopenings" (
	"id" text PRIMARY KEY NOT NULL,
	"period_id" text NOT NULL,
	"reason" text NOT NULL,
	"actor_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "periods" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"self_evaluation_due" date NOT NULL,
	"review_due" date NOT NULL,
	"lock_due" date NOT NULL,
	"catalog_id" text,
	"rule_set_version" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"locked_at" timestamp with time zone,
	"locked_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "position_items" (
	"position_id" text NOT NULL,
	"item_code" text NOT NULL,
	CONSTRAINT "position_items_position_id_item_code_pk" PRIMARY KEY("position_id","item_code")
);
--> statement-breakpoint
CREATE TABLE "review_events" (
	"id" text PRIMARY KEY NOT NULL,
	"delivery_id" text,
	"assignment_id" text NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"confirmed_by" text,
	"new_deadline" date,
	"actor_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agency_settings" ADD CONSTRAINT "agency_settings_agency_id_org_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_catalog_item_id_catalog_items_id_fk" FOREIGN KEY ("catalog_item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_catalog_id_catalogs_id_fk" FOREIGN KEY ("catalog_id") REFERENCES "public"."catalogs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_division_unit_id_org_units_id_fk" FOREIGN KEY ("division_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogs" ADD CONSTRAINT "catalogs_agency_id_org_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogs" ADD CONSTRAINT "catalogs_decision_file_id_files_id_fk" FOREIGN KEY ("decision_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogs" ADD CONSTRAINT "catalogs_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_files" ADD CONSTRAINT "delivery_files_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_files" ADD CONSTRAINT "delivery_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_head_confirmed_by_users_id_fk" FOREIGN KEY ("head_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_proposals" ADD CONSTRAINT "item_proposals_agency_id_org_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_proposals" ADD CONSTRAINT "item_proposals_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_proposals" ADD CONSTRAINT "item_proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_proposals" ADD CONSTRAINT "item_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_proposals" ADD CONSTRAINT "item_proposals_included_in_catalog_id_catalogs_id_fk" FOREIGN KEY ("included_in_catalog_id") REFERENCES "public"."catalogs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_reopenings" ADD CONSTRAINT "period_reopenings_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_reopenings" ADD CONSTRAINT "period_reopenings_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periods" ADD CONSTRAINT "periods_agency_id_org_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periods" ADD CONSTRAINT "periods_catalog_id_catalogs_id_fk" FOREIGN KEY ("catalog_id") REFERENCES "public"."catalogs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periods" ADD CONSTRAINT "periods_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_items" ADD CONSTRAINT "position_items_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_period_person_idx" ON "assignments" USING btree ("period_id","person_id");--> statement-breakpoint
CREATE INDEX "assignments_person_idx" ON "assignments" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_items_code_uq" ON "catalog_items" USING btree ("catalog_id","code");--> statement-breakpoint
CREATE INDEX "catalog_items_catalog_idx" ON "catalog_items" USING btree ("catalog_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogs_agency_version_uq" ON "catalogs" USING btree ("agency_id","version_no");--> statement-breakpoint
CREATE INDEX "deliveries_assignment_idx" ON "deliveries" USING btree ("assignment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_period_person_uq" ON "evaluations" USING btree ("period_id","person_id");--> statement-breakpoint
CREATE INDEX "evaluations_person_idx" ON "evaluations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "files_sha_idx" ON "files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "item_proposals_agency_idx" ON "item_proposals" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "periods_agency_kind_year_number_uq" ON "periods" USING btree ("agency_id","kind","year","number");--> statement-breakpoint
CREATE INDEX "review_events_assignment_idx" ON "review_events" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "review_events_delivery_idx" ON "review_events" USING btree ("delivery_id");