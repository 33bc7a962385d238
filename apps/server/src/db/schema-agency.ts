import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { timestamps } from "./columns.ts";
import { files, orgUnits, users } from "./schema.ts";

/**
 * The yearly agency evaluation (DESIGN §3 rules 13–16, §4; Decree 335 Art. 5–9; Quảng Nam QĐ
 * 2023). A framework is a versioned criteria tree for one group of agencies and one year; a cycle
 * runs it once; each agency has one assessment per cycle. Every score keeps who and when.
 */

/** Bộ tiêu chí đánh giá tổ chức. Locked (status in_use) once a cycle starts; changes make a new version. */
export const agencyFrameworks = pgTable(
  "agency_frameworks",
  {
    id: text("id").primaryKey(),
    year: integer("year").notNull(),
    name: text("name").notNull(),
    /** The group of agencies ranked together; the quota applies inside it (Art. 8.5). */
    groupName: text("group_name").notNull(),
    description: text("description"),
    /** nd335 | quangnam2023 | custom. */
    rules: text("rules").notNull(),
    /** For `custom`: the base rules and the numbers changed. */
    customRules: jsonb("custom_rules"),
    quotaRate: numeric("quota_rate", { precision: 5, scale: 4 }).notNull().default("0.2"),
    exceptionRate: numeric("exception_rate", { precision: 5, scale: 4 }).notNull().default("0.25"),
    exceptionGranted: boolean("exception_granted").notNull().default(false),
    exceptionReference: text("exception_reference"),
    /** draft | in_use. */
    status: text("status").notNull().default("draft"),
    versionNo: integer("version_no").notNull().default(1),
    previousVersionId: text("previous_version_id"),
    /** Shipped examples: copied, never run. */
    isTemplate: boolean("is_template").notNull().default(false),
    /** The unit whose hr manages the framework and its cycles (the province). */
    ownerUnitId: text("owner_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    createdBy: text("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("agency_frameworks_year_idx").on(t.year)],
);

/** Tiêu chí / tiêu chí thành phần. Parents' max equals the sum of their children's. */
export const agencyCriteria = pgTable(
  "agency_criteria",
  {
    id: text("id").primaryKey(),
    frameworkId: text("framework_id")
      .notNull()
      .references(() => agencyFrameworks.id, { onDelete: "cascade" }),
    parentId: text("parent_id"),
    code: text("code").notNull(),
    name: text("name").notNull(),
    guidance: text("guidance"),
    max: numeric("max", { precision: 8, scale: 2 }).notNull(),
    /** scored | bonus | penalty. */
    kind: text("kind").notNull().default("scored"),
    requiredEvidence: text("required_evidence"),
    /** Cơ quan thẩm định tiêu chí; null = Sở Nội vụ (the owner's hr) consolidates it. */
    appraiserUnitId: text("appraiser_unit_id").references(() => orgUnits.id),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [
    uniqueIndex("agency_criteria_code_uq").on(t.frameworkId, t.code),
    index("agency_criteria_parent_idx").on(t.frameworkId, t.parentId, t.sortOrder),
    index("agency_criteria_appraiser_idx").on(t.appraiserUnitId),
  ],
);

/** The agencies a framework ranks. */
export const agencyFrameworkAgencies = pgTable(
  "agency_framework_agencies",
  {
    frameworkId: text("framework_id")
      .notNull()
      .references(() => agencyFrameworks.id, { onDelete: "cascade" }),
    agencyId: text("agency_id")
      .notNull()
      .references(() => orgUnits.id),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.agencyId] })],
);

/** One run of a framework: steps with deadlines, the council, the decision and publication. */
export const agencyCycles = pgTable(
  "agency_cycles",
  {
    id: text("id").primaryKey(),
    frameworkId: text("framework_id")
      .notNull()
      .references(() => agencyFrameworks.id),
    year: integer("year").notNull(),
    name: text("name").notNull(),
    /** self_assessment | appraisal | explanation | council | decision | published. */
    step: text("step").notNull().default("self_assessment"),
    selfAssessmentDue: date("self_assessment_due").notNull(),
    appraisalDue: date("appraisal_due").notNull(),
    explanationDue: date("explanation_due").notNull(),
    councilDue: date("council_due").notNull(),
    /** Minimum members present; null = more than half of the members. */
    quorum: integer("quorum"),
    ruleSetVersion: text("rule_set_version").notNull(),
    ownerUnitId: text("owner_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    draftsSentAt: timestamp("drafts_sent_at", { withTimezone: true }),
    councilClosedAt: timestamp("council_closed_at", { withTimezone: true }),
    /** Agency ids tied at the quota cut, in the decided order. */
    tieBreak: jsonb("tie_break"),
    /** The core's quota explanation when the council closed. */
    quotaResult: jsonb("quota_result"),
    decisionNumber: text("decision_number"),
    decisionDate: date("decision_date"),
    decisionSigner: text("decision_signer"),
    decisionFileId: text("decision_file_id").references(() => files.id),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** [{ step, closedAt, closedBy }]: each step closed, by whom. */
    history: jsonb("history").notNull().default([]),
    createdBy: text("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("agency_cycles_year_idx").on(t.year), index("agency_cycles_framework_idx").on(t.frameworkId)],
);

/** Hồ sơ tự đánh giá, chấm điểm of one agency in one cycle, with the draft sent back to it. */
export const agencyAssessments = pgTable(
  "agency_assessments",
  {
    id: text("id").primaryKey(),
    cycleId: text("cycle_id")
      .notNull()
      .references(() => agencyCycles.id),
    agencyId: text("agency_id")
      .notNull()
      .references(() => orgUnits.id),
    /** draft | submitted. */
    status: text("status").notNull().default("draft"),
    proposedLevel: text("proposed_level"),
    /** Art. 8 / Quảng Nam Art. 5 facts: ratios, PAR rank, serious incident… */
    conditions: jsonb("conditions").notNull().default({}),
    submittedBy: text("submitted_by").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** Snapshot sent to the agency when appraisal closed (rows, totals, provisional level, rank). */
    draft: jsonb("draft"),
    draftSentAt: timestamp("draft_sent_at", { withTimezone: true }),
    draftScore: numeric("draft_score", { precision: 12, scale: 6 }),
    draftLevel: text("draft_level"),
    draftRank: integer("draft_rank"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("agency_assessments_cycle_agency_uq").on(t.cycleId, t.agencyId),
    index("agency_assessments_agency_idx").on(t.agencyId),
  ],
);

/** Thành phần hồ sơ: request letter, annual report, self-scoring report, evidence, explanation report. */
export const agencyDossierFiles = pgTable(
  "agency_dossier_files",
  {
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => agencyAssessments.id, { onDelete: "cascade" }),
    fileId: text("file_id")
      .notNull()
      .references(() => files.id),
    kind: text("kind").notNull(),
    addedBy: text("added_by").references(() => users.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.fileId] })],
);

/** One criterion of one assessment: self, appraised and final scores, each with who and when. */
export const agencyCriterionScores = pgTable(
  "agency_criterion_scores",
  {
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => agencyAssessments.id, { onDelete: "cascade" }),
    criterionId: text("criterion_id")
      .notNull()
      .references(() => agencyCriteria.id),
    selfScore: numeric("self_score", { precision: 8, scale: 2 }),
    notApplicable: boolean("not_applicable").notNull().default(false),
    naExplanation: text("na_explanation"),
    selfNote: text("self_note"),
    selfBy: text("self_by").references(() => users.id),
    selfAt: timestamp("self_at", { withTimezone: true }),
    appraisedScore: numeric("appraised_score", { precision: 8, scale: 2 }),
    appraisedComment: text("appraised_comment"),
    appraisedBy: text("appraised_by").references(() => users.id),
    appraisedAt: timestamp("appraised_at", { withTimezone: true }),
    /** Proposed by the secretariat (Tổ giúp việc); the council's figure is final (rule 16). */
    finalScore: numeric("final_score", { precision: 8, scale: 2 }),
    finalNote: text("final_note"),
    finalBy: text("final_by").references(() => users.id),
    finalAt: timestamp("final_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.criterionId] }),
    index("agency_criterion_scores_criterion_idx").on(t.criterionId),
  ],
);

/** Files on one criterion: evidence of the self-score (`self`) or of an explanation (`explanation`). */
export const agencyCriterionFiles = pgTable(
  "agency_criterion_files",
  {
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => agencyAssessments.id, { onDelete: "cascade" }),
    criterionId: text("criterion_id")
      .notNull()
      .references(() => agencyCriteria.id),
    stage: text("stage").notNull(),
    fileId: text("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.criterionId, t.stage, t.fileId] })],
);

/** Giải trình, bổ sung: an agency's answer to the draft on one criterion. */
export const agencyExplanations = pgTable(
  "agency_explanations",
  {
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => agencyAssessments.id, { onDelete: "cascade" }),
    criterionId: text("criterion_id")
      .notNull()
      .references(() => agencyCriteria.id),
    text: text("text").notNull(),
    by: text("by").references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.criterionId] })],
);

/** Thành viên Hội đồng thẩm định of a cycle, and whether present at the vote. */
export const agencyCouncilMembers = pgTable(
  "agency_council_members",
  {
    cycleId: text("cycle_id")
      .notNull()
      .references(() => agencyCycles.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    present: boolean("present").notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.userId] })],
);

/** Phiếu biểu quyết: one member's level for one agency; changeable until the council closes. */
export const agencyCouncilVotes = pgTable(
  "agency_council_votes",
  {
    cycleId: text("cycle_id")
      .notNull()
      .references(() => agencyCycles.id, { onDelete: "cascade" }),
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => agencyAssessments.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    level: text("level").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.userId] }), index("agency_council_votes_cycle_idx").on(t.cycleId)],
);

/** The result when the council closes: the score, the levels (computed, voted, after quota), rank, flags. */
export const agencyResults = pgTable(
  "agency_results",
  {
    assessmentId: text("assessment_id")
      .primaryKey()
      .references(() => agencyAssessments.id, { onDelete: "cascade" }),
    cycleId: text("cycle_id")
      .notNull()
      .references(() => agencyCycles.id),
    agencyId: text("agency_id")
      .notNull()
      .references(() => orgUnits.id),
    score: numeric("score", { precision: 12, scale: 6 }).notNull(),
    computedLevel: text("computed_level"),
    votedLevel: text("voted_level"),
    quotaOutcome: text("quota_outcome"),
    level: text("level"),
    rank: integer("rank").notNull(),
    flags: jsonb("flags").notNull().default([]),
    /** The core's `computeAgency` result (plain JSON) on the final column. */
    coreResult: jsonb("core_result").notNull(),
    headFlagged: boolean("head_flagged").notNull().default(false),
    ruleSetVersion: text("rule_set_version").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agency_results_cycle_idx").on(t.cycleId)],
);
