import type { Db } from "../../db/database.ts";
import { rescoreYear } from "../../modules/scoring/service.ts";
import { hasRun, markRun } from "../repo.ts";
import * as repo from "./repo.ts";
import {
  type AgencyShape,
  agenciesOf,
  catalogOf,
  catalogStandardPoints,
  type MonthRows,
  monthOf,
  type PersonShape,
  type ProvinceOptions,
  peopleOf,
  provinceId,
  searchTextOf,
} from "./shape.ts";

export interface Progress {
  phase: "structure" | "months" | "scores";
  done: number;
  total: number;
}

export interface GenerateResult {
  rows: Record<string, number>;
  /** Milliseconds per phase. */
  timings: Record<Progress["phase"], number>;
}

const SEED_NAME = "province-generator";
/** Rows kept in memory before a flush: a few MB, whatever the province size. */
const FLUSH_DELIVERIES = 20_000;

const loginName = (person: PersonShape) => person.id.slice(2).replace("-p", ".");

/** The grants of a generated login: own work everywhere, plus the leader's evaluating role. */
function grantsOf(agency: AgencyShape, person: PersonShape): { role: string; unit: string }[] {
  const own = [{ role: "staff", unit: person.unitId }];
  if (person.leaderRole === "none") return own;
  if (person.unitId === agency.id)
    return [...own, { role: person.leaderRole === "head" ? "head" : "manager", unit: agency.id }];
  return [...own, { role: "manager", unit: person.unitId }];
}

async function writeStructure(
  db: Db,
  options: ProvinceOptions,
  agencies: AgencyShape[],
  staffOf: ReadonlyMap<string, PersonShape[]>,
  passwordHash: string,
) {
  const rows: Record<string, number> = {};
  const count = (table: string, n: number) => {
    rows[table] = (rows[table] ?? 0) + n;
  };
  await repo.insertUnits(db, [
    {
      id: provinceId,
      parentId: null,
      kind: "province",
      code: "GEN",
      name: "Tỉnh mẫu (dữ liệu sinh)",
      path: `/${provinceId}/`,
      sortOrder: 0,
    },
  ]);
  const units = agencies.flatMap((a) => [
    { id: a.id, parentId: provinceId, kind: a.kind, code: a.code, name: a.name, path: a.path, sortOrder: a.index },
    ...a.divisions.map((d, i) => ({
      id: d.id,
      parentId: a.id,
      kind: "division",
      code: null,
      name: d.name,
      path: d.path,
      sortOrder: i,
    })),
  ]);
  await repo.insertUnits(db, units);
  count("org_units", units.length + 1);

  const catalogs = agencies.map((a) => ({ agency: a, catalog: catalogOf(a) }));
  await repo.insertCatalogs(
    db,
    catalogs.map(({ agency, catalog }) => ({
      id: catalog.id,
      agencyId: agency.id,
      name: `Danh mục sản phẩm ${agency.name}`,
      standardPoints: catalogStandardPoints,
      decisionNumber: `01/QĐ-${agency.code}`,
      decisionDate: `${options.year - 1}-12-20`,
      effectiveFrom: `${options.year}-01-01`,
    })),
  );
  const items = catalogs.flatMap(({ catalog }) =>
    catalog.items.map((item, i) => ({
      id: item.id,
      catalogId: catalog.id,
      code: item.code,
      task: item.task,
      output: item.output,
      complexityGroup: item.complexityGroup,
      points: item.points,
      searchText: searchTextOf(item.code, item.task),
      sortOrder: i,
    })),
  );
  await repo.insertCatalogItems(db, items);
  await repo.insertSettings(
    db,
    agencies.map((a) => a.id),
    `${options.year}-01`,
  );
  // The province's personnel office: reads every agency's results and the province summary.
  await repo.insertUsers(db, [
    { id: "u-g-tinh-hr", username: "tinh.hr", displayName: "Tổ chức cán bộ tỉnh", passwordHash, personId: null },
  ]);
  await repo.insertGrants(db, [{ id: "gr-g-tinh-hr", userId: "u-g-tinh-hr", role: "hr", orgUnitId: provinceId }]);
  count("users", 1);
  count("grants", 1);
  count("catalogs", catalogs.length);
  count("catalog_items", items.length);

  for (const agency of agencies) {
    const staff = staffOf.get(agency.id)!;
    await repo.insertPeople(
      db,
      staff.map((p) => ({
        id: p.id,
        employeeCode: p.code,
        fullName: p.fullName,
        searchText: searchTextOf(p.fullName, p.code),
        unitId: p.unitId,
        agencyId: agency.id,
        leaderRole: p.leaderRole,
      })),
    );
    const users = [
      ...staff.map((p) => ({
        id: `u-${p.id}`,
        username: loginName(p),
        displayName: p.fullName,
        passwordHash,
        personId: p.id,
      })),
      {
        id: `u-${agency.id}-hr`,
        username: `${agency.code.toLowerCase()}.hr`,
        displayName: `Tổ chức cán bộ ${agency.name}`,
        passwordHash,
        personId: null,
      },
    ];
    await repo.insertUsers(db, users);
    const grants = [
      ...staff.flatMap((p) =>
        grantsOf(agency, p).map((g) => ({
          id: `gr-${p.id}-${g.role}`,
          userId: `u-${p.id}`,
          role: g.role,
          orgUnitId: g.unit,
        })),
      ),
      { id: `gr-${agency.id}-hr`, userId: `u-${agency.id}-hr`, role: "hr", orgUnitId: agency.id },
    ];
    await repo.insertGrants(db, grants);
    count("people", staff.length);
    count("users", users.length);
    count("grants", grants.length);
  }
  return rows;
}

/**
 * Fills the database with a province (see shape.ts), streaming the months in batches, then
 * scores every period through the product's own scoring path. Refuses to run twice on one
 * database: the generated ids are fixed.
 */
export async function generateProvince(
  db: Db,
  options: ProvinceOptions & { concurrency: number },
  passwordHash: string,
  onProgress: (p: Progress) => void = () => {},
): Promise<GenerateResult> {
  if ((await hasRun(db, SEED_NAME, 1)) || (await repo.unitExists(db, provinceId))) {
    throw new Error(
      "Cơ sở dữ liệu này đã có tỉnh sinh sẵn; hãy dùng một cơ sở dữ liệu trống (DATA_DIR hoặc DATABASE_URL khác).",
    );
  }
  const timings = { structure: 0, months: 0, scores: 0 };
  const agencies = agenciesOf(options);

  let started = performance.now();
  onProgress({ phase: "structure", done: 0, total: 1 });
  const staffOf = new Map(agencies.map((a) => [a.id, peopleOf(options, a)]));
  const rows = await writeStructure(db, options, agencies, staffOf, passwordHash);
  onProgress({ phase: "structure", done: 1, total: 1 });
  timings.structure = performance.now() - started;

  started = performance.now();
  const catalogOfAgency = new Map(agencies.map((a) => [a.id, catalogOf(a)]));
  let buffer: MonthRows[] = [];
  const flush = async () => {
    if (buffer.length === 0) return;
    const periods = buffer.map((m) => m.period);
    const assignments = buffer.flatMap((m) => m.assignments);
    const deliveries = buffer.flatMap((m) => m.deliveries);
    const evaluations = buffer.flatMap((m) => m.evaluations);
    await db.transaction(async (tx) => {
      await repo.insertPeriods(tx, periods);
      await repo.insertAssignments(tx, assignments);
      await repo.insertDeliveries(tx, deliveries);
      await repo.insertEvaluations(tx, evaluations);
    });
    rows.periods = (rows.periods ?? 0) + periods.length;
    rows.assignments = (rows.assignments ?? 0) + assignments.length;
    rows.deliveries = (rows.deliveries ?? 0) + deliveries.length;
    rows.evaluations = (rows.evaluations ?? 0) + evaluations.length;
    buffer = [];
  };
  const total = options.months * agencies.length;
  let done = 0;
  let pending = 0;
  for (let month = 1; month <= options.months; month++) {
    for (const agency of agencies) {
      const rowsOfMonth = monthOf(
        options,
        agency,
        staffOf.get(agency.id)!,
        catalogOfAgency.get(agency.id)!,
        month,
        month === options.months,
      );
      buffer.push(rowsOfMonth);
      pending += rowsOfMonth.deliveries.length;
      if (pending >= FLUSH_DELIVERIES) {
        await flush();
        pending = 0;
      }
      onProgress({ phase: "months", done: ++done, total });
    }
  }
  await flush();
  await repo.analyze(db);
  timings.months = performance.now() - started;

  started = performance.now();
  await rescoreYear(db, options.year, {
    agencyIds: agencies.map((a) => a.id),
    concurrency: options.concurrency,
    onPeriod: (n, of) => onProgress({ phase: "scores", done: n, total: of }),
  });
  timings.scores = performance.now() - started;
  await markRun(db, SEED_NAME, 1);
  return { rows, timings };
}
