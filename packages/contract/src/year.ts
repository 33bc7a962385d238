import { classifiedLevels, disciplineForms, holidayKinds, leaveKinds, levels } from "@thuocdo/core";
import { z } from "zod";
import { idSchema, optionalText, page, trimmed } from "./common.ts";
import { define, idParams } from "./endpoint.ts";
import { storedFileSchema } from "./files.ts";
import { limits } from "./limits.ts";
import { leaderRoles } from "./org.ts";
import { isoDate } from "./work.ts";

/**
 * The year (Decree 335 Art. 11, 19–24; DESIGN §3 rules 7–12): records that force a level
 * (discipline, degradation, corruption in a leader's unit), leave and transfers, quota groups,
 * the agency's annual classification computed live by `packages/core` (computeYear per person,
 * applyQuota per group and agency-wide), its Art. 21 workflow (Mẫu 02, minutes, Party opinion,
 * proposal, decision, publication), petitions (Art. 22) with the working-day calendar, reports,
 * the national-database export (Art. 26.1.d) and the dashboards. Dates travel as ISO
 * `YYYY-MM-DD`; scores as JSON numbers rounded for display only (the server keeps exact values).
 */

const yearSchema = z.coerce.number().int().min(2000).max(2100);
const pageFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
};
const orderField = z.enum(["asc", "desc"]).optional();
const versioned = { version: z.number().int() };
/** A deciding document: number, date, signer and the scanned file. */
const documentFields = {
  documentNumber: trimmed(limits.codeMax),
  documentDate: isoDate,
  documentFileId: idSchema.nullish().transform((v) => v ?? null),
};
const documentSchemaFields = {
  documentNumber: z.string(),
  documentDate: isoDate,
  documentFile: storedFileSchema.nullable(),
};

export const levelSchema = z.enum(levels);
export const classifiedLevelSchema = z.enum(classifiedLevels);

/** Official names of the levels (Decree 335 Art. 20; Mẫu 02), for reports and notices. */
export const levelNames: Record<(typeof levels)[number], string> = {
  excellent: "Hoàn thành xuất sắc nhiệm vụ",
  good: "Hoàn thành tốt nhiệm vụ",
  completed: "Hoàn thành nhiệm vụ",
  not_completed: "Không hoàn thành nhiệm vụ",
  unclassified: "Không xếp loại",
};

/** Web paths the server puts in notices (the web router serves them). */
export const yearLinks = {
  myYear: "/nam-cua-toi",
  petitions: "/kien-nghi",
  classification: "/xep-loai",
} as const;

/* ───────────── Records that force a level (Art. 11.3, 20.4.b–d) ───────────── */

export const personRecordKinds = ["discipline", "degradation", "corruption_in_unit"] as const;
export type PersonRecordKind = (typeof personRecordKinds)[number];
export const disciplineFormSchema = z.enum(disciplineForms);

export const personRecordSchema = z.object({
  id: idSchema,
  personId: idSchema,
  personName: z.string(),
  agencyId: idSchema,
  agencyName: z.string(),
  kind: z.enum(personRecordKinds),
  /** Discipline only. */
  form: disciplineFormSchema.nullable(),
  /** Discipline only: the violation concerned public duty (Art. 20.4.c counts only those). */
  publicDuty: z.boolean(),
  /** The day the deciding document takes effect. */
  effectiveOn: isoDate,
  /** The year it counts in (Art. 11.3); defaults to the effective year. */
  countsInYear: z.number().int(),
  /** Why the year differs from the effective year (required then). */
  countsInYearReason: z.string().nullable(),
  ...documentSchemaFields,
  issuer: z.string().nullable(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type PersonRecord = z.infer<typeof personRecordSchema>;

export const recordsQuery = z.object({
  agencyId: idSchema.optional(),
  personId: idSchema.optional(),
  /** The year records count in. */
  year: yearSchema.optional(),
  kind: z.enum(personRecordKinds).optional(),
  sort: z.enum(["effectiveOn", "personName", "kind"]).optional(),
  order: orderField,
  ...pageFields,
});

export const createRecordBody = z.object({
  personId: idSchema,
  kind: z.enum(personRecordKinds),
  form: disciplineFormSchema.nullish().transform((v) => v ?? null),
  publicDuty: z.boolean().default(true),
  effectiveOn: isoDate,
  /** Omit for the effective year; a different year needs `countsInYearReason`. */
  countsInYear: z.number().int().min(2000).max(2100).optional(),
  countsInYearReason: optionalText(limits.noteMax),
  ...documentFields,
  issuer: optionalText(limits.nameMax),
  note: optionalText(limits.noteMax),
});

export const updateRecordBody = z.object({
  ...versioned,
  form: disciplineFormSchema.nullish(),
  publicDuty: z.boolean().optional(),
  effectiveOn: isoDate.optional(),
  countsInYear: z.number().int().min(2000).max(2100).optional(),
  countsInYearReason: optionalText(limits.noteMax).optional(),
  documentNumber: trimmed(limits.codeMax).optional(),
  documentDate: isoDate.optional(),
  documentFileId: idSchema.nullish(),
  issuer: optionalText(limits.nameMax).optional(),
  note: optionalText(limits.noteMax).optional(),
  /** Why the record changes (audit). */
  reason: trimmed(limits.noteMax),
});

export const deleteRecordBody = z.object({ ...versioned, reason: trimmed(limits.noteMax) });

/* ───────────── Leave and transfers (Art. 11.2, 19.1) ───────────── */

export const leaveKindsRecorded = leaveKinds.filter((k) => k !== "none") as ["sick", "maternity", "unpaid"];
export const leaveKindSchema = z.enum(leaveKindsRecorded);

export const leaveMonthSchema = z.object({
  month: z.number().int().min(1).max(12),
  kind: leaveKindSchema,
  note: z.string().nullable(),
});

export const personLeaveSchema = z.object({
  personId: idSchema,
  personName: z.string(),
  year: z.number().int(),
  months: z.array(leaveMonthSchema),
});
export type PersonLeave = z.infer<typeof personLeaveSchema>;

export const leaveQuery = z.object({
  agencyId: idSchema.optional(),
  personId: idSchema.optional(),
  year: yearSchema,
  ...pageFields,
});

/** Replaces the person's leave months of the year (an empty list clears them). */
export const setLeaveBody = z.object({
  personId: idSchema,
  year: z.number().int().min(2000).max(2100),
  months: z
    .array(
      z.object({
        month: z.number().int().min(1).max(12),
        kind: leaveKindSchema,
        note: optionalText(limits.noteMax),
      }),
    )
    .max(12),
  reason: optionalText(limits.noteMax),
});

export const transferSchema = z.object({
  id: idSchema,
  personId: idSchema,
  personName: z.string(),
  fromAgencyId: idSchema,
  fromAgencyName: z.string(),
  fromUnitId: idSchema,
  fromUnitName: z.string(),
  toAgencyId: idSchema,
  toAgencyName: z.string(),
  toUnitId: idSchema,
  toUnitName: z.string(),
  effectiveOn: isoDate,
  documentNumber: z.string().nullable(),
  documentDate: isoDate.nullable(),
  documentFile: storedFileSchema.nullable(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Transfer = z.infer<typeof transferSchema>;

export const transfersQuery = z.object({
  /** Transfers into or out of this agency. */
  agencyId: idSchema.optional(),
  personId: idSchema.optional(),
  year: yearSchema.optional(),
  ...pageFields,
});

/** Moves the person to `toUnitId` (any agency) from `effectiveOn`; their confirmed months come along. */
export const createTransferBody = z.object({
  personId: idSchema,
  toUnitId: idSchema,
  effectiveOn: isoDate,
  documentNumber: optionalText(limits.codeMax),
  documentDate: isoDate.nullish().transform((v) => v ?? null),
  documentFileId: idSchema.nullish().transform((v) => v ?? null),
  note: optionalText(limits.noteMax),
});

/* ───────────── Quota groups (Art. 20.5: nhóm có nhiệm vụ tương đồng) ───────────── */

/**
 * Who belongs: a person matches when every non-empty list contains their value (leader role,
 * position, unit — a unit covers the units below it). A person matching no group is listed as
 * ungrouped and counts agency-wide only; the first matching group by `sortOrder` wins.
 */
export const quotaGroupMembersSchema = z.object({
  leaderRoles: z.array(z.enum(leaderRoles)).default([]),
  positionIds: z.array(idSchema).default([]),
  unitIds: z.array(idSchema).default([]),
});

export const quotaGroupSchema = z.object({
  id: idSchema,
  agencyId: idSchema,
  name: z.string(),
  members: quotaGroupMembersSchema,
  sortOrder: z.number().int(),
  version: z.number().int(),
});
export type QuotaGroup = z.infer<typeof quotaGroupSchema>;

export const createQuotaGroupBody = z.object({
  agencyId: idSchema,
  name: trimmed(limits.nameMax),
  members: quotaGroupMembersSchema,
  sortOrder: z.number().int().min(0).max(1000).optional(),
});

export const updateQuotaGroupBody = z.object({
  ...versioned,
  name: trimmed(limits.nameMax).optional(),
  members: quotaGroupMembersSchema.optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
});

/* ───────────── Classification (Art. 19–21) ───────────── */

export const classificationStatuses = ["open", "proposed", "decided", "published"] as const;
export type ClassificationStatus = (typeof classificationStatuses)[number];

/** Why a level is what it is, in order; the last decisive (the core's LevelReason, as JSON). */
export const levelReasonSchema = z
  .object({
    rule: z.enum([
      "threshold",
      "unclassified",
      "discipline",
      "degradation",
      "corruption_in_unit",
      "head_cap",
      "quota_cut",
      "conditions",
      "tie_pending",
    ]),
    article: z.string(),
    /** The record that forced the level (discipline, degradation, corruption). */
    recordId: idSchema.nullable().optional(),
  })
  .catchall(z.unknown());
export type LevelReasonJson = z.infer<typeof levelReasonSchema>;

export const monthCellSchema = z.object({
  month: z.number().int(),
  /** Confirmed period score, null when none. */
  score: z.number().nullable(),
  counted: z.boolean(),
  /** Agency whose period produced it (differs from the classifying agency after a transfer). */
  agencyId: idSchema.nullable(),
  /** Leave recorded for the month. */
  leave: leaveKindSchema.nullable(),
});

export const classificationQuotaOutcomes = [
  "kept",
  "cut",
  "kept_by_decision",
  "cut_by_decision",
  "tie_pending",
] as const;

export const classificationRowSchema = z.object({
  personId: idSchema,
  fullName: z.string(),
  employeeCode: z.string().nullable(),
  unitId: idSchema,
  unitName: z.string(),
  positionName: z.string().nullable(),
  title: z.string().nullable(),
  leaderRole: z.enum(leaderRoles),
  quotaGroupId: idSchema.nullable(),
  quotaGroupName: z.string().nullable(),
  months: z.array(monthCellSchema),
  monthsCounted: z.number().int(),
  monthsWorked: z.number().int(),
  leave: z.enum(leaveKinds),
  /** Exact average rounded to 2 decimals for display; null when no month counted. */
  average: z.number().nullable(),
  /** The exact average as "numerator/denominator", for anyone re-checking. */
  averageExact: z.string().nullable(),
  /** computeYear's level (threshold, forced, unclassified, head cap) before the quota. */
  yearLevel: levelSchema,
  /** After the quota; null while a tie at the cut waits for the head. */
  proposedLevel: levelSchema.nullable(),
  quotaOutcome: z.enum(classificationQuotaOutcomes).nullable(),
  reasons: z.array(levelReasonSchema),
  /** Came from another agency this year (Art. 19.1). */
  transferredFrom: z.array(z.object({ agencyId: idSchema, agencyName: z.string(), effectiveOn: isoDate })),
  selfProposedLevel: classifiedLevelSchema.nullable(),
  /** Heads and deputies need the Party committee's opinion (Art. 21.1.c, 21.2). */
  partyOpinionRequired: z.boolean(),
  partyOpinionRecorded: z.boolean(),
  /** Level in the classification's active decision, if any. */
  decidedLevel: levelSchema.nullable(),
  ruleSetVersion: z.string(),
});
export type ClassificationRow = z.infer<typeof classificationRowSchema>;

export const quotaCandidateSchema = z.object({
  personId: idSchema,
  fullName: z.string(),
  score: z.number(),
  rank: z.number().int(),
  outcome: z.enum(classificationQuotaOutcomes),
});

/** One application of the cap, with every number (DESIGN §3 rule 10: the computation shown). */
export const quotaComputationSchema = z.object({
  /** "agency" for the agency-wide check, else the quota group's id. */
  scope: z.string(),
  name: z.string(),
  /** G: rated good before the cut. */
  good: z.number().int(),
  /** E: candidates for excellent. */
  excellent: z.number().int(),
  rate: z.number(),
  exception: z.boolean(),
  reading: z.enum(["final", "initial_good"]),
  formula: z.string(),
  bound: z.number(),
  allowed: z.number().int(),
  candidates: z.array(quotaCandidateSchema),
  cut: z.array(idSchema),
  tie: z
    .object({
      score: z.number(),
      personIds: z.array(idSchema),
      seats: z.number().int(),
      decided: z.boolean(),
      decidedByName: z.string().nullable(),
      decidedAt: z.string().nullable(),
      reason: z.string().nullable(),
    })
    .nullable(),
  finalExcellent: z.number().int(),
  finalGood: z.number().int(),
});
export type QuotaComputation = z.infer<typeof quotaComputationSchema>;

export const minutesSchema = z.object({
  id: idSchema,
  unitId: idSchema,
  unitName: z.string(),
  meetingDate: isoDate,
  file: storedFileSchema,
  note: z.string().nullable(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});

export const classificationDecisionSchema = z.object({
  id: idSchema,
  number: z.string(),
  date: isoDate,
  signer: z.string().nullable(),
  file: storedFileSchema.nullable(),
  /** A re-classification (Art. 21.3) replaces the previous decision; its reason is kept. */
  replacesId: idSchema.nullable(),
  reason: z.string().nullable(),
  petitionId: idSchema.nullable(),
  active: z.boolean(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string(),
  publishedAt: z.string().nullable(),
  counts: z.partialRecord(levelSchema, z.number().int()),
});
export type ClassificationDecision = z.infer<typeof classificationDecisionSchema>;

export const workflowStepSchema = z.object({
  step: z.enum(["mau02", "self_proposal", "minutes", "party_opinion", "proposal", "decision", "publication"]),
  done: z.boolean(),
  /** e.g. people still missing a self-proposal. */
  missing: z.number().int(),
});

export const classificationSchema = z.object({
  id: idSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  year: z.number().int(),
  status: z.enum(classificationStatuses),
  ruleSetVersion: z.string(),
  /** 0.2 by default; up to 0.25 when granted (Art. 20.5.b). */
  quotaRate: z.number(),
  quotaReading: z.enum(["final", "initial_good"]),
  rateGrant: z.object({ grantedBy: z.string(), ...documentSchemaFields }).nullable(),
  /** The agency's own level for the year, which caps its head's (Art. 20.6). */
  agencyLevel: classifiedLevelSchema.nullable(),
  agencyLevelSource: z.enum(["agency_evaluation", "manual", "none"]),
  agencyLevelNote: z.string().nullable(),
  proposal: z
    .object({
      note: z.string().nullable(),
      file: storedFileSchema.nullable(),
      proposedByName: z.string().nullable(),
      proposedAt: z.string(),
    })
    .nullable(),
  minutes: z.array(minutesSchema),
  decisions: z.array(classificationDecisionSchema),
  steps: z.array(workflowStepSchema),
  /** Levels counted on the live list (after quota; `pending` = ties waiting). */
  counts: z.record(z.string(), z.number().int()),
  pendingTies: z.number().int(),
  openedByName: z.string().nullable(),
  openedAt: z.string(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Classification = z.infer<typeof classificationSchema>;

export const classificationListItemSchema = classificationSchema.pick({
  id: true,
  agencyId: true,
  agencyName: true,
  year: true,
  status: true,
  publishedAt: true,
  version: true,
});

export const classificationsQuery = z.object({
  agencyId: idSchema.optional(),
  year: yearSchema.optional(),
  status: z.enum(classificationStatuses).optional(),
  sort: z.enum(["agencyName", "year", "status"]).optional(),
  order: orderField,
  ...pageFields,
});

export const openClassificationBody = z.object({ agencyId: idSchema, year: z.number().int().min(2000).max(2100) });

export const updateClassificationBody = z.object({
  ...versioned,
  /** 0.2 or up to the rule set's exception rate; above the base rate needs `rateGrant`. */
  quotaRate: z.number().min(0).max(1).optional(),
  rateGrant: z.object({ grantedBy: trimmed(limits.nameMax), ...documentFields }).nullish(),
  /** Manual agency level, used only when the agency evaluation has none. */
  agencyLevel: classifiedLevelSchema.nullish(),
  agencyLevelNote: optionalText(limits.noteMax).optional(),
});

export const classificationPeopleQuery = z.object({
  q: z.string().trim().max(limits.nameMax).optional(),
  unitId: idSchema.optional(),
  quotaGroupId: idSchema.optional(),
  level: z.enum([...levels, "pending"]).optional(),
  sort: z.enum(["fullName", "unitName", "average", "proposedLevel"]).optional(),
  order: orderField,
  ...pageFields,
});

export const quotaViewSchema = z.object({
  groups: z.array(quotaComputationSchema),
  agency: quotaComputationSchema,
  /** People matching no quota group (they count agency-wide only). */
  ungrouped: z.array(z.object({ personId: idSchema, fullName: z.string() })),
});
export type QuotaView = z.infer<typeof quotaViewSchema>;

/** The head's order for the people tied at a cut, best first (Art. 20.5; DESIGN §3 rule 10). */
export const classificationTieBreakBody = z.object({
  /** "agency" or a quota group id. */
  scope: idSchema,
  order: z.array(idSchema).min(2).max(500),
  reason: trimmed(limits.noteMax),
});

export const personYearParams = z.object({ id: idSchema, personId: idSchema });

export const selfProposalBody = z.object({
  level: classifiedLevelSchema,
  /** The self-evaluation report presented at the meeting (Art. 21.1.b). */
  selfReport: optionalText(limits.noteMax * 5),
});

export const partyOpinionBody = z.object({
  opinion: trimmed(limits.noteMax * 5),
  date: isoDate,
  fileId: idSchema.nullish().transform((v) => v ?? null),
});

export const addMinutesBody = z.object({
  /** The unit where the meeting was held (the agency or a constituent unit). */
  unitId: idSchema,
  meetingDate: isoDate,
  fileId: idSchema,
  note: optionalText(limits.noteMax),
});

export const proposalBody = z.object({
  ...versioned,
  note: optionalText(limits.noteMax * 5),
  fileId: idSchema.nullish().transform((v) => v ?? null),
});

export const decideBody = z.object({
  ...versioned,
  number: trimmed(limits.codeMax),
  date: isoDate,
  signer: optionalText(limits.nameMax),
  fileId: idSchema.nullish().transform((v) => v ?? null),
  /** Required for a re-classification (Art. 21.3). */
  reason: optionalText(limits.noteMax),
  petitionId: idSchema.nullish().transform((v) => v ?? null),
});

export const publishBody = z.object({ ...versioned });

/* ───────────── Petitions (Art. 22) ───────────── */

export const petitionStatuses = ["pending", "answered"] as const;
export const petitionOutcomes = ["accepted", "rejected"] as const;

export const petitionSchema = z.object({
  id: idSchema,
  classificationId: idSchema,
  agencyId: idSchema,
  year: z.number().int(),
  personId: idSchema,
  personName: z.string(),
  content: z.string(),
  file: storedFileSchema.nullable(),
  receivedOn: isoDate,
  /** receivedOn + 7 working days (weekends and public holidays skipped). */
  dueOn: isoDate,
  overdue: z.boolean(),
  status: z.enum(petitionStatuses),
  outcome: z.enum(petitionOutcomes).nullable(),
  answer: z.string().nullable(),
  answerFile: storedFileSchema.nullable(),
  answeredOn: isoDate.nullable(),
  answeredByName: z.string().nullable(),
  /** The re-classification decision it led to, if any. */
  decisionId: idSchema.nullable(),
  filedByName: z.string().nullable(),
  version: z.number().int(),
});
export type Petition = z.infer<typeof petitionSchema>;

export const petitionsQuery = z.object({
  agencyId: idSchema.optional(),
  classificationId: idSchema.optional(),
  personId: idSchema.optional(),
  status: z.enum(petitionStatuses).optional(),
  overdue: z.union([z.boolean(), z.stringbool()]).optional(),
  sort: z.enum(["receivedOn", "dueOn", "personName"]).optional(),
  order: orderField,
  ...pageFields,
});

export const filePetitionBody = z.object({
  classificationId: idSchema,
  /** Omit to file one's own; hr may record a paper petition for someone else. */
  personId: idSchema.optional(),
  content: trimmed(limits.noteMax * 5),
  fileId: idSchema.nullish().transform((v) => v ?? null),
  /** hr recording a paper petition: the day it was received; otherwise today. */
  receivedOn: isoDate.optional(),
});

export const answerPetitionBody = z.object({
  ...versioned,
  outcome: z.enum(petitionOutcomes),
  answer: trimmed(limits.noteMax * 5),
  fileId: idSchema.nullish().transform((v) => v ?? null),
});

/** Everything known about one person's year, for their Mẫu 02 page and the staff dashboard. */
export const personYearSchema = z.object({
  classificationId: idSchema.nullable(),
  classificationStatus: z.enum(classificationStatuses).nullable(),
  year: z.number().int(),
  row: classificationRowSchema,
  selfReport: z.string().nullable(),
  partyOpinion: z
    .object({
      opinion: z.string(),
      date: isoDate,
      file: storedFileSchema.nullable(),
      recordedByName: z.string().nullable(),
    })
    .nullable(),
  records: z.array(personRecordSchema),
  /** The level published for the person, with its decision. */
  published: z.object({ level: levelSchema, decisionNumber: z.string(), decisionDate: isoDate }).nullable(),
  petitions: z.array(petitionSchema),
});
export type PersonYear = z.infer<typeof personYearSchema>;

export const myYearQuery = z.object({ year: yearSchema });

/* ───────────── Publication (public, no login) ───────────── */

export const publicClassificationSchema = z.object({
  agencyId: idSchema,
  agencyName: z.string(),
  year: z.number().int(),
  decisionNumber: z.string(),
  decisionDate: isoDate,
  publishedAt: z.string(),
  counts: z.partialRecord(levelSchema, z.number().int()),
  rows: z.array(
    z.object({
      fullName: z.string(),
      unitName: z.string(),
      title: z.string().nullable(),
      level: levelSchema,
    }),
  ),
});
export type PublicClassification = z.infer<typeof publicClassificationSchema>;

export const publicClassificationsQuery = z.object({ year: yearSchema.optional() });
export const publicClassificationListItemSchema = z.object({
  agencyId: idSchema,
  agencyName: z.string(),
  year: z.number().int(),
  publishedAt: z.string(),
});
export const publicClassificationParams = z.object({ agencyId: idSchema, year: yearSchema });

/* ───────────── Working-day calendar ───────────── */

export const holidaySchema = z.object({
  date: isoDate,
  name: z.string(),
  /** holiday | compensatory (nghỉ bù) | tet. */
  kind: z.enum(holidayKinds),
  /** builtin: packages/core's calendar; custom: corrected by hr. */
  source: z.enum(["builtin", "custom"]),
});
export type Holiday = z.infer<typeof holidaySchema>;

export const holidaysQuery = z.object({ year: yearSchema });
export const holidaysParams = z.object({ year: yearSchema });
export const replaceHolidaysBody = z.object({
  days: z.array(z.object({ date: isoDate, name: trimmed(limits.nameMax), kind: z.enum(holidayKinds) })).max(60),
  reason: trimmed(limits.noteMax),
});
export const dueDateQuery = z.object({ from: isoDate, days: z.coerce.number().int().min(1).max(60).default(7) });
export const dueDateSchema = z.object({
  from: isoDate,
  days: z.number().int(),
  dueOn: isoDate,
  skipped: z.array(isoDate),
});

/* ───────────── Reports and national export ───────────── */

export const classificationReportQuery = z.object({ classificationId: idSchema });
export const mau02Query = z.object({ classificationId: idSchema, personId: idSchema });
export const provinceSummaryQuery = z.object({
  year: yearSchema,
  /** The province (or any unit): every agency below it. Defaults to the caller's scope. */
  unitId: idSchema.optional(),
});
export const agencyYearQuery = z.object({ agencyId: idSchema, year: yearSchema });

/**
 * Narrative sections of the implementation report, in the shape of the commune's 2026 report
 * (bao-cao-nguyet-an-2026): opening, I. context and legal basis, II. process and results (the
 * figures from data follow this text), III. criteria and method, IV. overall assessment,
 * V. proposals, VI. conclusion.
 */
export const narrativeKeys = [
  "intro",
  "context",
  "implementation",
  "criteria",
  "assessment",
  "proposals",
  "conclusion",
] as const;
export type NarrativeKey = (typeof narrativeKeys)[number];
export const reportNarrativeSchema = z.object({
  agencyId: idSchema,
  year: z.number().int(),
  documentNumber: z.string().nullable(),
  /** "Nơi nhận", one line each. */
  recipients: z.array(z.string()),
  /** e.g. "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH". */
  signerTitle: z.string().nullable(),
  signerName: z.string().nullable(),
  sections: z.record(z.enum(narrativeKeys), z.string()),
  /** 0 while nothing is stored yet (the defaults are shown). */
  version: z.number().int(),
});
export type ReportNarrative = z.infer<typeof reportNarrativeSchema>;
export const updateReportNarrativeBody = z.object({
  ...versioned,
  documentNumber: optionalText(limits.codeMax).optional(),
  recipients: z.array(trimmed(limits.nameMax)).max(20).optional(),
  signerTitle: optionalText(limits.nameMax).optional(),
  signerName: optionalText(limits.nameMax).optional(),
  sections: z.partialRecord(z.enum(narrativeKeys), z.string().max(limits.noteMax * 10)).optional(),
});

export const nationalExportKinds = ["monthly", "annual"] as const;
export const nationalExportFormats = ["csv", "json"] as const;
export const nationalExportQuery = z.object({
  agencyId: idSchema,
  year: yearSchema,
  kind: z.enum(nationalExportKinds),
  format: z.enum(nationalExportFormats),
  /** Monthly only: one month; omit for every month of the year. */
  month: z.coerce.number().int().min(1).max(12).optional(),
});
export const nationalExportLogSchema = z.object({
  id: idSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  year: z.number().int(),
  month: z.number().int().nullable(),
  kind: z.enum(nationalExportKinds),
  format: z.enum(nationalExportFormats),
  rows: z.number().int(),
  sha256: z.string(),
  schemaVersion: z.string(),
  exportedByName: z.string().nullable(),
  exportedAt: z.string(),
});
export const nationalExportLogQuery = z.object({
  agencyId: idSchema.optional(),
  year: yearSchema.optional(),
  kind: z.enum(nationalExportKinds).optional(),
  ...pageFields,
});

/* ───────────── Dashboards ───────────── */

export const levelCountsSchema = z.record(z.string(), z.number().int());

export const agencyYearDashboardSchema = z.object({
  agencyId: idSchema,
  agencyName: z.string(),
  year: z.number().int(),
  classificationId: idSchema.nullable(),
  classificationStatus: z.enum(classificationStatuses).nullable(),
  /** Live proposed levels (after quota); key `pending` for ties waiting. */
  distribution: levelCountsSchema,
  people: z.number().int(),
  /** Per month: confirmed evaluations, their mean score, evaluations expected. */
  trend: z.array(
    z.object({
      month: z.number().int(),
      confirmed: z.number().int(),
      expected: z.number().int(),
      average: z.number().nullable(),
    }),
  ),
  divisions: z.array(
    z.object({
      unitId: idSchema,
      unitName: z.string(),
      people: z.number().int(),
      average: z.number().nullable(),
      distribution: levelCountsSchema,
    }),
  ),
  /** Evaluations not confirmed by their period's review due date (or confirmed after it). */
  lateReviews: z.array(
    z.object({
      periodId: idSchema,
      month: z.number().int(),
      personId: idSchema,
      fullName: z.string(),
      unitName: z.string(),
      status: z.string(),
      reviewDue: isoDate,
      confirmedAt: z.string().nullable(),
      daysLate: z.number().int(),
    }),
  ),
});
export type AgencyYearDashboard = z.infer<typeof agencyYearDashboardSchema>;

export const provinceYearDashboardQuery = z.object({
  year: yearSchema,
  unitId: idSchema.optional(),
  sort: z.enum(["agencyName", "people", "average", "excellentShare", "status"]).optional(),
  order: orderField,
});
export const provinceYearDashboardSchema = z.object({
  year: z.number().int(),
  rows: z.array(
    z.object({
      agencyId: idSchema,
      agencyName: z.string(),
      agencyKind: z.string(),
      people: z.number().int(),
      classified: z.number().int(),
      average: z.number().nullable(),
      distribution: levelCountsSchema,
      /** Excellent ÷ good among the decided (or live) levels. */
      excellentShare: z.number().nullable(),
      status: z.enum([...classificationStatuses, "not_opened"]),
      /** Levels come from the active decision when there is one, else live. */
      source: z.enum(["decision", "live"]),
    }),
  ),
  totals: z.object({ people: z.number().int(), distribution: levelCountsSchema }),
});
export type ProvinceYearDashboard = z.infer<typeof provinceYearDashboardSchema>;

/* ───────────── Endpoints ───────────── */

const download = { response: z.unknown(), raw: "download" as const };

export const yearEndpoints = define({
  listRecords: {
    method: "GET",
    path: "/api/v1/year/records",
    query: recordsQuery,
    response: page(personRecordSchema),
    summary: "Kỷ luật, kết luận suy thoái, vụ việc tham nhũng (Điều 11.3, 20.4)",
  },
  createRecord: {
    method: "POST",
    path: "/api/v1/year/records",
    body: createRecordBody,
    response: personRecordSchema,
    summary: "Ghi nhận quyết định kỷ luật / kết luận / vụ việc",
  },
  updateRecord: {
    method: "PATCH",
    path: "/api/v1/year/records/:id",
    params: idParams,
    body: updateRecordBody,
    response: personRecordSchema,
    summary: "Sửa bản ghi (có lý do)",
  },
  deleteRecord: {
    method: "DELETE",
    path: "/api/v1/year/records/:id",
    params: idParams,
    body: deleteRecordBody,
    response: z.object({ ok: z.literal(true) }),
    summary: "Xóa bản ghi (có lý do)",
  },

  listLeave: {
    method: "GET",
    path: "/api/v1/year/leave",
    query: leaveQuery,
    response: page(personLeaveSchema),
    summary: "Nghỉ ốm, thai sản, không lương theo tháng (Điều 11.2)",
  },
  setLeave: {
    method: "PUT",
    path: "/api/v1/year/leave",
    body: setLeaveBody,
    response: personLeaveSchema,
    summary: "Ghi nhận các tháng nghỉ của một công chức trong năm",
  },
  listTransfers: {
    method: "GET",
    path: "/api/v1/year/transfers",
    query: transfersQuery,
    response: page(transferSchema),
    summary: "Điều động, chuyển công tác (Điều 19.1)",
  },
  createTransfer: {
    method: "POST",
    path: "/api/v1/year/transfers",
    body: createTransferBody,
    response: transferSchema,
    summary: "Ghi nhận chuyển công tác sang cơ quan, đơn vị khác",
  },

  listQuotaGroups: {
    method: "GET",
    path: "/api/v1/year/quota-groups",
    query: z.object({ agencyId: idSchema }),
    response: z.array(quotaGroupSchema),
    summary: "Nhóm công chức có nhiệm vụ tương đồng (Điều 20.5)",
  },
  createQuotaGroup: {
    method: "POST",
    path: "/api/v1/year/quota-groups",
    body: createQuotaGroupBody,
    response: quotaGroupSchema,
    summary: "Thêm nhóm tính tỷ lệ",
  },
  updateQuotaGroup: {
    method: "PATCH",
    path: "/api/v1/year/quota-groups/:id",
    params: idParams,
    body: updateQuotaGroupBody,
    response: quotaGroupSchema,
    summary: "Sửa nhóm tính tỷ lệ",
  },
  deleteQuotaGroup: {
    method: "DELETE",
    path: "/api/v1/year/quota-groups/:id",
    params: idParams,
    response: z.object({ ok: z.literal(true) }),
    summary: "Xóa nhóm tính tỷ lệ",
  },

  listClassifications: {
    method: "GET",
    path: "/api/v1/year/classifications",
    query: classificationsQuery,
    response: page(classificationListItemSchema),
    summary: "Các đợt xếp loại chất lượng công chức hằng năm",
  },
  openClassification: {
    method: "POST",
    path: "/api/v1/year/classifications",
    body: openClassificationBody,
    response: classificationSchema,
    summary: "Mở đợt xếp loại năm của cơ quan",
  },
  getClassification: {
    method: "GET",
    path: "/api/v1/year/classifications/:id",
    params: idParams,
    response: classificationSchema,
    summary: "Đợt xếp loại: trạng thái, quy trình, quyết định",
  },
  updateClassification: {
    method: "PATCH",
    path: "/api/v1/year/classifications/:id",
    params: idParams,
    body: updateClassificationBody,
    response: classificationSchema,
    summary: "Tỷ lệ (20%/25%), mức xếp loại của cơ quan",
  },
  classificationPeople: {
    method: "GET",
    path: "/api/v1/year/classifications/:id/people",
    params: idParams,
    query: classificationPeopleQuery,
    response: page(classificationRowSchema),
    summary: "Danh sách xếp loại (tính trực tiếp từ các kỳ đã xác nhận)",
  },
  classificationQuota: {
    method: "GET",
    path: "/api/v1/year/classifications/:id/quota",
    params: idParams,
    response: quotaViewSchema,
    summary: "Áp tỷ lệ hoàn thành xuất sắc theo nhóm và toàn cơ quan",
  },
  recordTieBreak: {
    method: "PUT",
    path: "/api/v1/year/classifications/:id/tie-breaks",
    params: idParams,
    body: classificationTieBreakBody,
    response: quotaViewSchema,
    summary: "Người đứng đầu quyết định thứ tự những người bằng điểm tại ngưỡng tỷ lệ",
  },
  getPersonYear: {
    method: "GET",
    path: "/api/v1/year/classifications/:id/people/:personId",
    params: personYearParams,
    response: personYearSchema,
    summary: "Kết quả cả năm của một công chức (Mẫu 02)",
  },
  setSelfProposal: {
    method: "PUT",
    path: "/api/v1/year/classifications/:id/people/:personId/self-proposal",
    params: personYearParams,
    body: selfProposalBody,
    response: personYearSchema,
    summary: "Công chức tự nhận mức xếp loại (Mẫu 02)",
  },
  setPartyOpinion: {
    method: "PUT",
    path: "/api/v1/year/classifications/:id/people/:personId/party-opinion",
    params: personYearParams,
    body: partyOpinionBody,
    response: personYearSchema,
    summary: "Ý kiến của cấp ủy (người đứng đầu, cấp phó — Điều 21)",
  },
  addMinutes: {
    method: "POST",
    path: "/api/v1/year/classifications/:id/minutes",
    params: idParams,
    body: addMinutesBody,
    response: classificationSchema,
    summary: "Tải lên biên bản cuộc họp đánh giá, xếp loại",
  },
  propose: {
    method: "POST",
    path: "/api/v1/year/classifications/:id/proposal",
    params: idParams,
    body: proposalBody,
    response: classificationSchema,
    summary: "Cơ quan tham mưu công tác cán bộ đề xuất mức xếp loại",
  },
  decide: {
    method: "POST",
    path: "/api/v1/year/classifications/:id/decisions",
    params: idParams,
    body: decideBody,
    response: classificationSchema,
    summary: "Quyết định xếp loại (hoặc quyết định thay thế — Điều 21.3)",
  },
  publish: {
    method: "POST",
    path: "/api/v1/year/classifications/:id/publish",
    params: idParams,
    body: publishBody,
    response: classificationSchema,
    summary: "Công khai kết quả xếp loại và thông báo đến từng công chức",
  },
  myYear: {
    method: "GET",
    path: "/api/v1/me/year",
    query: myYearQuery,
    response: personYearSchema,
    summary: "Kết quả cả năm của tôi",
  },

  publicClassifications: {
    method: "GET",
    path: "/api/v1/public/classifications",
    query: publicClassificationsQuery,
    response: z.array(publicClassificationListItemSchema),
    summary: "Các cơ quan đã công khai kết quả xếp loại (không cần đăng nhập)",
  },
  publicClassification: {
    method: "GET",
    path: "/api/v1/public/classifications/:agencyId/:year",
    params: publicClassificationParams,
    response: publicClassificationSchema,
    summary: "Kết quả xếp loại đã công khai của một cơ quan (không cần đăng nhập)",
  },

  listPetitions: {
    method: "GET",
    path: "/api/v1/year/petitions",
    query: petitionsQuery,
    response: page(petitionSchema),
    summary: "Kiến nghị về kết quả xếp loại (Điều 22)",
  },
  getPetition: {
    method: "GET",
    path: "/api/v1/year/petitions/:id",
    params: idParams,
    response: petitionSchema,
    summary: "Một kiến nghị",
  },
  filePetition: {
    method: "POST",
    path: "/api/v1/year/petitions",
    body: filePetitionBody,
    response: petitionSchema,
    summary: "Gửi kiến nghị về kết quả xếp loại",
  },
  answerPetition: {
    method: "POST",
    path: "/api/v1/year/petitions/:id/answer",
    params: idParams,
    body: answerPetitionBody,
    response: petitionSchema,
    summary: "Trả lời kiến nghị",
  },

  listHolidays: {
    method: "GET",
    path: "/api/v1/year/holidays",
    query: holidaysQuery,
    response: z.array(holidaySchema),
    summary: "Lịch nghỉ lễ, Tết dùng để tính ngày làm việc",
  },
  replaceHolidays: {
    method: "PUT",
    path: "/api/v1/year/holidays/:year",
    params: holidaysParams,
    body: replaceHolidaysBody,
    response: z.array(holidaySchema),
    summary: "Sửa lịch nghỉ lễ, Tết của một năm",
  },
  dueDate: {
    method: "GET",
    path: "/api/v1/year/holidays/due-date",
    query: dueDateQuery,
    response: dueDateSchema,
    summary: "Tính hạn theo ngày làm việc",
  },

  mau02Docx: {
    method: "GET",
    path: "/api/v1/reports/mau02/docx",
    query: mau02Query,
    ...download,
    summary: "Phiếu đánh giá, xếp loại chất lượng công chức (Mẫu 02) — DOCX",
  },
  mau02Pdf: {
    method: "GET",
    path: "/api/v1/reports/mau02/pdf",
    query: mau02Query,
    ...download,
    summary: "Phiếu đánh giá, xếp loại chất lượng công chức (Mẫu 02) — PDF",
  },
  decisionDraftDocx: {
    method: "GET",
    path: "/api/v1/reports/classification-decision/docx",
    query: classificationReportQuery,
    ...download,
    summary: "Dự thảo quyết định xếp loại kèm danh sách — DOCX",
  },
  classificationTableXlsx: {
    method: "GET",
    path: "/api/v1/reports/classification-table/xlsx",
    query: classificationReportQuery,
    ...download,
    summary: "Bảng xếp loại chất lượng công chức của cơ quan — XLSX",
  },
  provinceSummaryXlsx: {
    method: "GET",
    path: "/api/v1/reports/province-summary/xlsx",
    query: provinceSummaryQuery,
    ...download,
    summary: "Tổng hợp kết quả xếp loại theo cơ quan — XLSX",
  },
  implementationReportDocx: {
    method: "GET",
    path: "/api/v1/reports/implementation-report/docx",
    query: agencyYearQuery,
    ...download,
    summary: "Báo cáo kết quả thực hiện gửi Sở Nội vụ — DOCX",
  },
  getReportNarrative: {
    method: "GET",
    path: "/api/v1/year/report-narrative",
    query: agencyYearQuery,
    response: reportNarrativeSchema,
    summary: "Nội dung soạn thảo của báo cáo kết quả thực hiện",
  },
  updateReportNarrative: {
    method: "PUT",
    path: "/api/v1/year/report-narrative",
    query: agencyYearQuery,
    body: updateReportNarrativeBody,
    response: reportNarrativeSchema,
    summary: "Sửa nội dung báo cáo kết quả thực hiện",
  },
  nationalExport: {
    method: "GET",
    path: "/api/v1/year/national-export",
    query: nationalExportQuery,
    ...download,
    summary: "Xuất dữ liệu gửi Cơ sở dữ liệu quốc gia về CBCCVC (CSV/JSON) — Điều 26.1.d",
  },
  nationalExportLog: {
    method: "GET",
    path: "/api/v1/year/national-exports",
    query: nationalExportLogQuery,
    response: page(nationalExportLogSchema),
    summary: "Nhật ký dữ liệu đã xuất gửi Cơ sở dữ liệu quốc gia",
  },

  agencyYearDashboard: {
    method: "GET",
    path: "/api/v1/dashboards/agency",
    query: agencyYearQuery,
    response: agencyYearDashboardSchema,
    summary: "Bảng điều khiển của cơ quan: phân bố mức, xu hướng, so sánh đơn vị, chậm đánh giá",
  },
  provinceYearDashboard: {
    method: "GET",
    path: "/api/v1/dashboards/province",
    query: provinceYearDashboardQuery,
    response: provinceYearDashboardSchema,
    summary: "Bảng điều khiển toàn tỉnh: các cơ quan trên một trang",
  },
});
