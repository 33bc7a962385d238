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
import { files, orgUnits, people, users } from "./schema.ts";

/**
 * The year (Decree 335 Art. 11, 19–24): records that force a level, leave, transfers, quota
 * groups, the agency's annual classification with its Art. 21 workflow and decisions, petitions,
 * the working-day calendar, the implementation report's narrative and the national-database
 * export log. Levels are never stored as a second formula: the live list is computed by
 * `packages/core`; a decision freezes what the core produced, with the rule-set version.
 */

/**
 * Kỷ luật (form, public duty), kết luận suy thoái, vụ việc tham nhũng/lãng phí in a leader's
 * unit, each with its deciding document. `countsInYear` is the year it forces not completed
 * (Art. 11.3): the effective year unless recorded otherwise with a reason.
 */
export const personRecords = pgTable(
  "person_records",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    /** The agency the violation belongs to (Art. 11.3: the old one after a transfer). */
    agencyId: text("agency_id")
      .notNull()
      .references(() => orgUnits.id),
    /** discipline | degradation | corruption_in_unit. */
    kind: text("kind").notNull(),
    /** khien_trach | canh_cao | giang_chuc | cach_chuc | buoc_thoi_viec (discipline only). */
    form: text("form"),
    publicDuty: boolean("public_duty").notNull().default(true),
    effectiveOn: date("effective_on").notNull(),
    countsInYear: integer("counts_in_year").notNull(),
    countsInYearReason: text("counts_in_year_reason"),
    documentNumber: text("document_number").notNull(),
    documentDate: date("document_date").notNull(),
    documentFileId: text("document_file_id").references(() => files.id),
    issuer: text("issuer"),
    note: text("note"),
    createdBy: text("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("person_records_person_year_idx").on(t.personId, t.countsInYear),
    index("person_records_agency_year_idx").on(t.agencyId, t.countsInYear),
  ],
);

/** Nghỉ ốm, thai sản, không lương: one row per person and month (Art. 11.2). */
export const leaveMonths = pgTable(
  "leave_months",
  {
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    year: integer("year").notNull(),
    month: integer("month").notNull(),
    /** sick | maternity | unpaid. */
    kind: text("kind").notNull(),
    note: text("note"),
    recordedBy: text("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.year, t.month] })],
);

/** Điều động, chuyển công tác: the person moved; their confirmed months follow them (Art. 19.1). */
export const transfers = pgTable(
  "transfers",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    fromAgencyId: text("from_agency_id")
      .notNull()
      .references(() => orgUnits.id),
    fromUnitId: text("from_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    toAgencyId: text("to_agency_id")
      .notNull()
      .references(() => orgUnits.id),
    toUnitId: text("to_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    effectiveOn: date("effective_on").notNull(),
    documentNumber: text("document_number"),
    documentDate: date("document_date"),
    documentFileId: text("document_file_id").references(() => files.id),
    note: text("note"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("transfers_person_idx").on(t.personId),
    index("transfers_to_agency_idx").on(t.toAgencyId),
    index("transfers_from_agency_idx").on(t.fromAgencyId),
  ],
);

/** Nhóm công chức có nhiệm vụ tương đồng (Art. 20.5): members by leader role, position, unit. */
export const quotaGroups = pgTable(
  "quota_groups",
  {
    id: text("id").primaryKey(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => orgUnits.id),
    name: text("name").notNull(),
    /** { leaderRoles: [], positionIds: [], unitIds: [] }. */
    members: jsonb("members").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("quota_groups_agency_idx").on(t.agencyId, t.sortOrder)],
);

/**
 * Đợt xếp loại: one agency's year. open → proposed (the personnel body's proposal) → decided
 * (the competent head's decision) → published. The quota rate is 20% unless a 25% exception
 * was granted (Art. 20.5.b), recorded with who granted it and the document.
 */
export const classifications = pgTable(
  "classifications",
  {
    id: text("id").primaryKey(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => orgUnits.id),
    year: integer("year").notNull(),
    status: text("status").notNull().default("open"),
    ruleSetVersion: text("rule_set_version").notNull(),
    quotaRate: numeric("quota_rate", { precision: 6, scale: 4 }).notNull(),
    rateGrantedBy: text("rate_granted_by"),
    rateDocumentNumber: text("rate_document_number"),
    rateDocumentDate: date("rate_document_date"),
    rateDocumentFileId: text("rate_document_file_id").references(() => files.id),
    /** Manual agency level (Art. 20.6) when the agency evaluation has none. */
    agencyLevel: text("agency_level"),
    agencyLevelNote: text("agency_level_note"),
    proposalNote: text("proposal_note"),
    proposalFileId: text("proposal_file_id").references(() => files.id),
    proposedBy: text("proposed_by").references(() => users.id),
    proposedAt: timestamp("proposed_at", { withTimezone: true }),
    /** The levels the personnel body proposed: { personId: level }. */
    proposalLevels: jsonb("proposal_levels"),
    openedBy: text("opened_by").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("classifications_agency_year_uq").on(t.agencyId, t.year)],
);

/** Per person of a classification: Mẫu 02 self-proposal and the Party committee's opinion. */
export const classificationPeople = pgTable(
  "classification_people",
  {
    classificationId: text("classification_id")
      .notNull()
      .references(() => classifications.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    selfProposedLevel: text("self_proposed_level"),
    selfReport: text("self_report"),
    selfProposedAt: timestamp("self_proposed_at", { withTimezone: true }),
    partyOpinion: text("party_opinion"),
    partyOpinionDate: date("party_opinion_date"),
    partyOpinionFileId: text("party_opinion_file_id").references(() => files.id),
    partyOpinionBy: text("party_opinion_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.classificationId, t.personId] })],
);

/** The head's recorded order for candidates tied at a quota cut ("agency" or a group id). */
export const tieBreaks = pgTable(
  "tie_breaks",
  {
    classificationId: text("classification_id")
      .notNull()
      .references(() => classifications.id),
    scope: text("scope").notNull(),
    order: jsonb("order").notNull(),
    reason: text("reason").notNull(),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.classificationId, t.scope] })],
);

/** Biên bản cuộc họp (Art. 21.1.b): one per meeting, at the agency or a constituent unit. */
export const classificationMinutes = pgTable(
  "classification_minutes",
  {
    id: text("id").primaryKey(),
    classificationId: text("classification_id")
      .notNull()
      .references(() => classifications.id),
    unitId: text("unit_id")
      .notNull()
      .references(() => orgUnits.id),
    meetingDate: date("meeting_date").notNull(),
    fileId: text("file_id")
      .notNull()
      .references(() => files.id),
    note: text("note"),
    uploadedBy: text("uploaded_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("classification_minutes_idx").on(t.classificationId)],
);

/**
 * Quyết định xếp loại. A re-classification (Art. 21.3) is a new row replacing the active one
 * (`replacesId`, `active` false on the old): history is never overwritten.
 */
export const classificationDecisions = pgTable(
  "classification_decisions",
  {
    id: text("id").primaryKey(),
    classificationId: text("classification_id")
      .notNull()
      .references(() => classifications.id),
    number: text("number").notNull(),
    date: date("date").notNull(),
    signer: text("signer"),
    fileId: text("file_id").references(() => files.id),
    replacesId: text("replaces_id"),
    reason: text("reason"),
    petitionId: text("petition_id"),
    active: boolean("active").notNull().default(true),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [index("classification_decisions_idx").on(t.classificationId, t.active)],
);

/** What a decision decided, per person, frozen from the core's result (the source of exports). */
export const decisionResults = pgTable(
  "decision_results",
  {
    decisionId: text("decision_id")
      .notNull()
      .references(() => classificationDecisions.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    agencyId: text("agency_id")
      .notNull()
      .references(() => orgUnits.id),
    year: integer("year").notNull(),
    unitId: text("unit_id")
      .notNull()
      .references(() => orgUnits.id),
    fullName: text("full_name").notNull(),
    unitName: text("unit_name").notNull(),
    title: text("title"),
    leaderRole: text("leader_role").notNull(),
    level: text("level").notNull(),
    average: numeric("average", { precision: 12, scale: 6 }),
    /** The exact average as "p/q" (numeric keeps 6 decimals only). */
    averageExact: text("average_exact"),
    monthsCounted: integer("months_counted").notNull(),
    months: jsonb("months").notNull(),
    reasons: jsonb("reasons").notNull(),
    ruleSetVersion: text("rule_set_version").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.decisionId, t.personId] }),
    index("decision_results_agency_year_idx").on(t.agencyId, t.year),
  ],
);

/** Kiến nghị (Art. 22): due 7 working days after receipt. */
export const petitions = pgTable(
  "petitions",
  {
    id: text("id").primaryKey(),
    classificationId: text("classification_id")
      .notNull()
      .references(() => classifications.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    content: text("content").notNull(),
    fileId: text("file_id").references(() => files.id),
    receivedOn: date("received_on").notNull(),
    dueOn: date("due_on").notNull(),
    /** pending | answered. */
    status: text("status").notNull().default("pending"),
    /** accepted | rejected. */
    outcome: text("outcome"),
    answer: text("answer"),
    answerFileId: text("answer_file_id").references(() => files.id),
    answeredOn: date("answered_on"),
    answeredBy: text("answered_by").references(() => users.id),
    decisionId: text("decision_id").references(() => classificationDecisions.id),
    filedBy: text("filed_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("petitions_classification_idx").on(t.classificationId, t.status),
    index("petitions_person_idx").on(t.personId),
  ],
);

/**
 * Days off corrected by hr. A year with rows here replaces the built-in calendar of
 * `packages/core` for that year; a year without rows uses the built-in one.
 */
export const publicHolidays = pgTable(
  "public_holidays",
  {
    date: date("date").primaryKey(),
    year: integer("year").notNull(),
    name: text("name").notNull(),
    /** holiday | compensatory | tet. */
    kind: text("kind").notNull(),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("public_holidays_year_idx").on(t.year)],
);

/** Editable narrative sections of the agency's implementation report to Sở Nội vụ. */
export const reportNarratives = pgTable(
  "report_narratives",
  {
    agencyId: text("agency_id")
      .notNull()
      .references(() => orgUnits.id),
    year: integer("year").notNull(),
    documentNumber: text("document_number"),
    recipient: text("recipient"),
    sections: jsonb("sections").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
);

/** What was exported for the national cadre database (Art. 26.1.d), when and by whom. */
export const nationalExports = pgTable(
  "national_exports",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => orgUnits.id),
    year: integer("year").notNull(),
    month: integer("month"),
    kind: text("kind").notNull(),
    format: text("format").notNull(),
    rows: integer("rows").notNull(),
    sha256: text("sha256").notNull(),
    schemaVersion: text("schema_version").notNull(),
    exportedBy: text("exported_by").references(() => users.id),
    exportedAt: timestamp("exported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("national_exports_agency_year_idx").on(t.agencyId, t.year)],
);
