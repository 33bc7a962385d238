CREATE TABLE "agency_assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"cycle_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"proposed_level" text,
	"conditions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"draft" jsonb,
	"draft_sent_at" timestamp with time zone,
	"draft_score" numeric(12, 6),
	"draft_level" text,
	"draft_rank" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_council_members" (
	"cycle_id" text NOT NULL,
	"user_id" text NOT NULL,
	"present" boolean DEFAULT true NOT NULL,
	CONSTRAINT "agency_council_members_cycle_id_user_id_pk" PRIMARY KEY("cycle_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "agency_council_votes" (
	"cycle_id" text NOT NULL,
	"assessment_id" text NOT NULL,
	"user_id" text NOT NULL,
	"level" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_council_votes_assessment_id_user_id_pk" PRIMARY KEY("assessment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "agency_criteria" (
	"id" text PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"parent_id" text,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"guidance" text,
	"max" numeric(8, 2) NOT NULL,
	"kind" text DEFAULT 'scored' NOT NULL,
	"required_evidence" text,
	"appraiser_unit_id" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_criterion_files" (
	"assessment_id" text NOT NULL,
	"criterion_id" text NOT NULL,
	"stage" text NOT NULL,
	"file_id" text NOT NULL,
	CONSTRAINT "agency_criterion_files_assessment_id_criterion_id_stage_file_id_pk" PRIMARY KEY("assessment_id","criterion_id","stage","file_id")
);
--> statement-breakpoint
CREATE TABLE "agency_criterion_scores" (
	"assessment_id" text NOT NULL,
	"criterion_id" text NOT NULL,
	"self_score" numeric(8, 2),
	"not_applicable" boolean DEFAULT false NOT NULL,
	"na_explanation" text,
	"self_note" text,
	"self_by" text,
	"self_at" timestamp with time zone,
	"appraised_score" numeric(8, 2),
	"appraised_comment" text,
	"appraised_by" text,
	"appraised_at" timestamp with time zone,
	"final_score" numeric(8, 2),
	"final_note" text,
	"final_by" text,
	"final_at" timestamp with time zone,
	CONSTRAINT "agency_criterion_scores_assessment_id_criterion_id_pk" PRIMARY KEY("assessment_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "agency_cycles" (
	"id" text PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"step" text DEFAULT 'self_assessment' NOT NULL,
	"self_assessment_due" date NOT NULL,
	"appraisal_due" date NOT NULL,
	"explanation_due" date NOT NULL,
	"council_due" date NOT NULL,
	"quorum" integer,
	"rule_set_version" text NOT NULL,
	"owner_unit_id" text NOT NULL,
	"drafts_sent_at" timestamp with time zone,
	"council_closed_at" timestamp with time zone,
	"tie_break" jsonb,
	"quota_result" jsonb,
	"decision_number" text,
	"decision_date" date,
	"decision_signer" text,
	"decision_file_id" text,
	"published_at" timestamp with time zone,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_dossier_files" (
	"assessment_id" text NOT NULL,
	"file_id" text NOT NULL,
	"kind" text NOT NULL,
	"added_by" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_dossier_files_assessment_id_file_id_pk" PRIMARY KEY("assessment_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "agency_explanations" (
	"assessment_id" text NOT NULL,
	"criterion_id" text NOT NULL,
	"text" text NOT NULL,
	"by" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_explanations_assessment_id_criterion_id_pk" PRIMARY KEY("assessment_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "agency_framework_agencies" (
	"framework_id" text NOT NULL,
	"agency_id" text NOT NULL,
	CONSTRAINT "agency_framework_agencies_framework_id_agency_id_pk" PRIMARY KEY("framework_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "agency_frameworks" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"group_name" text NOT NULL,
	"description" text,
	"rules" text NOT NULL,
	"custom_rules" jsonb,
	"quota_rate" numeric(5, 4) DEFAULT '0.2' NOT NULL,
	"exception_rate" numeric(5, 4) DEFAULT '0.25' NOT NULL,
	"exception_granted" boolean DEFAULT false NOT NULL,
	"exception_reference" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"version_no" integer DEFAULT 1 NOT NULL,
	"previous_version_id" text,
	"is_template" boolean DEFAULT false NOT NULL,
	"owner_unit_id" text NOT NULL,
	"created_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_results" (
	"assessment_id" text PRIMARY KEY NOT NULL,
	"cycle_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"score" numeric(12, 6) NOT NULL,
	"computed_level" text,
	"voted_level" text,
	"quota_outcome" text,
	"level" text,
	"rank" integer NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"core_result" jsonb NOT NULL,
	"head_flagged" boolean DEFAULT false NOT NULL,
	"rule_set_version" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agency_assessments" ADD CONSTRAINT "agency_assessments_cycle_id_agency_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."agency_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_assessments" ADD CONSTRAINT "agency_assessments_agency_id_org_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_assessments" ADD CONSTRAINT "agency_assessments_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_council_members" ADD CONSTRAINT "agency_council_members_cycle_id_agency_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."agency_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_council_members" ADD CONSTRAINT "agency_council_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_council_votes" ADD CONSTRAINT "agency_council_votes_cycle_id_agency_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."agency_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_council_votes" ADD CONSTRAINT "agency_council_votes_assessment_id_agency_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."agency_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_council_votes" ADD CONSTRAINT "agency_council_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_criteria" ADD CONSTRAINT "agency_criteria_framework_id_agency_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."agency_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_criteria" ADD CONSTRAINT "agency_criteria_appraiser_unit_id_org_units_id_fk" FOREIGN KEY ("appraiser_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_criterion_files" ADD CONSTRAINT "agency_criterion_files_assessment_id_agency_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."agency_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_criterion_files" ADD CONSTRAINT "agency_criterion_files_criterion_id_agency_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."agency_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_criterion_files" ADD CONSTRAINT "agency_criterion_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_criterion_scores" ADD CONSTRAINT "agency_criterion_scores_assessment_id_agency_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."agency_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_criterion_scores" ADD CONSTRAINT "agency_criterion_scores_criterion_id_agency_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."agency_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_criterion_scores" ADD CONSTRAINT "agency_criterion_scores_self_by_users_id_fk" FOREIGN KEY ("self_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_criterion_scores" ADD CONSTRAINT "agency_criterion_scores_appraised_by_users_id_fk" FOREIGN KEY ("appraised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_criterion_scores" ADD CONSTRAINT "agency_criterion_scores_final_by_users_id_fk" FOREIGN KEY ("final_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_cycles" ADD CONSTRAINT "agency_cycles_framework_id_agency_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."agency_frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_cycles" ADD CONSTRAINT "agency_cycles_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_cycles" ADD CONSTRAINT "agency_cycles_decision_file_id_files_id_fk" FOREIGN KEY ("decision_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_cycles" ADD CONSTRAINT "agency_cycles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_dossier_files" ADD CONSTRAINT "agency_dossier_files_assessment_id_agency_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."agency_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_dossier_files" ADD CONSTRAINT "agency_dossier_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_dossier_files" ADD CONSTRAINT "agency_dossier_files_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_explanations" ADD CONSTRAINT "agency_explanations_assessment_id_agency_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."agency_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_explanations" ADD CONSTRAINT "agency_explanations_criterion_id_agency_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."agency_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_explanations" ADD CONSTRAINT "agency_explanations_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_framework_agencies" ADD CONSTRAINT "agency_framework_agencies_framework_id_agency_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."agency_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_framework_agencies" ADD CONSTRAINT "agency_framework_agencies_agency_id_org_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_frameworks" ADD CONSTRAINT "agency_frameworks_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_frameworks" ADD CONSTRAINT "agency_frameworks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_results" ADD CONSTRAINT "agency_results_assessment_id_agency_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."agency_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_results" ADD CONSTRAINT "agency_results_cycle_id_agency_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."agency_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_results" ADD CONSTRAINT "agency_results_agency_id_org_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agency_assessments_cycle_agency_uq" ON "agency_assessments" USING btree ("cycle_id","agency_id");--> statement-breakpoint
CREATE INDEX "agency_assessments_agency_idx" ON "agency_assessments" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "agency_council_votes_cycle_idx" ON "agency_council_votes" USING btree ("cycle_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_criteria_code_uq" ON "agency_criteria" USING btree ("framework_id","code");--> statement-breakpoint
CREATE INDEX "agency_criteria_parent_idx" ON "agency_criteria" USING btree ("framework_id","parent_id","sort_order");--> statement-breakpoint
CREATE INDEX "agency_criteria_appraiser_idx" ON "agency_criteria" USING btree ("appraiser_unit_id");--> statement-breakpoint
CREATE INDEX "agency_criterion_scores_criterion_idx" ON "agency_criterion_scores" USING btree ("criterion_id");--> statement-breakpoint
CREATE INDEX "agency_cycles_year_idx" ON "agency_cycles" USING btree ("year");--> statement-breakpoint
CREATE INDEX "agency_cycles_framework_idx" ON "agency_cycles" USING btree ("framework_id");--> statement-breakpoint
CREATE INDEX "agency_frameworks_year_idx" ON "agency_frameworks" USING btree ("year");--> statement-breakpoint
CREATE INDEX "agency_results_cycle_idx" ON "agency_results" USING btree ("cycle_id");