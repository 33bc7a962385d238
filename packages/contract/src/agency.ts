import { agencyRuleNames, classifiedLevels, parRanks } from "@thuocdo/core";
import { z } from "zod";
import { idSchema, okSchema, optionalText, page, trimmed } from "./common.ts";
import { define, idParams } from "./endpoint.ts";
import { storedFileSchema } from "./files.ts";
import { limits } from "./limits.ts";

/**
 * The yearly evaluation of agencies (Decree 335 Art. 5–9; Quảng Nam QĐ 2023 Art. 4–10; DESIGN §3
 * rules 13–16, §4): criteria frameworks, the cycle (self-assessment with dossier → appraisal →
 * draft results and explanations → council vote → decision and publication), results, reports.
 * Dates travel as ISO `YYYY-MM-DD` (shown dd/mm/yyyy); scores as JSON numbers (computed exactly on
 * the server by packages/core and rounded only at the edge).
 */

const isoDate = z.iso.date();

export const agencyLimits = {
  /** Criterion points are stored with 2 decimals. */
  decimals: 2,
  pointsMax: 100,
  textMax: 4000,
  criteriaMax: 500,
} as const;

/** A number of points ≥ 0 with at most 2 decimals. */
export const criterionPointsSchema = z
  .number()
  .min(0)
  .max(agencyLimits.pointsMax)
  .refine((v) => Math.round(v * 100) / 100 === v, { message: "Điểm có tối đa 2 chữ số thập phân." });

/* ───────────── Frameworks ───────────── */

/** `custom`: one of the two rule families with some of its numbers changed (`customRules`). */
export const frameworkRuleChoices = [...agencyRuleNames, "custom"] as const;
export type FrameworkRuleChoice = (typeof frameworkRuleChoices)[number];

export const frameworkStatuses = ["draft", "in_use"] as const;
export type FrameworkStatus = (typeof frameworkStatuses)[number];

/** scored: part of the 100-point base; bonus/penalty: top-level points added or taken. */
export const criterionKinds = ["scored", "bonus", "penalty"] as const;
export type CriterionKind = (typeof criterionKinds)[number];

export const customRulesSchema = z.object({
  base: z.enum(agencyRuleNames),
  /** nd335: share of tasks exceeded for excellent (Art. 8.1.a: 0.3). */
  excellentExceededMin: z.number().min(0).max(1).optional(),
  /** nd335: share of tasks late allowed for completed (Art. 8.3: 0.2). */
  completedLateMax: z.number().min(0).max(1).optional(),
  /** nd335: share of tasks completed below which not completed (Art. 8.4.b: 0.7). */
  notCompletedBelow: z.number().min(0).max(1).optional(),
  /** quangnam2023: PAR rank excellent needs at least (Art. 5.1.a: tot). */
  excellentParRankMin: z.enum(parRanks).optional(),
  /** quangnam2023: levels a serious incident lowers by (Art. 5.2: 1). */
  seriousIncidentLowersBy: z.number().int().min(0).max(3).optional(),
});
export type CustomRules = z.infer<typeof customRulesSchema>;

export const frameworkCriterionSchema = z.object({
  id: idSchema,
  frameworkId: idSchema,
  parentId: idSchema.nullable(),
  code: z.string(),
  name: z.string(),
  guidance: z.string().nullable(),
  max: z.number(),
  kind: z.enum(criterionKinds),
  requiredEvidence: z.string().nullable(),
  appraiserUnitId: idSchema.nullable(),
  appraiserUnitName: z.string().nullable(),
  appraiserUnitCode: z.string().nullable(),
  /** Position among its siblings, from 0. */
  sortOrder: z.number().int(),
  /** 0 at the top level. */
  depth: z.number().int(),
  isLeaf: z.boolean(),
});
export type FrameworkCriterion = z.infer<typeof frameworkCriterionSchema>;

/**
 * Structural problems of a criteria tree. A framework with any cannot start a cycle; whole-tree
 * saves and imports refuse them.
 */
export const frameworkIssueCodes = [
  "children_max_mismatch",
  "base_total_not_100",
  "bonus_penalty_not_top_level",
  "bonus_penalty_with_children",
  "duplicate_code",
  "no_agencies",
  "no_criteria",
] as const;
export type FrameworkIssueCode = (typeof frameworkIssueCodes)[number];

export const frameworkIssueSchema = z.object({
  code: z.enum(frameworkIssueCodes),
  criterionId: idSchema.nullable(),
  /** Numbers behind the issue: `{ max, childrenSum }`, `{ total, expected }`, `{ code }`. */
  details: z.record(z.string(), z.union([z.number(), z.string()])),
});
export type FrameworkIssue = z.infer<typeof frameworkIssueSchema>;

export const frameworkAgencySchema = z.object({
  id: idSchema,
  code: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
});

export const frameworkSummarySchema = z.object({
  id: idSchema,
  year: z.number().int(),
  name: z.string(),
  /** The group of agencies ranked together (quota applies per group). */
  groupName: z.string(),
  rules: z.enum(frameworkRuleChoices),
  status: z.enum(frameworkStatuses),
  versionNo: z.number().int(),
  previousVersionId: idSchema.nullable(),
  /** Shipped examples to copy and adapt; never used by a cycle directly. */
  isTemplate: z.boolean(),
  ownerUnitId: idSchema,
  ownerUnitName: z.string(),
  agencyCount: z.number().int(),
  criterionCount: z.number().int(),
  cycleCount: z.number().int(),
  issueCount: z.number().int(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type FrameworkSummary = z.infer<typeof frameworkSummarySchema>;

export const frameworkSchema = frameworkSummarySchema.extend({
  description: z.string().nullable(),
  customRules: customRulesSchema.nullable(),
  /** Rate of the excellent quota (Art. 8.5: 0.2). */
  quotaRate: z.number(),
  /** Rate when the competent level grants the exception (0.25). */
  exceptionRate: z.number(),
  exceptionGranted: z.boolean(),
  /** The decision granting the exception. */
  exceptionReference: z.string().nullable(),
  /** The rule-set version results will record (the year's, with custom numbers tagged). */
  ruleSetVersion: z.string(),
  agencies: z.array(frameworkAgencySchema),
  /** Flat, in tree pre-order (parents before children, siblings by sortOrder). */
  criteria: z.array(frameworkCriterionSchema),
  totals: z.object({ base: z.number(), bonusMax: z.number(), penaltyMax: z.number() }),
  issues: z.array(frameworkIssueSchema),
  /** True once a cycle uses it: changes need a new version. */
  locked: z.boolean(),
});
export type Framework = z.infer<typeof frameworkSchema>;

export const frameworksQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(frameworkStatuses).optional(),
  /** "true" | "false". */
  template: z.enum(["true", "false"]).optional(),
  q: z.string().trim().max(limits.nameMax).optional(),
  sort: z.enum(["year", "name", "groupName", "updatedAt"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

const frameworkSettingsFields = {
  name: trimmed(limits.nameMax),
  groupName: trimmed(limits.nameMax),
  description: optionalText(agencyLimits.textMax),
  rules: z.enum(frameworkRuleChoices),
  customRules: customRulesSchema.nullish(),
  quotaRate: z.number().min(0).max(1),
  exceptionRate: z.number().min(0).max(1),
  exceptionGranted: z.boolean(),
  exceptionReference: optionalText(limits.nameMax),
};

export const createFrameworkBody = z.object({
  year: z.number().int().min(2000).max(2100),
  ...frameworkSettingsFields,
  quotaRate: frameworkSettingsFields.quotaRate.default(0.2),
  exceptionRate: frameworkSettingsFields.exceptionRate.default(0.25),
  exceptionGranted: z.boolean().default(false),
  /** Copy the criteria (and agencies) of this framework, e.g. a template. */
  copyFromId: idSchema.nullish(),
  /** The unit whose hr manages it; default the caller's widest hr unit. */
  ownerUnitId: idSchema.nullish(),
});

export const updateFrameworkBody = z.object({
  version: z.number().int(),
  ...z.object(frameworkSettingsFields).partial().shape,
  year: z.number().int().min(2000).max(2100).optional(),
});

export const setFrameworkAgenciesBody = z.object({
  version: z.number().int(),
  agencyIds: z.array(idSchema).max(2000),
});

const criterionFields = {
  code: trimmed(limits.codeMax),
  name: trimmed(agencyLimits.textMax),
  guidance: optionalText(agencyLimits.textMax),
  max: criterionPointsSchema,
  kind: z.enum(criterionKinds).default("scored"),
  requiredEvidence: optionalText(agencyLimits.textMax),
  appraiserUnitId: idSchema.nullish(),
};

export const createCriterionBody = z.object({
  ...criterionFields,
  parentId: idSchema.nullish(),
  /** Position among the siblings; default last. */
  position: z.number().int().min(0).optional(),
});

export const updateCriterionBody = z.object(criterionFields).partial();

export const moveCriterionBody = z.object({
  parentId: idSchema.nullable(),
  position: z.number().int().min(0),
});

/** One node of a whole tree sent at once (editor save, import). */
export interface CriterionTreeNode {
  code: string;
  name: string;
  guidance?: string | null | undefined;
  max: number;
  kind: CriterionKind;
  requiredEvidence?: string | null | undefined;
  appraiserUnitId?: string | null | undefined;
  children: CriterionTreeNode[];
}

export const criterionTreeNodeSchema: z.ZodType<CriterionTreeNode, unknown> = z.object({
  ...criterionFields,
  get children() {
    return z.array(criterionTreeNodeSchema).default([]);
  },
});

/** Replaces the whole tree; refused (VALIDATION_FAILED with `details.issues`) when it has issues. */
export const replaceCriteriaBody = z.object({
  version: z.number().int(),
  criteria: z.array(criterionTreeNodeSchema).max(agencyLimits.criteriaMax),
});

/* ───────────── Cycles ───────────── */

/**
 * The steps of DESIGN §4, in order. Drafts go to the agencies when `appraisal` closes; the
 * council's results are computed when `council` closes; publication follows the decision.
 */
export const cycleSteps = ["self_assessment", "appraisal", "explanation", "council", "decision", "published"] as const;
export type CycleStep = (typeof cycleSteps)[number];

export const cycleDeadlinesSchema = z.object({
  /** Default 30/11. */
  selfAssessment: isoDate,
  /** Default 05/12. */
  appraisal: isoDate,
  /** Default 10/12. */
  explanation: isoDate,
  /** Default 15/12. */
  council: isoDate,
});
export type CycleDeadlines = z.infer<typeof cycleDeadlinesSchema>;

export const councilMemberSchema = z.object({
  userId: idSchema,
  displayName: z.string(),
  present: z.boolean(),
});

export const cycleDecisionSchema = z.object({
  number: z.string(),
  date: isoDate,
  signer: z.string().nullable(),
  file: storedFileSchema.nullable(),
});

export const cycleStepEventSchema = z.object({
  step: z.enum(cycleSteps),
  closedAt: z.string(),
  closedByName: z.string().nullable(),
});

export const cycleSummarySchema = z.object({
  id: idSchema,
  frameworkId: idSchema,
  frameworkName: z.string(),
  groupName: z.string(),
  year: z.number().int(),
  name: z.string(),
  step: z.enum(cycleSteps),
  deadlines: cycleDeadlinesSchema,
  /** Deadline of the current step; null once past the council. */
  currentDeadline: isoDate.nullable(),
  agencyCount: z.number().int(),
  submittedCount: z.number().int(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type CycleSummary = z.infer<typeof cycleSummarySchema>;

export const cycleSchema = cycleSummarySchema.extend({
  ownerUnitId: idSchema,
  ruleSetVersion: z.string(),
  /** Minimum members present for the vote; null = more than half of the members. */
  quorum: z.number().int().nullable(),
  members: z.array(councilMemberSchema),
  decision: cycleDecisionSchema.nullable(),
  draftsSentAt: z.string().nullable(),
  councilClosedAt: z.string().nullable(),
  /** Agencies tied at the quota cut, best first, as decided (Art. 8.5). */
  tieBreak: z.array(idSchema).nullable(),
  history: z.array(cycleStepEventSchema),
  /** What the caller may do here. */
  can: z.object({
    manage: z.boolean(),
    appraise: z.boolean(),
    vote: z.boolean(),
  }),
});
export type Cycle = z.infer<typeof cycleSchema>;

export const cyclesQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  frameworkId: idSchema.optional(),
  step: z.enum(cycleSteps).optional(),
  q: z.string().trim().max(limits.nameMax).optional(),
  sort: z.enum(["year", "name", "step"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

export const createCycleBody = z.object({
  frameworkId: idSchema,
  name: optionalText(limits.nameMax),
  /** Missing dates take the regulation's defaults in the framework's year. */
  deadlines: cycleDeadlinesSchema.partial().optional(),
  quorum: z.number().int().min(1).nullish(),
});

export const updateCycleBody = z.object({
  version: z.number().int(),
  name: trimmed(limits.nameMax).optional(),
  deadlines: cycleDeadlinesSchema.partial().optional(),
  quorum: z.number().int().min(1).nullable().optional(),
});

/** Closes the current step and opens the next; `step` must name the current one (guards double clicks). */
export const advanceCycleBody = z.object({
  version: z.number().int(),
  step: z.enum(cycleSteps),
});

export const setCouncilBody = z.object({
  version: z.number().int(),
  members: z.array(z.object({ userId: idSchema, present: z.boolean().default(true) })).max(200),
});

export const councilCandidateSchema = z.object({ userId: idSchema, displayName: z.string(), unitName: z.string() });

export const cycleTieBreakBody = z.object({ version: z.number().int(), order: z.array(idSchema).max(2000) });

export const decisionBody = z.object({
  version: z.number().int(),
  number: trimmed(limits.codeMax),
  date: isoDate,
  signer: optionalText(limits.nameMax),
  fileId: idSchema.nullish(),
});

/* ───────────── Assessments ───────────── */

export const assessmentStatuses = ["draft", "submitted"] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

export const dossierKinds = [
  "request_letter",
  "annual_report",
  "self_scoring_report",
  "evidence",
  "explanation_report",
] as const;
export type DossierKind = (typeof dossierKinds)[number];

/** What the completeness check may find missing before submission (Quảng Nam Art. 6.2). */
export const dossierGapCodes = [
  "request_letter",
  "annual_report",
  "self_scoring_report",
  "evidence",
  /** Needed when a criterion is declared not applicable. */
  "explanation_report",
  "score_missing",
  "criterion_evidence_missing",
  "na_explanation_missing",
  "na_evidence_missing",
  "condition_missing",
  "proposed_level_missing",
] as const;
export type DossierGapCode = (typeof dossierGapCodes)[number];

export const dossierGapSchema = z.object({
  code: z.enum(dossierGapCodes),
  criterionId: idSchema.nullable(),
  /** Condition name for `condition_missing`. */
  name: z.string().nullable(),
});

/**
 * The facts the level rules read (Decree 335 Art. 8; Quảng Nam Art. 5). Ratios are shares of the
 * planned tasks (1 = 100%). Which are required depends on the framework's rules.
 */
export const agencyConditionsSchema = z.object({
  tasksCompletedRatio: z.number().min(0).max(1).nullish(),
  tasksOnTimeRatio: z.number().min(0).max(1).nullish(),
  tasksExceededRatio: z.number().min(0).max(1).nullish(),
  subordinateNotCompleted: z.boolean().nullish(),
  shortcomingsFixed: z.boolean().nullish(),
  violations: z.boolean().nullish(),
  forceMajeure: z.boolean().nullish(),
  parRank: z.enum(parRanks).nullish(),
  seriousIncident: z.boolean().nullish(),
});
export type AgencyConditions = z.infer<typeof agencyConditionsSchema>;

const scoreStamp = { byName: z.string().nullable(), at: z.string().nullable() };

export const criterionScoreSchema = z.object({
  criterionId: idSchema,
  parentId: idSchema.nullable(),
  code: z.string(),
  name: z.string(),
  guidance: z.string().nullable(),
  max: z.number(),
  kind: z.enum(criterionKinds),
  requiredEvidence: z.string().nullable(),
  appraiserUnitId: idSchema.nullable(),
  appraiserUnitName: z.string().nullable(),
  depth: z.number().int(),
  isLeaf: z.boolean(),
  self: z
    .object({
      score: z.number().nullable(),
      notApplicable: z.boolean(),
      naExplanation: z.string().nullable(),
      note: z.string().nullable(),
      files: z.array(storedFileSchema),
      ...scoreStamp,
    })
    .nullable(),
  appraised: z.object({ score: z.number().nullable(), comment: z.string().nullable(), ...scoreStamp }).nullable(),
  final: z.object({ score: z.number().nullable(), note: z.string().nullable(), ...scoreStamp }).nullable(),
  explanation: z.object({ text: z.string(), files: z.array(storedFileSchema), ...scoreStamp }).nullable(),
});
export type CriterionScore = z.infer<typeof criterionScoreSchema>;

/** Which score column a total reads. appraised = appraised ?? self; final = final ?? appraised ?? self. */
export const scoreColumns = ["self", "appraised", "final"] as const;
export type ScoreColumn = (typeof scoreColumns)[number];

/** A total computed by packages/core `computeAgency` over one score column. */
export const agencyTotalSchema = z.object({
  column: z.enum(scoreColumns),
  score: z.number(),
  achieved: z.number(),
  bonus: z.number(),
  penalty: z.number(),
  notApplicableMax: z.number(),
  maxApplicable: z.number(),
  /** Null when the rules do not cover the case or conditions are missing: the council decides. */
  level: z.enum(classifiedLevels).nullable(),
  /** Core flags plus `conditions_missing`. */
  flags: z.array(z.string()),
  /** Leaves still without a score in this column (counted as 0). */
  missingScores: z.number().int(),
  missingConditions: z.array(z.string()),
  ruleSetVersion: z.string(),
  /** The core's explanation ("why is this the score?"), plain JSON. */
  explanation: z.unknown(),
});
export type AgencyTotal = z.infer<typeof agencyTotalSchema>;

export const assessmentSummarySchema = z.object({
  id: idSchema,
  cycleId: idSchema,
  cycleName: z.string(),
  year: z.number().int(),
  step: z.enum(cycleSteps),
  agencyId: idSchema,
  agencyName: z.string(),
  agencyCode: z.string().nullable(),
  status: z.enum(assessmentStatuses),
  proposedLevel: z.enum(classifiedLevels).nullable(),
  submittedAt: z.string().nullable(),
  selfScore: z.number().nullable(),
  appraisedScore: z.number().nullable(),
  finalScore: z.number().nullable(),
  /** Provisional level and rank sent with the draft; null before. */
  draftLevel: z.enum(classifiedLevels).nullable(),
  draftRank: z.number().int().nullable(),
  level: z.enum(classifiedLevels).nullable(),
  version: z.number().int(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;

export const assessmentsQuery = z.object({
  cycleId: idSchema.optional(),
  agencyId: idSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(assessmentStatuses).optional(),
  q: z.string().trim().max(limits.nameMax).optional(),
  sort: z.enum(["agencyName", "selfScore", "appraisedScore", "finalScore", "submittedAt"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

export const dossierFileSchema = z.object({ kind: z.enum(dossierKinds), file: storedFileSchema });

export const assessmentSchema = assessmentSummarySchema.extend({
  frameworkId: idSchema,
  rules: z.enum(frameworkRuleChoices),
  deadlines: cycleDeadlinesSchema,
  conditions: agencyConditionsSchema,
  /** Condition names the framework's rules read. */
  requiredConditions: z.array(z.string()),
  submittedByName: z.string().nullable(),
  dossier: z.array(dossierFileSchema),
  gaps: z.array(dossierGapSchema),
  /** Criteria the caller may see (an appraiser sees only its agency's), tree pre-order. */
  criteria: z.array(criterionScoreSchema),
  /** Null for a caller who sees only part of the criteria (an appraiser). */
  totals: z.object({ self: agencyTotalSchema, appraised: agencyTotalSchema, final: agencyTotalSchema }).nullable(),
  can: z.object({
    selfAssess: z.boolean(),
    /** Criterion ids the caller may appraise now. */
    appraise: z.array(idSchema),
    explain: z.boolean(),
    setFinal: z.boolean(),
    vote: z.boolean(),
  }),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const updateAssessmentBody = z.object({
  version: z.number().int(),
  conditions: agencyConditionsSchema.optional(),
  proposedLevel: z.enum(classifiedLevels).nullable().optional(),
});

export const selfScoreInput = z.object({
  criterionId: idSchema,
  score: criterionPointsSchema.nullable(),
  notApplicable: z.boolean().default(false),
  /** Required (with an evidence file) when not applicable. */
  naExplanation: optionalText(agencyLimits.textMax),
  note: optionalText(agencyLimits.textMax),
  fileIds: z.array(idSchema).max(50).default([]),
});

export const saveSelfScoresBody = z.object({ scores: z.array(selfScoreInput).min(1).max(agencyLimits.criteriaMax) });

export const appraisalInput = z.object({
  criterionId: idSchema,
  score: criterionPointsSchema.nullable(),
  comment: optionalText(agencyLimits.textMax),
});

export const saveAppraisalBody = z.object({ scores: z.array(appraisalInput).min(1).max(agencyLimits.criteriaMax) });

export const finalInput = z.object({
  criterionId: idSchema,
  score: criterionPointsSchema.nullable(),
  note: optionalText(agencyLimits.textMax),
});

export const saveFinalScoresBody = z.object({ scores: z.array(finalInput).min(1).max(agencyLimits.criteriaMax) });

export const addDossierFileBody = z.object({ kind: z.enum(dossierKinds), fileId: idSchema });

export const assessmentFileParams = z.object({ id: idSchema, fileId: idSchema });
export const assessmentCriterionParams = z.object({ id: idSchema, criterionId: idSchema });

export const agencyExplanationBody = z.object({
  text: trimmed(agencyLimits.textMax),
  fileIds: z.array(idSchema).max(50).default([]),
});

export const councilVoteBody = z.object({ level: z.enum(classifiedLevels) });

/* ───────────── Appraisal ───────────── */

export const appraisalQuery = z.object({
  agencyId: idSchema.optional(),
  appraiserUnitId: idSchema.optional(),
  /** pending: not yet appraised; done: appraised. */
  state: z.enum(["pending", "done"]).optional(),
  q: z.string().trim().max(limits.nameMax).optional(),
  sort: z.enum(["agencyName", "code"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(100),
});

export const appraisalRowSchema = z.object({
  assessmentId: idSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  criterion: criterionScoreSchema,
});
export type AppraisalRow = z.infer<typeof appraisalRowSchema>;

export const appraisalProgressSchema = z.object({
  appraiserUnitId: idSchema.nullable(),
  /** Null: criteria without a designated appraiser (Sở Nội vụ consolidates them). */
  appraiserUnitName: z.string().nullable(),
  criteria: z.number().int(),
  expected: z.number().int(),
  done: z.number().int(),
});

/* ───────────── Draft, council, results ───────────── */

export const agencyDraftRowSchema = z.object({
  criterionId: idSchema,
  parentId: idSchema.nullable(),
  code: z.string(),
  name: z.string(),
  max: z.number(),
  kind: z.enum(criterionKinds),
  depth: z.number().int(),
  isLeaf: z.boolean(),
  notApplicable: z.boolean(),
  self: z.number().nullable(),
  appraised: z.number().nullable(),
  comment: z.string().nullable(),
});

/** What an agency receives when appraisal closes: self vs appraised, total, provisional level and rank. */
export const agencyDraftSchema = z.object({
  assessmentId: idSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  sentAt: z.string(),
  explanationDue: isoDate,
  rows: z.array(agencyDraftRowSchema),
  selfScore: z.number(),
  score: z.number(),
  level: z.enum(classifiedLevels).nullable(),
  flags: z.array(z.string()),
  /** Competition rank by score within the group (1 = best). */
  rank: z.number().int(),
  groupSize: z.number().int(),
});
export type AgencyDraft = z.infer<typeof agencyDraftSchema>;

export const councilTallySchema = z.object({
  excellent: z.number().int(),
  good: z.number().int(),
  completed: z.number().int(),
  not_completed: z.number().int(),
});

export const councilBallotSchema = z.object({
  userId: idSchema,
  displayName: z.string(),
  level: z.enum(classifiedLevels),
  at: z.string(),
});

export const councilRowSchema = z.object({
  assessmentId: idSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  selfScore: z.number(),
  appraisedScore: z.number(),
  finalScore: z.number(),
  /** Level the rules give on the final score (null = not covered: council decides). */
  computedLevel: z.enum(classifiedLevels).nullable(),
  proposedLevel: z.enum(classifiedLevels).nullable(),
  flags: z.array(z.string()),
  hasExplanations: z.boolean(),
  tally: councilTallySchema,
  ballots: z.array(councilBallotSchema),
  myVote: z.enum(classifiedLevels).nullable(),
  /** The level more than half of the members present voted for; null otherwise. */
  majorityLevel: z.enum(classifiedLevels).nullable(),
});

export const councilBoardSchema = z.object({
  cycleId: idSchema,
  step: z.enum(cycleSteps),
  members: z.array(councilMemberSchema),
  quorum: z.number().int(),
  presentCount: z.number().int(),
  quorumMet: z.boolean(),
  rows: z.array(councilRowSchema),
});
export type CouncilBoard = z.infer<typeof councilBoardSchema>;

export const agencyQuotaOutcomes = ["kept", "kept_by_decision", "cut", "cut_by_decision", "tie_pending"] as const;

export const agencyResultSchema = z.object({
  assessmentId: idSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  agencyCode: z.string().nullable(),
  score: z.number(),
  computedLevel: z.enum(classifiedLevels).nullable(),
  votedLevel: z.enum(classifiedLevels).nullable(),
  quotaOutcome: z.enum(agencyQuotaOutcomes).nullable(),
  /** After the vote and the quota; null while a tie at the cut awaits the decision. */
  level: z.enum(classifiedLevels).nullable(),
  rank: z.number().int(),
  flags: z.array(z.string()),
  /** Art. 9.2 of the regulation: the head's responsibility is to be considered. */
  headFlagged: z.boolean(),
  headName: z.string().nullable(),
});
export type AgencyResultRow = z.infer<typeof agencyResultSchema>;

export const cycleResultsSchema = z.object({
  cycleId: idSchema,
  groupName: z.string(),
  step: z.enum(cycleSteps),
  /** Core `applyQuota` explanation (plain JSON). */
  quota: z.unknown(),
  results: z.array(agencyResultSchema),
});

export const publicResultsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(limits.nameMax).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

export const publicAgencyResultSchema = z.object({
  cycleId: idSchema,
  year: z.number().int(),
  cycleName: z.string(),
  groupName: z.string(),
  decisionNumber: z.string().nullable(),
  decisionDate: isoDate.nullable(),
  publishedAt: z.string(),
  agencyName: z.string(),
  score: z.number(),
  level: z.enum(classifiedLevels).nullable(),
  rank: z.number().int(),
});

export const agencyEvaluationDashboardQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  cycleId: idSchema.optional(),
});

export const agencyEvaluationDashboardSchema = z.object({
  year: z.number().int(),
  agencies: z.array(
    z.object({
      cycleId: idSchema,
      groupName: z.string(),
      agencyId: idSchema,
      agencyName: z.string(),
      selfScore: z.number(),
      appraisedScore: z.number(),
      finalScore: z.number(),
      level: z.enum(classifiedLevels).nullable(),
    }),
  ),
  /** Criteria by points lost across agencies, most first. */
  criteria: z.array(
    z.object({
      cycleId: idSchema,
      criterionId: idSchema,
      code: z.string(),
      name: z.string(),
      max: z.number(),
      applicable: z.number().int(),
      averageScore: z.number(),
      pointsLost: z.number(),
      /** pointsLost ÷ (max × applicable). */
      lossRate: z.number(),
    }),
  ),
  levels: councilTallySchema,
});
export type AgencyEvaluationDashboard = z.infer<typeof agencyEvaluationDashboardSchema>;

export const agencyReportFormatQuery = z.object({ format: z.enum(["xlsx", "docx", "pdf"]).default("docx") });

/* ───────────── Notices ───────────── */

/** Titles of the in-app notices the cycle sends (server side; the web shows them as they are). */
export const agencyNoticeTexts = {
  reminder_self_assessment: "Nhắc hạn: hồ sơ tự đánh giá {cycle} cần gửi trước ngày {due}.",
  reminder_appraisal: "Nhắc hạn: còn {count} tiêu chí cần thẩm định trong {cycle}, hạn ngày {due}.",
  reminder_explanation: "Nhắc hạn: giải trình, bổ sung dự thảo kết quả {cycle} trước ngày {due}.",
  reminder_council: "Nhắc hạn: Hội đồng thẩm định biểu quyết {cycle} trước ngày {due}.",
  draft_sent: "Đã có dự thảo kết quả chấm điểm {cycle} của {agency}; giải trình, bổ sung trước ngày {due}.",
  results_published: "Đã công bố kết quả xếp loại {cycle}: {agency} đạt mức {level}.",
  head_flagged: "{agency} xếp loại không hoàn thành nhiệm vụ: xem xét trách nhiệm người đứng đầu (Điều 9).",
} as const;
export type AgencyNoticeKey = keyof typeof agencyNoticeTexts;

export function agencyNoticeText(key: AgencyNoticeKey, params: Record<string, string | number> = {}): string {
  return agencyNoticeTexts[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ""));
}

/** Vietnamese names of the levels, for notices and official outputs. */
export const agencyLevelNames = {
  excellent: "Hoàn thành xuất sắc nhiệm vụ",
  good: "Hoàn thành tốt nhiệm vụ",
  completed: "Hoàn thành nhiệm vụ",
  not_completed: "Không hoàn thành nhiệm vụ",
} as const;

/* ───────────── Endpoints ───────────── */

const cycleParams = idParams;

export const agencyEndpoints = define({
  listFrameworks: {
    method: "GET",
    path: "/api/v1/agency/frameworks",
    query: frameworksQuery,
    response: page(frameworkSummarySchema),
    summary: "Bộ tiêu chí đánh giá cơ quan",
  },
  getFramework: {
    method: "GET",
    path: "/api/v1/agency/frameworks/:id",
    params: idParams,
    response: frameworkSchema,
    summary: "Một bộ tiêu chí (cây tiêu chí, quy tắc xếp loại)",
  },
  createFramework: {
    method: "POST",
    path: "/api/v1/agency/frameworks",
    body: createFrameworkBody,
    response: frameworkSchema,
    summary: "Tạo bộ tiêu chí (có thể sao chép từ mẫu)",
  },
  updateFramework: {
    method: "PATCH",
    path: "/api/v1/agency/frameworks/:id",
    params: idParams,
    body: updateFrameworkBody,
    response: frameworkSchema,
    summary: "Sửa thông tin, quy tắc xếp loại, tỷ lệ của bộ tiêu chí",
  },
  deleteFramework: {
    method: "DELETE",
    path: "/api/v1/agency/frameworks/:id",
    params: idParams,
    response: okSchema,
    summary: "Xóa bộ tiêu chí chưa sử dụng",
  },
  newFrameworkVersion: {
    method: "POST",
    path: "/api/v1/agency/frameworks/:id/versions",
    params: idParams,
    response: frameworkSchema,
    summary: "Tạo phiên bản mới của bộ tiêu chí đang sử dụng",
  },
  setFrameworkAgencies: {
    method: "PUT",
    path: "/api/v1/agency/frameworks/:id/agencies",
    params: idParams,
    body: setFrameworkAgenciesBody,
    response: frameworkSchema,
    summary: "Các cơ quan được đánh giá theo bộ tiêu chí",
  },
  replaceCriteria: {
    method: "PUT",
    path: "/api/v1/agency/frameworks/:id/criteria",
    params: idParams,
    body: replaceCriteriaBody,
    response: frameworkSchema,
    summary: "Lưu toàn bộ cây tiêu chí",
  },
  createCriterion: {
    method: "POST",
    path: "/api/v1/agency/frameworks/:id/criteria",
    params: idParams,
    body: createCriterionBody,
    response: frameworkSchema,
    summary: "Thêm tiêu chí",
  },
  updateCriterion: {
    method: "PATCH",
    path: "/api/v1/agency/criteria/:id",
    params: idParams,
    body: updateCriterionBody,
    response: frameworkSchema,
    summary: "Sửa tiêu chí",
  },
  deleteCriterion: {
    method: "DELETE",
    path: "/api/v1/agency/criteria/:id",
    params: idParams,
    response: frameworkSchema,
    summary: "Xóa tiêu chí (cùng các tiêu chí con)",
  },
  moveCriterion: {
    method: "POST",
    path: "/api/v1/agency/criteria/:id/move",
    params: idParams,
    body: moveCriterionBody,
    response: frameworkSchema,
    summary: "Chuyển tiêu chí sang vị trí hoặc tiêu chí cha khác",
  },
  exportFramework: {
    method: "GET",
    path: "/api/v1/agency/frameworks/:id/export",
    params: idParams,
    response: z.unknown(),
    raw: "download",
    summary: "Xuất cây tiêu chí (XLSX)",
  },
  importFramework: {
    method: "POST",
    path: "/api/v1/agency/frameworks/:id/import",
    params: idParams,
    response: frameworkSchema,
    raw: "upload",
    summary: "Nhập cây tiêu chí từ tệp XLSX (thay toàn bộ)",
  },

  listCycles: {
    method: "GET",
    path: "/api/v1/agency/cycles",
    query: cyclesQuery,
    response: page(cycleSummarySchema),
    summary: "Các đợt đánh giá, xếp loại cơ quan",
  },
  getCycle: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id",
    params: cycleParams,
    response: cycleSchema,
    summary: "Một đợt đánh giá cơ quan",
  },
  createCycle: {
    method: "POST",
    path: "/api/v1/agency/cycles",
    body: createCycleBody,
    response: cycleSchema,
    summary: "Mở đợt đánh giá (khóa bộ tiêu chí)",
  },
  updateCycle: {
    method: "PATCH",
    path: "/api/v1/agency/cycles/:id",
    params: cycleParams,
    body: updateCycleBody,
    response: cycleSchema,
    summary: "Sửa tên, thời hạn, số thành viên tối thiểu",
  },
  advanceCycle: {
    method: "POST",
    path: "/api/v1/agency/cycles/:id/advance",
    params: cycleParams,
    body: advanceCycleBody,
    response: cycleSchema,
    summary: "Kết thúc bước hiện tại và chuyển bước tiếp theo",
  },
  councilCandidates: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id/council/candidates",
    params: cycleParams,
    response: z.array(councilCandidateSchema),
    summary: "Người có vai trò Hội đồng thẩm định",
  },
  setCouncil: {
    method: "PUT",
    path: "/api/v1/agency/cycles/:id/council",
    params: cycleParams,
    body: setCouncilBody,
    response: cycleSchema,
    summary: "Thành viên Hội đồng và điểm danh",
  },
  councilBoard: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id/council",
    params: cycleParams,
    response: councilBoardSchema,
    summary: "Bảng xem xét, biểu quyết của Hội đồng",
  },
  setTieBreak: {
    method: "PUT",
    path: "/api/v1/agency/cycles/:id/tie-break",
    params: cycleParams,
    body: cycleTieBreakBody,
    response: cycleSchema,
    summary: "Thứ tự quyết định khi bằng điểm tại ngưỡng tỷ lệ",
  },
  recordDecision: {
    method: "PUT",
    path: "/api/v1/agency/cycles/:id/decision",
    params: cycleParams,
    body: decisionBody,
    response: cycleSchema,
    summary: "Quyết định công nhận kết quả của UBND tỉnh",
  },
  cycleResults: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id/results",
    params: cycleParams,
    response: cycleResultsSchema,
    summary: "Kết quả xếp loại của đợt",
  },
  appraisalRows: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id/appraisal",
    params: cycleParams,
    query: appraisalQuery,
    response: page(appraisalRowSchema),
    summary: "Tiêu chí cần thẩm định (chỉ tiêu chí được giao cho cơ quan mình)",
  },
  appraisalProgress: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id/appraisal/progress",
    params: cycleParams,
    response: z.array(appraisalProgressSchema),
    summary: "Tiến độ thẩm định theo cơ quan thẩm định",
  },

  listAssessments: {
    method: "GET",
    path: "/api/v1/agency/assessments",
    query: assessmentsQuery,
    response: page(assessmentSummarySchema),
    summary: "Hồ sơ tự đánh giá của các cơ quan",
  },
  getAssessment: {
    method: "GET",
    path: "/api/v1/agency/assessments/:id",
    params: idParams,
    response: assessmentSchema,
    summary: "Hồ sơ tự đánh giá, chấm điểm của một cơ quan",
  },
  updateAssessment: {
    method: "PATCH",
    path: "/api/v1/agency/assessments/:id",
    params: idParams,
    body: updateAssessmentBody,
    response: assessmentSchema,
    summary: "Điều kiện xếp loại và mức tự đề xuất",
  },
  saveSelfScores: {
    method: "PUT",
    path: "/api/v1/agency/assessments/:id/self",
    params: idParams,
    body: saveSelfScoresBody,
    response: assessmentSchema,
    summary: "Tự chấm điểm tiêu chí (kèm minh chứng, giải trình không áp dụng)",
  },
  addDossierFile: {
    method: "POST",
    path: "/api/v1/agency/assessments/:id/dossier",
    params: idParams,
    body: addDossierFileBody,
    response: assessmentSchema,
    summary: "Thêm tệp vào hồ sơ",
  },
  removeDossierFile: {
    method: "DELETE",
    path: "/api/v1/agency/assessments/:id/dossier/:fileId",
    params: assessmentFileParams,
    response: assessmentSchema,
    summary: "Bỏ tệp khỏi hồ sơ",
  },
  submitAssessment: {
    method: "POST",
    path: "/api/v1/agency/assessments/:id/submit",
    params: idParams,
    response: assessmentSchema,
    summary: "Gửi hồ sơ tự đánh giá (kiểm tra đủ thành phần)",
  },
  saveAppraisal: {
    method: "PUT",
    path: "/api/v1/agency/assessments/:id/appraisal",
    params: idParams,
    body: saveAppraisalBody,
    response: assessmentSchema,
    summary: "Thẩm định điểm tiêu chí được giao",
  },
  getDraft: {
    method: "GET",
    path: "/api/v1/agency/assessments/:id/draft",
    params: idParams,
    response: agencyDraftSchema,
    summary: "Dự thảo kết quả chấm điểm gửi cơ quan",
  },
  saveExplanation: {
    method: "PUT",
    path: "/api/v1/agency/assessments/:id/explanations/:criterionId",
    params: assessmentCriterionParams,
    body: agencyExplanationBody,
    response: assessmentSchema,
    summary: "Giải trình, bổ sung theo tiêu chí",
  },
  saveFinalScores: {
    method: "PUT",
    path: "/api/v1/agency/assessments/:id/final",
    params: idParams,
    body: saveFinalScoresBody,
    response: assessmentSchema,
    summary: "Tổ giúp việc đề xuất điểm cuối cùng",
  },
  castVote: {
    method: "PUT",
    path: "/api/v1/agency/assessments/:id/vote",
    params: idParams,
    body: councilVoteBody,
    response: councilRowSchema,
    summary: "Biểu quyết mức xếp loại của cơ quan",
  },

  downloadAssessmentFile: {
    method: "GET",
    path: "/api/v1/agency/assessments/:id/files/:fileId",
    params: assessmentFileParams,
    response: z.unknown(),
    raw: "download",
    summary: "Tải tệp của hồ sơ (minh chứng, giải trình) cho người được xem",
  },

  rankingReport: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id/reports/ranking",
    params: cycleParams,
    query: agencyReportFormatQuery,
    response: z.unknown(),
    raw: "download",
    summary: "Bảng xếp hạng theo nhóm (XLSX, DOCX)",
  },
  minutesReport: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id/reports/minutes",
    params: cycleParams,
    response: z.unknown(),
    raw: "download",
    summary: "Biên bản họp Hội đồng thẩm định (DOCX)",
  },
  annexReport: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id/reports/annex",
    params: cycleParams,
    response: z.unknown(),
    raw: "download",
    summary: "Phụ lục kèm quyết định (DOCX)",
  },
  scoreSheetReport: {
    method: "GET",
    path: "/api/v1/agency/assessments/:id/reports/score-sheet",
    params: idParams,
    query: agencyReportFormatQuery,
    response: z.unknown(),
    raw: "download",
    summary: "Bảng điểm của cơ quan (DOCX, PDF)",
  },
  agencyDashboard: {
    method: "GET",
    path: "/api/v1/agency/dashboard",
    query: agencyEvaluationDashboardQuery,
    response: agencyEvaluationDashboardSchema,
    summary: "So sánh cơ quan và tiêu chí bị trừ nhiều điểm",
  },

  publicAgencyResults: {
    method: "GET",
    path: "/api/v1/public/agency-results",
    query: publicResultsQuery,
    response: page(publicAgencyResultSchema),
    summary: "Kết quả xếp loại cơ quan đã công bố (công khai)",
  },
});
