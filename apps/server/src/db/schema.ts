import { sql } from "drizzle-orm";
import {
  bigserial,
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

/**
 * The database schema. Tables follow the glossary of DESIGN.md §2; ids are
 * text so demo data can keep stable, readable ids. Every mutable row carries
 * `version` for optimistic concurrency.
 */

/** Cơ quan, tổ chức, đơn vị. `path` is the chain of ids from the root ("/a/b/c/"), for subtree scopes. */
export const orgUnits = pgTable(
  "org_units",
  {
    id: text("id").primaryKey(),
    parentId: text("parent_id"),
    kind: text("kind").notNull(),
    code: text("code"),
    name: text("name").notNull(),
    path: text("path").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("org_units_parent_idx").on(t.parentId), index("org_units_path_idx").on(t.path)],
);

/** Vị trí việc làm, owned by one agency. */
export const positions = pgTable(
  "positions",
  {
    id: text("id").primaryKey(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => orgUnits.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("positions_agency_code_uq").on(t.agencyId, t.code)],
);

/** Công chức. `agencyId` is denormalised from the unit so agency-wide lists need no tree walk. */
export const people = pgTable(
  "people",
  {
    id: text("id").primaryKey(),
    employeeCode: text("employee_code"),
    fullName: text("full_name").notNull(),
    searchText: text("search_text").notNull(),
    unitId: text("unit_id")
      .notNull()
      .references(() => orgUnits.id),
    agencyId: text("agency_id")
      .notNull()
      .references(() => orgUnits.id),
    positionId: text("position_id").references(() => positions.id),
    leaderRole: text("leader_role").notNull().default("none"),
    title: text("title"),
    email: text("email"),
    phone: text("phone"),
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("people_unit_idx").on(t.unitId),
    index("people_agency_idx").on(t.agencyId),
    uniqueIndex("people_agency_code_uq").on(t.agencyId, t.employeeCode).where(sql`employee_code is not null`),
  ],
);

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  personId: text("person_id").references(() => people.id),
  active: boolean("active").notNull().default(true),
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  failedAttempts: integer("failed_attempts").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

/** A role held over an org unit and everything below it. */
export const grants = pgTable(
  "grants",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    orgUnitId: text("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("grants_user_role_unit_uq").on(t.userId, t.role, t.orgUnitId),
    index("grants_org_unit_idx").on(t.orgUnitId),
  ],
);

/** Server-side sessions; the cookie holds a token whose SHA-256 is `id`. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Failed logins by client address, for the rate limit that works across server instances. */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ip: text("ip").notNull(),
    username: text("username").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_failures_ip_at_idx").on(t.ip, t.at)],
);

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: text("actor_id"),
    actorName: text("actor_name"),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    /** Path of the org unit the change concerns, so scoped readers see only their subtree's history. */
    unitPath: text("unit_path"),
    action: text("action").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    reason: text("reason"),
  },
  (t) => [
    index("audit_entity_idx").on(t.entity, t.entityId),
    index("audit_at_idx").on(t.at),
    index("audit_unit_path_idx").on(t.unitPath),
  ],
);

/** Which one-off data loads (demo, reference) have run, so a restart never loads them twice. */
export const seedRuns = pgTable(
  "seed_runs",
  {
    name: text("name").notNull(),
    version: integer("version").notNull(),
    appliedAt: timestamp("applied_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.name, t.version] })],
);

/* ───────────────────────── Files ───────────────────────── */

/**
 * Uploaded files (evidence, scanned decisions, minutes), stored on disk under
 * DATA_DIR/files by SHA-256 and served only through authorised routes. `mime`
 * is what the content's signature says, not what the name claims.
 */
export const files = pgTable(
  "files",
  {
    id: text("id").primaryKey(),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    mime: text("mime").notNull(),
    name: text("name").notNull(),
    /** The org unit whose readers may download it. */
    unitPath: text("unit_path").notNull(),
    uploadedBy: text("uploaded_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("files_sha_idx").on(t.sha256)],
);

/* ───────────────────────── Catalogs (Art. 13) ───────────────────────── */

/**
 * Danh mục sản phẩm/công việc quy đổi of one agency: a version with its
 * approving decision. A version in use is never edited; a new one is made.
 * `standardPoints` is the standard unit's points: coefficient = points ÷ it.
 */
export const catalogs = pgTable(
  "catalogs",
  {
    id: text("id").primaryKey(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => orgUnits.id),
    versionNo: integer("version_no").notNull(),
    name: text("name").notNull(),
    standardUnitName: text("standard_unit_name").notNull(),
    standardPoints: numeric("standard_points", { precision: 12, scale: 4 }).notNull(),
    /** draft → approved (decision recorded) → superseded by a later approved version. */
    status: text("status").notNull().default("draft"),
    decisionNumber: text("decision_number"),
    decisionDate: date("decision_date"),
    decisionSigner: text("decision_signer"),
    decisionFileId: text("decision_file_id").references(() => files.id),
    effectiveFrom: date("effective_from"),
    approvedBy: text("approved_by").references(() => users.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("catalogs_agency_version_uq").on(t.agencyId, t.versionNo)],
);

export const catalogItems = pgTable(
  "catalog_items",
  {
    id: text("id").primaryKey(),
    catalogId: text("catalog_id")
      .notNull()
      .references(() => catalogs.id, { onDelete: "cascade" }),
    /** leadership | shared | division (Phụ lục II, III, IV of the Nghĩa Lâm layout). */
    section: text("section").notNull(),
    /** The division the item belongs to (section `division`), by unit when matched, and as written. */
    divisionUnitId: text("division_unit_id").references(() => orgUnits.id),
    divisionName: text("division_name"),
    code: text("code").notNull(),
    task: text("task").notNull(),
    detail: text("detail"),
    output: text("output").notNull(),
    /** N1–N5. */
    complexityGroup: text("complexity_group").notNull(),
    pointBand: text("point_band"),
    points: numeric("points", { precision: 12, scale: 4 }).notNull(),
    /** How many units of output one item counts (e.g. "10 văn bản" = 1 product). */
    unitQuantity: numeric("unit_quantity", { precision: 12, scale: 4 }).notNull().default("1"),
    note: text("note"),
    searchText: text("search_text").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [
    uniqueIndex("catalog_items_code_uq").on(t.catalogId, t.code),
    index("catalog_items_catalog_idx").on(t.catalogId, t.sortOrder),
  ],
);

/** Which products a position normally makes, by item code so the mapping survives new versions. */
export const positionItems = pgTable(
  "position_items",
  {
    positionId: text("position_id")
      .notNull()
      .references(() => positions.id, { onDelete: "cascade" }),
    itemCode: text("item_code").notNull(),
  },
  (t) => [primaryKey({ columns: [t.positionId, t.itemCode] })],
);

/** A product made outside the catalog, proposed by its maker and decided by hr (Art. 13.3). */
export const itemProposals = pgTable(
  "item_proposals",
  {
    id: text("id").primaryKey(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => orgUnits.id),
    personId: text("person_id").references(() => people.id),
    proposedBy: text("proposed_by").references(() => users.id),
    task: text("task").notNull(),
    output: text("output").notNull(),
    complexityGroup: text("complexity_group").notNull(),
    points: numeric("points", { precision: 12, scale: 4 }).notNull(),
    reason: text("reason"),
    /** pending | approved | refused. Approved ones join the next catalog version. */
    status: text("status").notNull().default("pending"),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    includedInCatalogId: text("included_in_catalog_id").references(() => catalogs.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("item_proposals_agency_idx").on(t.agencyId, t.status)],
);

/* ───────────────────────── The monthly cycle (Art. 14–18) ───────────────────────── */

/** Per-agency settings of the cycle; absent means the defaults of DESIGN.md §5. */
export const agencySettings = pgTable("agency_settings", {
  agencyId: text("agency_id")
    .primaryKey()
    .references(() => orgUnits.id),
  /** month | quarter. */
  periodKind: text("period_kind").notNull().default("month"),
  selfEvaluationDay: integer("self_evaluation_day").notNull().default(25),
  reviewDay: integer("review_day").notNull().default(28),
  /** Day of the following month by which the period locks. */
  lockDay: integer("lock_day").notNull().default(5),
  headConfirmRequired: boolean("head_confirm_required").notNull().default(false),
  /** First scored month of the agency's first year (the 2026 start), e.g. "2026-06". */
  firstScoredMonth: text("first_scored_month"),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

/** Kỳ theo dõi: a month or quarter of one agency. */
export const periods = pgTable(
  "periods",
  {
    id: text("id").primaryKey(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => orgUnits.id),
    kind: text("kind").notNull(),
    year: integer("year").notNull(),
    /** Month 1–12 or quarter 1–4. */
    number: integer("number").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    selfEvaluationDue: date("self_evaluation_due").notNull(),
    reviewDue: date("review_due").notNull(),
    lockDue: date("lock_due").notNull(),
    /** The catalog version in force for this period: a later version never changes it. */
    catalogId: text("catalog_id").references(() => catalogs.id),
    ruleSetVersion: text("rule_set_version").notNull(),
    /** open | locked. */
    status: text("status").notNull().default("open"),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    lockedBy: text("locked_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("periods_agency_kind_year_number_uq").on(t.agencyId, t.kind, t.year, t.number)],
);

/**
 * Giao nhiệm vụ: one product line assigned to one person in one period.
 * The coefficient is copied from the catalog item at assignment time so a
 * new catalog version never moves a past score. Handed-back units stay in A.
 */
export const assignments = pgTable(
  "assignments",
  {
    id: text("id").primaryKey(),
    periodId: text("period_id")
      .notNull()
      .references(() => periods.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    catalogItemId: text("catalog_item_id").references(() => catalogItems.id),
    itemCode: text("item_code").notNull(),
    itemName: text("item_name").notNull(),
    coefficient: numeric("coefficient", { precision: 14, scale: 6 }).notNull(),
    quantity: numeric("quantity", { precision: 12, scale: 4 }).notNull(),
    /** planned | adhoc | taken_over (Art. 18.1.d). */
    source: text("source").notNull().default("planned"),
    deadline: date("deadline"),
    /** The current deadline after extensions; each missed deadline counts one delay. */
    extendedDeadline: date("extended_deadline"),
    handedBack: numeric("handed_back", { precision: 12, scale: 4 }).notNull().default("0"),
    handedBackReason: text("handed_back_reason"),
    /** Shares of one team product carry the same group id (Art. 18.1.b). */
    teamGroupId: text("team_group_id"),
    note: text("note"),
    assignedBy: text("assigned_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("assignments_period_person_idx").on(t.periodId, t.personId),
    index("assignments_person_idx").on(t.personId),
  ],
);

/** Sản phẩm hoàn thành: a delivery against an assignment, with its evidence and review outcome. */
export const deliveries = pgTable(
  "deliveries",
  {
    id: text("id").primaryKey(),
    assignmentId: text("assignment_id")
      .notNull()
      .references(() => assignments.id),
    quantity: numeric("quantity", { precision: 12, scale: 4 }).notNull(),
    deliveredOn: date("delivered_on").notNull(),
    documentNumber: text("document_number"),
    link: text("link"),
    note: text("note"),
    /** Delays counted at recording time against the deadlines then in force. */
    delays: integer("delays").notNull().default(0),
    excusedDelays: integer("excused_delays").notNull().default(0),
    failedReviews: integer("failed_reviews").notNull().default(0),
    excusedFailedReviews: integer("excused_failed_reviews").notNull().default(0),
    /** pending | passed | failed (the latest review's outcome). */
    reviewStatus: text("review_status").notNull().default("pending"),
    recordedBy: text("recorded_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("deliveries_assignment_idx").on(t.assignmentId)],
);

export const deliveryFiles = pgTable(
  "delivery_files",
  {
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => deliveries.id, { onDelete: "cascade" }),
    fileId: text("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.fileId] })],
);

/**
 * One event on a delivery or assignment: a quality review (pass / fail with a
 * major content error), an objective-cause excuse of a failure or a delay
 * (who confirmed it and why), or a deadline extension.
 */
export const reviewEvents = pgTable(
  "review_events",
  {
    id: text("id").primaryKey(),
    deliveryId: text("delivery_id").references(() => deliveries.id),
    assignmentId: text("assignment_id")
      .notNull()
      .references(() => assignments.id),
    /** review_pass | review_fail | excuse_failure | excuse_delay | extension. */
    kind: text("kind").notNull(),
    note: text("note"),
    confirmedBy: text("confirmed_by"),
    newDeadline: date("new_deadline"),
    actorId: text("actor_id").references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("review_events_assignment_idx").on(t.assignmentId),
    index("review_events_delivery_idx").on(t.deliveryId),
  ],
);

/**
 * Phiếu theo dõi, đánh giá (Mẫu 01): one person's period. General points are
 * kept as the 10 sub-criteria, self-scored and confirmed; the computed score
 * is a snapshot of the core's result with its rule-set version, refreshed on
 * every change until the period locks.
 */
export const evaluations = pgTable(
  "evaluations",
  {
    id: text("id").primaryKey(),
    periodId: text("period_id")
      .notNull()
      .references(() => periods.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    unitId: text("unit_id")
      .notNull()
      .references(() => orgUnits.id),
    leaderRole: text("leader_role").notNull().default("none"),
    /** draft | submitted | confirmed | head_confirmed. The period's lock freezes all. */
    status: text("status").notNull().default("draft"),
    selfScores: jsonb("self_scores"),
    selfAssessment: text("self_assessment"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    confirmedScores: jsonb("confirmed_scores"),
    managerComment: text("manager_comment"),
    /** đ and e for leaders: 1 or 0.5; 0.5 needs a reason. */
    organizing: numeric("organizing", { precision: 4, scale: 2 }),
    organizingReason: text("organizing_reason"),
    unity: numeric("unity", { precision: 4, scale: 2 }),
    unityReason: text("unity_reason"),
    confirmedBy: text("confirmed_by").references(() => users.id),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    headConfirmedBy: text("head_confirmed_by").references(() => users.id),
    headConfirmedAt: timestamp("head_confirmed_at", { withTimezone: true }),
    total: numeric("total", { precision: 12, scale: 6 }),
    result: jsonb("result"),
    ruleSetVersion: text("rule_set_version"),
    /**
     * The score moved since the leaders whose d reads it were last scored. Most writes score their
     * maker at once and leave the leaders to `settleScores`, which runs before any read of scores.
     */
    leadersStale: boolean("leaders_stale").notNull().default(false),
    /**
     * The rows this score is made of changed and it was not scored again yet (a delivery recorded
     * in a month-end burst): `settleScores` scores it, then the leaders above it.
     */
    scoreStale: boolean("score_stale").notNull().default(false),
    /**
     * A digest of the stored total, result and rule set: a rescore that comes out the same (most of
     * a province's, most days) is recognised without sending the result back to be compared.
     */
    scoreDigest: text("score_digest"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("evaluations_period_person_uq").on(t.periodId, t.personId),
    index("evaluations_person_idx").on(t.personId),
    index("evaluations_stale_idx").on(t.periodId).where(sql`leaders_stale or score_stale`),
  ],
);

/** Mở lại kỳ: who reopened a locked period and why. */
export const periodReopenings = pgTable("period_reopenings", {
  id: text("id").primaryKey(),
  periodId: text("period_id")
    .notNull()
    .references(() => periods.id),
  reason: text("reason").notNull(),
  actorId: text("actor_id").references(() => users.id),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
});

/** In-app notices: hand-offs, reminders the day before a deadline, overdue items. */
export const notifications = pgTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    link: text("link"),
    /** Makes reminders idempotent: one notice per (user, key). */
    dedupeKey: text("dedupe_key"),
    /**
     * Notices of one kind of thing that keep coming (deliveries waiting review) are folded into the
     * user's unread notice with the same key: its count grows and it moves to the top.
     */
    groupKey: text("group_key"),
    count: integer("count").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    uniqueIndex("notifications_dedupe_uq").on(t.userId, t.dedupeKey),
    uniqueIndex("notifications_group_uq")
      .on(t.userId, t.groupKey)
      .where(sql`${t.readAt} is null and ${t.groupKey} is not null`),
  ],
);
