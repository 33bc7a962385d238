CREATE TABLE "classification_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"classification_id" text NOT NULL,
	"number" text NOT NULL,
	"date" date NOT NULL,
	"signer" text,
	"file_id" text,
	"replaces_id" text,
	"reason" text,
	"petition_id" text,
	"active" boolean DEFAULT true NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "classification_minutes" (
	"id" text PRIMARY KEY NOT NULL,
	"classification_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"meeting_date" date NOT NULL,
	"file_id" text NOT NULL,
	"note" text,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classification_people" (
	"classification_id" text NOT NULL,
	"person_id" text NOT NULL,
	"self_proposed_level" text,
	"self_report" text,
	"self_proposed_at" timestamp with time zone,
	"party_opinion" text,
	"party_opinion_date" date,
	"party_opinion_file_id" text,
	"party_opinion_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "classification_people_classification_id_person_id_pk" PRIMARY KEY("classification_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "classifications" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"rule_set_version" text NOT NULL,
	"quota_rate" numeric(6, 4) NOT NULL,
	"rate_granted_by" text,
	"rate_document_number" text,
	"rate_document_date" date,
	"rate_document_file_id" text,
	"agency_level" text,
	"agency_level_note" text,
	"proposal_note" text,
	"proposal_file_id" text,
	"proposed_by" text,
	"proposed_at" timestamp with time zone,
	"proposal_levels" jsonb,
	"opened_by" text,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_results" (
	"decision_id" text NOT NULL,
	"person_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"year" integer NOT NULL,
	"unit_id" text NOT NULL,
	"full_name" text NOT NULL,
	"unit_name" text NOT NULL,
	"title" text,
	"leader_role" text NOT NULL,
	"level" text NOT NULL,
	"average" numeric(12, 6),
	"average_exact" text,
	"months_counted" integer NOT NULL,
	"months" jsonb NOT NULL,
	"reasons" jsonb NOT NULL,
	"rule_set_version" text NOT NULL,
	CONSTRAINT "decision_results_decision_id_person_id_pk" PRIMARY KEY("decision_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "leave_months" (
	"person_id" text NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leave_months_person_id_year_month_pk" PRIMARY KEY("person_id","year","month")
);
--> statement-breakpoint
CREATE TABLE "national_exports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"year" integer NOT NULL,
	"month" integer,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"rows" integer NOT NULL,
	"sha256" text NOT NULL,
	"schema_version" text NOT NULL,
	"exported_by" text,
	"exported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_records" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"kind" text NOT NULL,
	"form" text,
	"public_duty" boolean DEFAULT true NOT NULL,
	"effective_on" date NOT NULL,
	"counts_in_year" integer NOT NULL,
	"counts_in_year_reason" text,
	"document_number" text NOT NULL,
	"document_date" date NOT NULL,
	"document_file_id" text,
	"issuer" text,
	"note" text,
	"created_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" text PRIMARY KEY NOT NULL,
	"classification_id" text NOT NULL,
	"person_id" text NOT NULL,
	"content" text NOT NULL,
	"file_id" text,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"outcome" text,
	"answer" text,
	"answer_file_id" text,
	"answered_on" date,
	"answered_by" text,
	"decision_id" text,
	"filed_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_holidays" (
	"date" date PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quota_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"name" text NOT NULL,
	"members" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_narratives" (
	"agency_id" text NOT NULL,
	"year" integer NOT NULL,
	"document_number" text,
	"recipient" text,
	"sections" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_narratives_agency_id_year_pk" PRIMARY KEY("agency_id","year")
);
--> statement-breakpoint
CREATE TABLE "tie_breaks" (
	"classification_id" text NOT NULL,
	"scope" text NOT NULL,
	"order" jsonb NOT NULL,
	"reason" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tie_breaks_classification_id_scope_pk" PRIMARY KEY("classification_id","scope")
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"from_agency_id" text NOT NULL,
	"from_unit_id" text NOT NULL,
	"to_agency_id" text NOT NULL,
	"to_unit_id" text NOT NULL,
	"effective_on" date NOT NULL,
	"document_number" text,
	"document_date" date,
	"document_file_id" text,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "classification_decisions" ADD CONSTRAINT "classification_decisions_classification_id_classifications_id_fk" FOREIGN KEY ("classification_id") REFERENCES "public"."classifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_decisions" ADD CONSTRAINT "classification_decisions_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_decisions" ADD CONSTRAINT "classification_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_minutes" ADD CONSTRAINT "classification_minutes_classification_id_classifications_id_fk" FOREIGN KEY ("classification_id") REFERENCES "public"."classifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_minutes" ADD CONSTRAINT "classification_minutes_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_minutes" ADD CONSTRAINT "classification_minutes_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_minutes" ADD CONSTRAINT "classification_minutes_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_people" ADD CONSTRAINT "classification_people_classification_id_classifications_id_fk" FOREIGN KEY ("classification_id") REFERENCES "public"."classifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_people" ADD CONSTRAINT "classification_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_people" ADD CONSTRAINT "classification_people_party_opinion_file_id_files_id_fk" FOREIGN KEY ("party_opinion_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_people" ADD CONSTRAINT "classification_people_party_opinion_by_users_id_fk" FOREIGN KEY ("party_opinion_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classifications" ADD CONSTRAINT "classifications_agency_id_org_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classifications" ADD CONSTRAINT "classifications_rate_document_file_id_files_id_fk" FOREIGN KEY ("rate_document_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classifications" ADD CONSTRAINT "classifications_proposal_file_id_files_id_fk" FOREIGN KEY ("proposal_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classifications" ADD CONSTRAINT "classifications_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classifications" ADD CONSTRAINT "classifications_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_results" ADD CONSTRAINT "decision_results_decision_id_classification_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."classification_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_results" ADD CONSTRAINT "decision_results_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_results" ADD CONSTRAINT "decision_results_agency_id_org_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_results" ADD CONSTRAINT "decision_results_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_months" ADD CONSTRAINT "leave_months_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_months" ADD CONSTRAINT "leave_months_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_exports" ADD CONSTRAINT "national_exports_agency_id_org_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_exports" ADD CONSTRAINT "national_exports_exported_by_users_id_fk" FOREIGN KEY ("exported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_records" ADD CONSTRAINT "person_records_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_records" ADD CONSTRAINT "person_records_agency_id_org_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_records" ADD CONSTRAINT "person_records_document_file_id_files_id_fk" FOREIGN KEY ("document_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_records" ADD CONSTRAINT "person_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_classification_id_classifications_id_fk" FOREIGN KEY ("classification_id") REFERENCES "public"."classifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_answer_file_id_files_id_fk" FOREIGN KEY ("answer_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_decision_id_classification_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."classification_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_holidays" ADD CONSTRAINT "public_holidays_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_groups" ADD CONSTRAINT "quota_groups_agency_id_org_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_narratives" ADD CONSTRAINT "report_narratives_agency_id_org_units_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tie_breaks" ADD CONSTRAINT "tie_breaks_classification_id_classifications_id_fk" FOREIGN KEY ("classification_id") REFERENCES "public"."classifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tie_breaks" ADD CONSTRAINT "tie_breaks_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_from_agency_id_org_units_id_fk" FOREIGN KEY ("from_agency_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_from_unit_id_org_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_to_agency_id_org_units_id_fk" FOREIGN KEY ("to_agency_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_to_unit_id_org_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_document_file_id_files_id_fk" FOREIGN KEY ("document_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "classification_decisions_idx" ON "classification_decisions" USING btree ("classification_id","active");--> statement-breakpoint
CREATE INDEX "classification_minutes_idx" ON "classification_minutes" USING btree ("classification_id");--> statement-breakpoint
CREATE UNIQUE INDEX "classifications_agency_year_uq" ON "classifications" USING btree ("agency_id","year");--> statement-breakpoint
CREATE INDEX "decision_results_agency_year_idx" ON "decision_results" USING btree ("agency_id","year");--> statement-breakpoint
CREATE INDEX "national_exports_agency_year_idx" ON "national_exports" USING btree ("agency_id","year");--> statement-breakpoint
CREATE INDEX "person_records_person_year_idx" ON "person_records" USING btree ("person_id","counts_in_year");--> statement-breakpoint
CREATE INDEX "person_records_agency_year_idx" ON "person_records" USING btree ("agency_id","counts_in_year");--> statement-breakpoint
CREATE INDEX "petitions_classification_idx" ON "petitions" USING btree ("classification_id","status");--> statement-breakpoint
CREATE INDEX "petitions_person_idx" ON "petitions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "public_holidays_year_idx" ON "public_holidays" USING btree ("year");--> statement-breakpoint
CREATE INDEX "quota_groups_agency_idx" ON "quota_groups" USING btree ("agency_id","sort_order");--> statement-breakpoint
CREATE INDEX "transfers_person_idx" ON "transfers" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "transfers_to_agency_idx" ON "transfers" USING btree ("to_agency_id");--> statement-breakpoint
CREATE INDEX "transfers_from_agency_idx" ON "transfers" USING btree ("from_agency_id");