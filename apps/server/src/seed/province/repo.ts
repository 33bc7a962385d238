import { eq, like, sql } from "drizzle-orm";
import { unnestInsert } from "../../db/bulk.ts";
import type { Db } from "../../db/database.ts";
import { orgUnits } from "../../db/schema.ts";
import type { MonthRows } from "./shape.ts";

/** Bulk writes of the province generator: one `insert … unnest` per table and batch. */

export async function unitExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, id)).limit(1);
  return Boolean(row);
}

export interface UnitRow {
  id: string;
  parentId: string | null;
  kind: string;
  code: string | null;
  name: string;
  path: string;
  sortOrder: number;
}

export const insertUnits = (db: Db, rows: readonly UnitRow[]) =>
  unnestInsert<UnitRow>(
    db,
    "org_units",
    [
      ["id", "text", (r) => r.id],
      ["parent_id", "text", (r) => r.parentId],
      ["kind", "text", (r) => r.kind],
      ["code", "text", (r) => r.code],
      ["name", "text", (r) => r.name],
      ["path", "text", (r) => r.path],
      ["sort_order", "int", (r) => r.sortOrder],
    ],
    rows,
  );

export interface PersonRow {
  id: string;
  employeeCode: string;
  fullName: string;
  searchText: string;
  unitId: string;
  agencyId: string;
  leaderRole: string;
}

export const insertPeople = (db: Db, rows: readonly PersonRow[]) =>
  unnestInsert<PersonRow>(
    db,
    "people",
    [
      ["id", "text", (r) => r.id],
      ["employee_code", "text", (r) => r.employeeCode],
      ["full_name", "text", (r) => r.fullName],
      ["search_text", "text", (r) => r.searchText],
      ["unit_id", "text", (r) => r.unitId],
      ["agency_id", "text", (r) => r.agencyId],
      ["leader_role", "text", (r) => r.leaderRole],
    ],
    rows,
  );

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  personId: string | null;
}

export const insertUsers = (db: Db, rows: readonly UserRow[]) =>
  unnestInsert<UserRow>(
    db,
    "users",
    [
      ["id", "text", (r) => r.id],
      ["username", "text", (r) => r.username],
      ["display_name", "text", (r) => r.displayName],
      ["password_hash", "text", (r) => r.passwordHash],
      ["person_id", "text", (r) => r.personId],
    ],
    rows,
  );

export interface GrantRow {
  id: string;
  userId: string;
  role: string;
  orgUnitId: string;
}

export const insertGrants = (db: Db, rows: readonly GrantRow[]) =>
  unnestInsert<GrantRow>(
    db,
    "grants",
    [
      ["id", "text", (r) => r.id],
      ["user_id", "text", (r) => r.userId],
      ["role", "text", (r) => r.role],
      ["org_unit_id", "text", (r) => r.orgUnitId],
    ],
    rows,
  );

export interface CatalogRow {
  id: string;
  agencyId: string;
  name: string;
  standardPoints: string;
  decisionNumber: string;
  decisionDate: string;
  effectiveFrom: string;
}

export const insertCatalogs = (db: Db, rows: readonly CatalogRow[]) =>
  unnestInsert<CatalogRow>(
    db,
    "catalogs",
    [
      ["id", "text", (r) => r.id],
      ["agency_id", "text", (r) => r.agencyId],
      ["version_no", "int", () => 1],
      ["name", "text", (r) => r.name],
      ["standard_unit_name", "text", () => "Sản phẩm tiêu chuẩn"],
      ["standard_points", "numeric", (r) => r.standardPoints],
      ["status", "text", () => "approved"],
      ["decision_number", "text", (r) => r.decisionNumber],
      ["decision_date", "date", (r) => r.decisionDate],
      ["effective_from", "date", (r) => r.effectiveFrom],
    ],
    rows,
  );

export interface CatalogItemRow {
  id: string;
  catalogId: string;
  code: string;
  task: string;
  output: string;
  complexityGroup: string;
  points: string;
  searchText: string;
  sortOrder: number;
}

export const insertCatalogItems = (db: Db, rows: readonly CatalogItemRow[]) =>
  unnestInsert<CatalogItemRow>(
    db,
    "catalog_items",
    [
      ["id", "text", (r) => r.id],
      ["catalog_id", "text", (r) => r.catalogId],
      ["section", "text", () => "shared"],
      ["code", "text", (r) => r.code],
      ["task", "text", (r) => r.task],
      ["output", "text", (r) => r.output],
      ["complexity_group", "text", (r) => r.complexityGroup],
      ["points", "numeric", (r) => r.points],
      ["search_text", "text", (r) => r.searchText],
      ["sort_order", "int", (r) => r.sortOrder],
    ],
    rows,
  );

export const insertSettings = (db: Db, agencyIds: readonly string[], firstScoredMonth: string) =>
  unnestInsert<string>(
    db,
    "agency_settings",
    [
      ["agency_id", "text", (id) => id],
      ["first_scored_month", "text", () => firstScoredMonth],
    ],
    agencyIds,
  );

type Period = MonthRows["period"];
type Assignment = MonthRows["assignments"][number];
type Delivery = MonthRows["deliveries"][number];
type Evaluation = MonthRows["evaluations"][number];

export const insertPeriods = (db: Db, rows: readonly Period[]) =>
  unnestInsert<Period>(
    db,
    "periods",
    [
      ["id", "text", (r) => r.id],
      ["agency_id", "text", (r) => r.agencyId],
      ["kind", "text", (r) => r.kind],
      ["year", "int", (r) => r.year],
      ["number", "int", (r) => r.number],
      ["starts_on", "date", (r) => r.startsOn],
      ["ends_on", "date", (r) => r.endsOn],
      ["self_evaluation_due", "date", (r) => r.selfEvaluationDue],
      ["review_due", "date", (r) => r.reviewDue],
      ["lock_due", "date", (r) => r.lockDue],
      ["catalog_id", "text", (r) => r.catalogId],
      ["rule_set_version", "text", (r) => r.ruleSetVersion],
      ["status", "text", (r) => r.status],
    ],
    rows,
  );

export const insertAssignments = (db: Db, rows: readonly Assignment[]) =>
  unnestInsert<Assignment>(
    db,
    "assignments",
    [
      ["id", "text", (r) => r.id],
      ["period_id", "text", (r) => r.periodId],
      ["person_id", "text", (r) => r.personId],
      ["catalog_item_id", "text", (r) => r.catalogItemId],
      ["item_code", "text", (r) => r.itemCode],
      ["item_name", "text", (r) => r.itemName],
      ["coefficient", "numeric", (r) => r.coefficient],
      ["quantity", "numeric", (r) => r.quantity],
      ["source", "text", (r) => r.source],
      ["deadline", "date", (r) => r.deadline],
    ],
    rows,
  );

export const insertDeliveries = (db: Db, rows: readonly Delivery[]) =>
  unnestInsert<Delivery>(
    db,
    "deliveries",
    [
      ["id", "text", (r) => r.id],
      ["assignment_id", "text", (r) => r.assignmentId],
      ["quantity", "numeric", (r) => r.quantity],
      ["delivered_on", "date", (r) => r.deliveredOn],
      ["document_number", "text", (r) => r.documentNumber],
      ["delays", "int", (r) => r.delays],
      ["failed_reviews", "int", (r) => r.failedReviews],
      ["review_status", "text", (r) => r.reviewStatus],
    ],
    rows,
  );

export const insertEvaluations = (db: Db, rows: readonly Evaluation[]) =>
  unnestInsert<Evaluation>(
    db,
    "evaluations",
    [
      ["id", "text", (r) => r.id],
      ["period_id", "text", (r) => r.periodId],
      ["person_id", "text", (r) => r.personId],
      ["unit_id", "text", (r) => r.unitId],
      ["leader_role", "text", (r) => r.leaderRole],
      ["status", "text", (r) => r.status],
      ["self_scores", "jsonb", (r) => (r.selfScores ? JSON.stringify(r.selfScores) : null)],
      ["self_assessment", "text", (r) => r.selfAssessment],
      ["confirmed_scores", "jsonb", (r) => (r.confirmedScores ? JSON.stringify(r.confirmedScores) : null)],
    ],
    rows,
  );

export const unitsUnder = (db: Db, pathPrefix: string) =>
  db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(like(orgUnits.path, `${pathPrefix}%`));

/**
 * Fresh statistics after a bulk load: until autovacuum gets to it, the planner believes the new
 * tables are empty and scans 3.6 million deliveries for each period's few thousand.
 */
export async function analyze(db: Db): Promise<void> {
  await db.execute(sql`analyze`);
}
