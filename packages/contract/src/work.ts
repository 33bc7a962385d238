import { generalSubCriterionCodes, levels } from "@thuocdo/core";
import { z } from "zod";
import { idSchema, okSchema, optionalText, page, trimmed } from "./common.ts";
import { define, idParams } from "./endpoint.ts";
import { storedFileSchema } from "./files.ts";
import { limits } from "./limits.ts";
import { leaderRoles } from "./org.ts";

/**
 * The monthly civil-servant cycle (Decree 335 Art. 14–18; DESIGN §5): agency settings, periods,
 * assignments, deliveries, reviews, self-evaluation, confirmation, lock/reopen, read models and
 * in-app notifications. Dates travel as ISO `YYYY-MM-DD` (the web shows dd/mm/yyyy); quantities,
 * coefficients and scores as JSON numbers (the server computes on exact rationals).
 */

export const isoDate = z.iso.date();

/** A quantity with at most 4 decimals (the database scale), positive. */
export const quantitySchema = z
  .number()
  .positive()
  .max(1_000_000)
  .refine((v) => Math.round(v * 10_000) / 10_000 === v, { message: "Số lượng có tối đa 4 chữ số thập phân." });

/* ───────────── Agency settings ───────────── */

export const periodKinds = ["month", "quarter"] as const;
export type PeriodKind = (typeof periodKinds)[number];

export const agencySettingsSchema = z.object({
  agencyId: idSchema,
  periodKind: z.enum(periodKinds),
  /** Day of the period's last month by which staff self-evaluate (default 25). */
  selfEvaluationDay: z.number().int(),
  /** Day of the period's last month by which managers review and confirm (default 28). */
  reviewDay: z.number().int(),
  /** Day of the month after the period by which the period locks (default 5). */
  lockDay: z.number().int(),
  headConfirmRequired: z.boolean(),
  /** "YYYY-MM" or null. */
  firstScoredMonth: z.string().nullable(),
  /** 0 while the agency still runs on the defaults (no row yet). */
  version: z.number().int(),
});
export type AgencySettings = z.infer<typeof agencySettingsSchema>;

export const updateAgencySettingsBody = z.object({
  version: z.number().int(),
  periodKind: z.enum(periodKinds).optional(),
  selfEvaluationDay: z.number().int().min(1).max(28).optional(),
  reviewDay: z.number().int().min(1).max(28).optional(),
  lockDay: z.number().int().min(1).max(28).optional(),
  headConfirmRequired: z.boolean().optional(),
  firstScoredMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .nullable()
    .optional(),
});

/* ───────────── Periods ───────────── */

export const periodStatuses = ["open", "locked"] as const;
export type PeriodStatus = (typeof periodStatuses)[number];

export const periodSchema = z.object({
  id: idSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  kind: z.enum(periodKinds),
  year: z.number().int(),
  /** Month 1–12 or quarter 1–4. */
  number: z.number().int(),
  /** "Tháng 6/2026" or "Quý II/2026". */
  label: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  selfEvaluationDue: isoDate,
  reviewDue: isoDate,
  lockDue: isoDate,
  catalogId: idSchema.nullable(),
  ruleSetVersion: z.string(),
  status: z.enum(periodStatuses),
  lockedAt: z.string().nullable(),
  lockedByName: z.string().nullable(),
  version: z.number().int(),
});
export type Period = z.infer<typeof periodSchema>;

export const periodsQuery = z.object({
  agencyId: idSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(periodStatuses).optional(),
  sort: z.enum(["startsOn", "status"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

export const openPeriodBody = z.object({
  agencyId: idSchema,
  year: z.number().int().min(2000).max(2100),
  /** Month 1–12 (monthly agencies) or quarter 1–4 (quarterly), per the agency's settings. */
  number: z.number().int().min(1).max(12),
});

export const lockPeriodBody = z.object({
  version: z.number().int(),
  /** Lock although some evaluations are not confirmed; needs `reason`. */
  force: z.boolean().default(false),
  reason: optionalText(limits.noteMax),
});

export const reopenPeriodBody = z.object({
  version: z.number().int(),
  reason: trimmed(limits.noteMax),
});

/* ───────────── Assignments ───────────── */

export const assignmentSources = ["planned", "adhoc", "taken_over"] as const;
export type AssignmentSourceCode = (typeof assignmentSources)[number];

export const reviewStatuses = ["pending", "passed", "failed"] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const reviewEventKinds = ["review_pass", "review_fail", "excuse_failure", "excuse_delay", "extension"] as const;
export type ReviewEventKind = (typeof reviewEventKinds)[number];

export const reviewEventSchema = z.object({
  id: idSchema,
  kind: z.enum(reviewEventKinds),
  deliveryId: idSchema.nullable(),
  note: z.string().nullable(),
  /** Excuses: who (person or body) confirmed the objective cause. */
  confirmedBy: z.string().nullable(),
  newDeadline: isoDate.nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type ReviewEvent = z.infer<typeof reviewEventSchema>;

export const deliverySchema = z.object({
  id: idSchema,
  assignmentId: idSchema,
  quantity: z.number(),
  deliveredOn: isoDate,
  documentNumber: z.string().nullable(),
  link: z.string().nullable(),
  note: z.string().nullable(),
  files: z.array(storedFileSchema),
  /** Deadline in force when delivered (original or latest extension). */
  deadline: isoDate.nullable(),
  /** Calendar days after the deadline in force; 0 when on time. */
  daysLate: z.number().int(),
  delays: z.number().int(),
  excusedDelays: z.number().int(),
  failedReviews: z.number().int(),
  excusedFailedReviews: z.number().int(),
  reviewStatus: z.enum(reviewStatuses),
  events: z.array(reviewEventSchema),
  recordedAt: z.string(),
  version: z.number().int(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const assignmentSchema = z.object({
  id: idSchema,
  periodId: idSchema,
  personId: idSchema,
  personName: z.string(),
  unitId: idSchema,
  unitName: z.string(),
  catalogItemId: idSchema.nullable(),
  itemCode: z.string(),
  itemName: z.string(),
  coefficient: z.number(),
  quantity: z.number(),
  /** quantity × coefficient. */
  converted: z.number(),
  source: z.enum(assignmentSources),
  deadline: isoDate.nullable(),
  /** Latest extension, if any. */
  extendedDeadline: isoDate.nullable(),
  handedBack: z.number(),
  handedBackReason: z.string().nullable(),
  teamGroupId: idSchema.nullable(),
  note: z.string().nullable(),
  deliveredQuantity: z.number(),
  /** quantity − handedBack − delivered. */
  remainingQuantity: z.number(),
  /** Past the deadline in force with units still to deliver (as of today). */
  overdue: z.boolean(),
  deliveries: z.array(deliverySchema),
  /** Extensions (and other events not tied to one delivery). */
  events: z.array(reviewEventSchema),
  version: z.number().int(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const assignmentsQuery = z.object({
  personId: idSchema.optional(),
  unitId: idSchema.optional(),
  source: z.enum(assignmentSources).optional(),
  q: z.string().trim().max(limits.nameMax).optional(),
  sort: z.enum(["personName", "itemCode", "deadline", "converted"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

/** Who gets the line: named people, everyone in a position (optionally within a unit), or a whole unit. */
export const assignTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("people"), personIds: z.array(idSchema).min(1).max(500) }),
  z.object({ kind: z.literal("position"), positionId: idSchema, unitId: idSchema.optional() }),
  z.object({ kind: z.literal("unit"), unitId: idSchema }),
]);

const assignLineFields = {
  catalogItemId: idSchema,
  deadline: isoDate.nullish().transform((v) => v ?? null),
  /** planned (counts in A), adhoc or taken_over (credits only, Art. 18.1.d). */
  source: z.enum(assignmentSources).default("planned"),
  note: optionalText(limits.noteMax),
};

export const createAssignmentsBody = z.object({
  target: assignTargetSchema,
  quantity: quantitySchema,
  ...assignLineFields,
});

/**
 * A team product split into shares (Art. 18.1.b): Σ share quantity × coefficient must equal the
 * product's quantity × coefficient exactly.
 */
export const createTeamAssignmentBody = z.object({
  quantity: quantitySchema,
  ...assignLineFields,
  shares: z
    .array(z.object({ personId: idSchema, quantity: quantitySchema }))
    .min(2)
    .max(100),
});

export const assignmentsResult = z.object({ items: z.array(assignmentSchema) });

export const updateAssignmentBody = z.object({
  version: z.number().int(),
  quantity: quantitySchema.optional(),
  deadline: isoDate.nullable().optional(),
  note: optionalText(limits.noteMax).optional(),
});

export const handBackBody = z.object({
  version: z.number().int(),
  /** Units handed back; they stay in A and count as not done. */
  quantity: quantitySchema,
  reason: trimmed(limits.noteMax),
});

export const extensionBody = z.object({
  version: z.number().int(),
  newDeadline: isoDate,
  reason: trimmed(limits.noteMax),
});

/* ───────────── Deliveries and reviews ───────────── */

/**
 * One delivery. Evidence: at least one file (uploaded first through POST /api/v1/files) or a
 * document number or a link.
 */
export const createDeliveryBody = z.object({
  quantity: quantitySchema,
  deliveredOn: isoDate,
  documentNumber: optionalText(limits.codeMax * 2),
  link: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullish()
    .or(z.literal(""))
    .transform((v) => (v ? v : null)),
  note: optionalText(limits.noteMax),
  fileIds: z.array(idSchema).max(20).default([]),
});

export const deliveriesQuery = z.object({
  reviewStatus: z.enum(reviewStatuses).optional(),
  personId: idSchema.optional(),
  unitId: idSchema.optional(),
  sort: z.enum(["deliveredOn", "personName", "itemCode"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

/** A delivery with the line it belongs to, for review queues. */
export const deliveryRowSchema = deliverySchema.extend({
  periodId: idSchema,
  personId: idSchema,
  personName: z.string(),
  unitName: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  coefficient: z.number(),
});
export type DeliveryRow = z.infer<typeof deliveryRowSchema>;

export const reviewBody = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("pass"), version: z.number().int(), note: optionalText(limits.noteMax) }),
  /** A major content error (Art. 14.2.b): each failure is one failed review. */
  z.object({ outcome: z.literal("fail"), version: z.number().int(), note: trimmed(limits.noteMax) }),
]);

/** An objective cause cancelling one failed review or one delay (Art. 14.2.b–c). */
export const excuseBody = z.object({
  version: z.number().int(),
  kind: z.enum(["failure", "delay"]),
  /** Who (person, title or body) confirmed the objective cause. */
  confirmedBy: trimmed(limits.nameMax),
  reason: trimmed(limits.noteMax),
});

/* ───────────── Evaluations ───────────── */

export const generalScoresSchema = z.record(z.enum(generalSubCriterionCodes), z.number().min(0).max(5));
export type GeneralScoresInput = z.infer<typeof generalScoresSchema>;

export const generalCriteriaSchema = z.array(
  z.object({
    code: z.string(),
    name: z.string(),
    max: z.number(),
    subCriteria: z.array(
      z.object({ code: z.enum(generalSubCriterionCodes), name: z.string(), max: z.number(), help: z.string() }),
    ),
  }),
);

export const evaluationStatuses = ["draft", "submitted", "confirmed", "head_confirmed"] as const;
export type EvaluationStatus = (typeof evaluationStatuses)[number];

/**
 * The computed score, or why there is none: `no_assignment` when nothing planned was assigned
 * (A = 0, a state to show, not an error). `result` is the core's plain PeriodResult with its
 * explanation (the "why is my score this?" drill-down).
 */
export const scoreSchema = z.object({
  state: z.enum(["scored", "no_assignment"]),
  total: z.number().nullable(),
  level: z.enum(levels).nullable(),
  ruleSetVersion: z.string().nullable(),
  /** Which general points the score uses. */
  generalSource: z.enum(["confirmed", "self", "none"]),
  result: z.unknown().nullable(),
});
export type Score = z.infer<typeof scoreSchema>;

export const evaluationSchema = z.object({
  id: idSchema,
  periodId: idSchema,
  personId: idSchema,
  personName: z.string(),
  unitId: idSchema,
  unitName: z.string(),
  leaderRole: z.enum(leaderRoles),
  status: z.enum(evaluationStatuses),
  selfScores: generalScoresSchema.nullable(),
  selfGeneral: z.number().nullable(),
  selfAssessment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  confirmedScores: generalScoresSchema.nullable(),
  confirmedGeneral: z.number().nullable(),
  managerComment: z.string().nullable(),
  /** đ and e (heads and deputies): 1 or 0.5. */
  organizing: z.number().nullable(),
  organizingReason: z.string().nullable(),
  unity: z.number().nullable(),
  unityReason: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  headConfirmedByName: z.string().nullable(),
  headConfirmedAt: z.string().nullable(),
  score: scoreSchema,
  periodStatus: z.enum(periodStatuses),
  /** What the caller may do now (the server checks again). */
  can: z.object({ selfEvaluate: z.boolean(), confirm: z.boolean(), headConfirm: z.boolean() }),
  version: z.number().int(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const selfEvaluationBody = z.object({
  /** Omit (or 0) for the first submission; the evaluation's version afterwards. */
  version: z.number().int().optional(),
  scores: generalScoresSchema,
  selfAssessment: trimmed(limits.noteMax),
});

const leaderPoints = z.union([z.literal(1), z.literal(0.5)]);

export const confirmEvaluationBody = z.object({
  version: z.number().int(),
  scores: generalScoresSchema,
  comment: optionalText(limits.noteMax),
  /** Heads and deputies only: đ and e; 0.5 needs a reason. */
  organizing: leaderPoints.optional(),
  organizingReason: optionalText(limits.noteMax),
  unity: leaderPoints.optional(),
  unityReason: optionalText(limits.noteMax),
});

export const headConfirmBody = z.object({
  version: z.number().int(),
  comment: optionalText(limits.noteMax),
});

export const periodPersonParams = z.object({ id: idSchema, personId: idSchema });

/* ───────────── Read models ───────────── */

export const myMonthQuery = z.object({ periodId: idSchema.optional() });

export const deadlineSchema = z.object({
  kind: z.enum(["self_evaluation", "review", "lock"]),
  due: isoDate,
  /** Past due and not done (for the caller). */
  overdue: z.boolean(),
});

export const myMonthSchema = z.object({
  personId: idSchema,
  personName: z.string(),
  /** null when the agency has no period open yet. */
  period: periodSchema.nullable(),
  /** The agency's periods, newest first, to switch month. */
  periods: z.array(periodSchema.pick({ id: true, label: true, status: true, year: true, number: true, kind: true })),
  assignments: z.array(assignmentSchema),
  summary: z.object({
    assignedConverted: z.number(),
    deliveredConverted: z.number(),
    lines: z.number().int(),
    done: z.number().int(),
    late: z.number().int(),
    failed: z.number().int(),
    waitingReview: z.number().int(),
    overdue: z.number().int(),
  }),
  deadlines: z.array(deadlineSchema),
  evaluation: evaluationSchema.nullable(),
});
export type MyMonth = z.infer<typeof myMonthSchema>;

export const historyQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const historyRowSchema = z.object({
  periodId: idSchema,
  label: z.string(),
  kind: z.enum(periodKinds),
  year: z.number().int(),
  number: z.number().int(),
  status: z.enum(evaluationStatuses),
  periodStatus: z.enum(periodStatuses),
  total: z.number().nullable(),
  level: z.enum(levels).nullable(),
});
export type HistoryRow = z.infer<typeof historyRowSchema>;
export const historySchema = z.object({ items: z.array(historyRowSchema) });

export const boardQuery = z.object({
  /** The division; defaults to the manager's own unit. */
  unitId: idSchema.optional(),
  q: z.string().trim().max(limits.nameMax).optional(),
  sort: z.enum(["personName", "assignedConverted", "total", "status"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

export const boardRowSchema = z.object({
  personId: idSchema,
  personName: z.string(),
  positionName: z.string().nullable(),
  leaderRole: z.enum(leaderRoles),
  evaluationId: idSchema.nullable(),
  /** A (planned, converted) — compare with the unit's median for commensurate load. */
  assignedConverted: z.number(),
  extraConverted: z.number(),
  deliveredConverted: z.number(),
  lines: z.number().int(),
  waitingReview: z.number().int(),
  failed: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  selfEvaluated: z.boolean(),
  status: z.enum(evaluationStatuses),
  total: z.number().nullable(),
  level: z.enum(levels).nullable(),
  scoreState: z.enum(["scored", "no_assignment"]),
});
export type BoardRow = z.infer<typeof boardRowSchema>;

export const overdueItemSchema = z.object({
  kind: z.enum(["delivery", "review", "self_evaluation", "confirmation"]),
  personId: idSchema,
  personName: z.string(),
  assignmentId: idSchema.nullable(),
  deliveryId: idSchema.nullable(),
  itemCode: z.string().nullable(),
  due: isoDate,
});

export const boardSchema = z.object({
  period: periodSchema,
  unitId: idSchema,
  unitName: z.string(),
  /** Median of everyone's A in the unit (all rows, not just this page). */
  medianAssignedConverted: z.number(),
  totals: z.object({
    people: z.number().int(),
    waitingReview: z.number().int(),
    notSelfEvaluated: z.number().int(),
    confirmed: z.number().int(),
  }),
  items: z.array(boardRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  overdue: z.array(overdueItemSchema),
});
export type Board = z.infer<typeof boardSchema>;

/* ───────────── Notifications ───────────── */

export const notificationKinds = [
  "assigned",
  "delivery_waiting_review",
  "reviewed",
  "self_evaluation_submitted",
  "confirmed",
  "head_confirmed",
  "reopened",
  "locked",
  "reminder",
  "classification_published",
  "petition_filed",
  "petition_answered",
] as const;

export const notificationSchema = z.object({
  id: idSchema,
  kind: z.enum(notificationKinds),
  title: z.string(),
  body: z.string().nullable(),
  /** A web path, e.g. "/thang-nay?periodId=…". */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationsQuery = z.object({
  unreadOnly: z.union([z.boolean(), z.stringbool()]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(20),
});

export const notificationsPage = page(notificationSchema).extend({ unread: z.number().int() });

/* ───────────── Endpoints ───────────── */

export const workEndpoints = define({
  getAgencySettings: {
    method: "GET",
    path: "/api/v1/work/settings/:id",
    params: idParams,
    response: agencySettingsSchema,
    summary: "Cấu hình kỳ đánh giá của cơ quan",
  },
  updateAgencySettings: {
    method: "PUT",
    path: "/api/v1/work/settings/:id",
    params: idParams,
    body: updateAgencySettingsBody,
    response: agencySettingsSchema,
    summary: "Sửa cấu hình kỳ đánh giá (tháng/quý, hạn)",
  },

  listPeriods: {
    method: "GET",
    path: "/api/v1/work/periods",
    query: periodsQuery,
    response: page(periodSchema),
    summary: "Các kỳ theo dõi, đánh giá",
  },
  getPeriod: {
    method: "GET",
    path: "/api/v1/work/periods/:id",
    params: idParams,
    response: periodSchema,
    summary: "Một kỳ theo dõi, đánh giá",
  },
  openPeriod: {
    method: "POST",
    path: "/api/v1/work/periods",
    body: openPeriodBody,
    response: periodSchema,
    summary: "Mở kỳ theo dõi, đánh giá (tháng/quý)",
  },
  lockPeriod: {
    method: "POST",
    path: "/api/v1/work/periods/:id/lock",
    params: idParams,
    body: lockPeriodBody,
    response: periodSchema,
    summary: "Khóa kỳ đánh giá",
  },
  reopenPeriod: {
    method: "POST",
    path: "/api/v1/work/periods/:id/reopen",
    params: idParams,
    body: reopenPeriodBody,
    response: periodSchema,
    summary: "Mở lại kỳ đã khóa (có lý do)",
  },

  listAssignments: {
    method: "GET",
    path: "/api/v1/work/periods/:id/assignments",
    params: idParams,
    query: assignmentsQuery,
    response: page(assignmentSchema),
    summary: "Nhiệm vụ được giao trong kỳ",
  },
  createAssignments: {
    method: "POST",
    path: "/api/v1/work/periods/:id/assignments",
    params: idParams,
    body: createAssignmentsBody,
    response: assignmentsResult,
    summary: "Giao sản phẩm cho một người hoặc theo vị trí, đơn vị",
  },
  createTeamAssignment: {
    method: "POST",
    path: "/api/v1/work/periods/:id/team-assignments",
    params: idParams,
    body: createTeamAssignmentBody,
    response: assignmentsResult,
    summary: "Giao sản phẩm tập thể, chia phần cho từng người (Điều 18.1.b)",
  },
  updateAssignment: {
    method: "PATCH",
    path: "/api/v1/work/assignments/:id",
    params: idParams,
    body: updateAssignmentBody,
    response: assignmentSchema,
    summary: "Sửa nhiệm vụ được giao",
  },
  deleteAssignment: {
    method: "DELETE",
    path: "/api/v1/work/assignments/:id",
    params: idParams,
    response: okSchema,
    summary: "Xóa nhiệm vụ chưa có sản phẩm",
  },
  handBackAssignment: {
    method: "POST",
    path: "/api/v1/work/assignments/:id/hand-back",
    params: idParams,
    body: handBackBody,
    response: assignmentSchema,
    summary: "Trả lại nhiệm vụ (vẫn tính trong tổng được giao, coi như không hoàn thành)",
  },
  extendDeadline: {
    method: "POST",
    path: "/api/v1/work/assignments/:id/extension",
    params: idParams,
    body: extensionBody,
    response: assignmentSchema,
    summary: "Gia hạn thời hạn",
  },

  createDelivery: {
    method: "POST",
    path: "/api/v1/work/assignments/:id/deliveries",
    params: idParams,
    body: createDeliveryBody,
    response: deliverySchema,
    summary: "Ghi nhận sản phẩm hoàn thành kèm minh chứng",
  },
  deleteDelivery: {
    method: "DELETE",
    path: "/api/v1/work/deliveries/:id",
    params: idParams,
    response: okSchema,
    summary: "Xóa sản phẩm chưa được đánh giá",
  },
  listDeliveries: {
    method: "GET",
    path: "/api/v1/work/periods/:id/deliveries",
    params: idParams,
    query: deliveriesQuery,
    response: page(deliveryRowSchema),
    summary: "Sản phẩm hoàn thành trong kỳ (hàng chờ đánh giá)",
  },
  reviewDelivery: {
    method: "POST",
    path: "/api/v1/work/deliveries/:id/review",
    params: idParams,
    body: reviewBody,
    response: deliverySchema,
    summary: "Đánh giá chất lượng sản phẩm: đạt / chưa đạt",
  },
  excuseDelivery: {
    method: "POST",
    path: "/api/v1/work/deliveries/:id/excuse",
    params: idParams,
    body: excuseBody,
    response: deliverySchema,
    summary: "Xác nhận nguyên nhân khách quan (miễn trừ lỗi hoặc chậm)",
  },

  generalCriteria: {
    method: "GET",
    path: "/api/v1/evaluations/general-criteria",
    response: generalCriteriaSchema,
    summary: "Tiêu chí chung (Mẫu 01, Phụ lục I)",
  },
  myMonth: {
    method: "GET",
    path: "/api/v1/me/month",
    query: myMonthQuery,
    response: myMonthSchema,
    summary: "Tháng này của tôi",
  },
  myHistory: {
    method: "GET",
    path: "/api/v1/me/history",
    query: historyQuery,
    response: historySchema,
    summary: "Kết quả các kỳ của tôi",
  },
  submitSelfEvaluation: {
    method: "PUT",
    path: "/api/v1/work/periods/:id/self-evaluation",
    params: idParams,
    body: selfEvaluationBody,
    response: evaluationSchema,
    summary: "Tự đánh giá, chấm điểm tiêu chí chung",
  },
  getPersonEvaluation: {
    method: "GET",
    path: "/api/v1/work/periods/:id/people/:personId/evaluation",
    params: periodPersonParams,
    response: evaluationSchema,
    summary: "Phiếu đánh giá của một công chức trong kỳ (kèm giải trình điểm)",
  },
  getEvaluation: {
    method: "GET",
    path: "/api/v1/evaluations/:id",
    params: idParams,
    response: evaluationSchema,
    summary: "Phiếu đánh giá (kèm giải trình điểm)",
  },
  confirmEvaluation: {
    method: "POST",
    path: "/api/v1/evaluations/:id/confirm",
    params: idParams,
    body: confirmEvaluationBody,
    response: evaluationSchema,
    summary: "Nhận xét, xác nhận điểm tiêu chí chung (và đ, e với lãnh đạo)",
  },
  headConfirmEvaluation: {
    method: "POST",
    path: "/api/v1/evaluations/:id/head-confirm",
    params: idParams,
    body: headConfirmBody,
    response: evaluationSchema,
    summary: "Người đứng đầu xác nhận kết quả",
  },
  divisionBoard: {
    method: "GET",
    path: "/api/v1/work/periods/:id/board",
    params: idParams,
    query: boardQuery,
    response: boardSchema,
    summary: "Bảng theo dõi của phòng",
  },

  listNotifications: {
    method: "GET",
    path: "/api/v1/notifications",
    query: notificationsQuery,
    response: notificationsPage,
    summary: "Thông báo của tôi",
  },
  markNotificationRead: {
    method: "POST",
    path: "/api/v1/notifications/:id/read",
    params: idParams,
    response: okSchema,
    summary: "Đánh dấu đã đọc",
  },
  markAllNotificationsRead: {
    method: "POST",
    path: "/api/v1/notifications/read-all",
    response: okSchema,
    summary: "Đánh dấu tất cả đã đọc",
  },
});

/* ───────────── Messages ───────────── */

/**
 * Vietnamese sentences for the cycle's rule violations. The server sends them as
 * `details.issues[].message` of a VALIDATION_FAILED (or IN_USE, DUPLICATE) error; `{name}` takes
 * the value of the same name.
 */
export const workMessages = {
  evidenceRequired: "Cần ít nhất một tệp minh chứng, hoặc số văn bản, hoặc đường dẫn tới sản phẩm.",
  quantityExceedsRemaining: "Số lượng vượt phần còn phải hoàn thành của nhiệm vụ ({remaining}).",
  deliveredInFuture: "Ngày hoàn thành không được sau ngày hôm nay.",
  deliveredBeforePeriod: "Ngày hoàn thành không được trước ngày bắt đầu kỳ ({startsOn}).",
  sharesMismatch: "Tổng quy đổi các phần ({shares}) phải bằng quy đổi của sản phẩm ({product}).",
  duplicateShare: "Mỗi người chỉ nhận một phần của sản phẩm tập thể.",
  catalogItemNotInForce: "Sản phẩm không thuộc danh mục đang áp dụng cho kỳ này.",
  noCatalog: "Cơ quan chưa có danh mục sản phẩm được phê duyệt áp dụng cho kỳ này.",
  personNotInAgency: "Công chức không thuộc cơ quan của kỳ đánh giá hoặc đã ngừng theo dõi.",
  noTargets: "Không có công chức nào thuộc đối tượng đã chọn trong phạm vi bạn quản lý.",
  selfAssign: "Không tự giao nhiệm vụ cho chính mình; cấp trên trực tiếp giao.",
  handBackExceeds: "Số lượng trả lại vượt phần chưa hoàn thành ({remaining}).",
  quantityBelowDone: "Số lượng giao không được nhỏ hơn phần đã hoàn thành và đã trả lại ({min}).",
  rescheduleAfterDeadline: "Thời hạn đã qua; hãy dùng chức năng gia hạn để ghi nhận thời hạn mới.",
  noDeadline: "Nhiệm vụ chưa có thời hạn nên không cần gia hạn.",
  extensionNotLater: "Thời hạn gia hạn phải sau thời hạn đang áp dụng ({deadline}).",
  alreadyPassed: "Sản phẩm đã được đánh giá đạt.",
  nothingToExcuse: "Không còn lần chưa đạt hoặc chậm tiến độ nào chưa được miễn trừ.",
  deliveryReviewed: "Sản phẩm đã được đánh giá nên không xóa được.",
  assignmentHasDeliveries: "Nhiệm vụ đã có sản phẩm hoàn thành nên không xóa được; có thể trả lại phần chưa làm.",
  periodExists: "Kỳ này đã được mở.",
  periodNumberRange: "Cơ quan đánh giá theo quý: số kỳ chỉ từ 1 đến 4.",
  periodNotLocked: "Kỳ chưa khóa nên không cần mở lại.",
  unconfirmedRemain:
    "Còn {count} phiếu đánh giá chưa được xác nhận. Để khóa kỳ, chọn «Khóa dù chưa xác nhận đủ» và ghi lý do.",
  forceReasonRequired: "Khóa kỳ khi còn phiếu chưa xác nhận cần ghi lý do.",
  notSubmitted: "Công chức chưa nộp phiếu tự đánh giá.",
  notConfirmed: "Phiếu chưa được cấp có thẩm quyền nhận xét, xác nhận.",
  headConfirmNotRequired: "Cơ quan không yêu cầu bước xác nhận của người đứng đầu.",
  leaderOnly: "Chỉ công chức lãnh đạo (cấp trưởng, cấp phó) có tiêu chí đ và e.",
  leaderCriteriaRequired: "Cần đánh giá tiêu chí đ (tổ chức thực hiện) và e (đoàn kết) của công chức lãnh đạo.",
  halfNeedsReason: "Mức 50% cần ghi rõ lý do.",
  scoreAboveMax: "Điểm tiêu chí {code} không được vượt quá {max}.",
  scoreMissing: "Chưa chấm điểm tiêu chí {code}.",
  noPerson: "Tài khoản chưa gắn với hồ sơ công chức.",
  alreadyConfirmed: "Phiếu đã được nhận xét, xác nhận nên không sửa tự đánh giá được nữa.",
} as const;
export type WorkMessageKey = keyof typeof workMessages;

/** Fills `{name}` placeholders of a work message. */
export function workMessage(key: WorkMessageKey, params: Record<string, string | number> = {}): string {
  return workMessages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? "—"));
}

/** Titles of in-app notices; `{name}` as above. */
export const notificationTexts = {
  assigned: "Bạn được giao {count} nhiệm vụ mới trong {period}.",
  delivery_waiting_review: "{person} vừa ghi nhận sản phẩm «{item}» chờ đánh giá.",
  reviewed_pass: "Sản phẩm «{item}» đã được đánh giá đạt.",
  reviewed_fail: "Sản phẩm «{item}» chưa đạt: {note}",
  self_evaluation_submitted: "{person} đã nộp phiếu tự đánh giá {period}.",
  confirmed: "Phiếu đánh giá {period} của bạn đã được nhận xét, xác nhận.",
  head_confirmed: "Người đứng đầu đã xác nhận kết quả {period} của bạn.",
  reopened: "{period} đã được mở lại: {reason}",
  locked: "{period} đã khóa.",
  reminder_self_evaluation: "Ngày mai ({due}) là hạn nộp phiếu tự đánh giá {period}.",
  reminder_review: "Ngày mai ({due}) là hạn đánh giá, xác nhận {period}: còn {count} việc chờ xử lý.",
  reminder_lock: "Ngày mai ({due}) là hạn khóa {period}.",
  reminder_assignment: "Ngày mai ({due}) là hạn hoàn thành «{item}».",
  classification_published: "Kết quả xếp loại chất lượng năm {year} của bạn: {level} (Quyết định số {decision}).",
  petition_filed: "{person} gửi kiến nghị về kết quả xếp loại năm {year}; hạn trả lời {due}.",
  petition_answered: "Kiến nghị của bạn về kết quả xếp loại năm {year} đã được trả lời.",
} as const;
export type NotificationTextKey = keyof typeof notificationTexts;

export function notificationText(key: NotificationTextKey, params: Record<string, string | number> = {}): string {
  return notificationTexts[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? "—"));
}

/** "Tháng 6/2026" or "Quý II/2026". */
export function periodLabel(kind: PeriodKind, year: number, number: number): string {
  return kind === "quarter"
    ? `Quý ${["I", "II", "III", "IV"][number - 1] ?? number}/${year}`
    : `Tháng ${number}/${year}`;
}

/** Web paths the server puts in notices, so both sides agree on them. */
export const workLinks = {
  myMonth: "/thang-nay",
  board: "/bang-theo-doi",
  periods: "/ky-danh-gia",
} as const;

/* ───────────── Calendar dates ───────────── */

/** The agencies' civil time: Vietnam, UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The ISO date (YYYY-MM-DD) of an instant in Vietnam. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** An ISO date moved by whole days. */
export function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
