import { foldVietnamese, type PeriodKind } from "@thuocdo/contract";
import { ruleSetFor } from "@thuocdo/core";
import { periodDates } from "../../modules/work/service.ts";
import { generalScores } from "../general-scores.ts";
import { chance, intIn, pick, rngFor } from "../random.ts";

/**
 * A synthetic province for benchmarks (DESIGN §8): departments and communes with divisions,
 * civil servants with logins, one catalog per agency, and a year of monthly work. Every row is
 * drawn from `rngFor(seed, …)`, so the same options always give the same rows; nothing here
 * touches the database.
 */

export interface ProvinceOptions {
  people: number;
  agencies: number;
  months: number;
  seed: number;
  year: number;
}

export const GEN_PREFIX = "g";
export const provinceId = `${GEN_PREFIX}-province`;
/** Every generated login shares one password; its hash is computed once by the caller. */
export const GEN_PASSWORD = "ThuocDo@2026";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

const familyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"];
const middleNames = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Thanh", "Xuân", "Hồng"];
const givenNames = [
  "An",
  "Bình",
  "Châu",
  "Dũng",
  "Giang",
  "Hà",
  "Hải",
  "Hạnh",
  "Hiếu",
  "Hoa",
  "Hùng",
  "Hương",
  "Khánh",
  "Lan",
  "Linh",
  "Long",
  "Mai",
  "Nam",
  "Nga",
  "Phong",
  "Phúc",
  "Quân",
  "Sơn",
  "Tâm",
  "Thảo",
  "Trang",
  "Trung",
  "Tuấn",
  "Vân",
  "Yến",
];
const communeNames = [
  "Quảng Phú",
  "Hoằng Lộc",
  "Nga Sơn",
  "Thiệu Trung",
  "Yên Định",
  "Đông Sơn",
  "Triệu Lộc",
  "Hà Trung",
  "Vĩnh Hùng",
  "Thọ Xuân",
  "Ngọc Lặc",
  "Cẩm Thủy",
  "Thạch Thành",
  "Nông Cống",
  "Tĩnh Gia",
  "Quan Hóa",
  "Bá Thước",
  "Lang Chánh",
];
const departments = [
  "Sở Kế hoạch và Đầu tư",
  "Sở Xây dựng",
  "Sở Giáo dục và Đào tạo",
  "Sở Y tế",
  "Sở Nông nghiệp và Môi trường",
  "Sở Văn hóa, Thể thao và Du lịch",
  "Sở Khoa học và Công nghệ",
  "Sở Công Thương",
  "Thanh tra tỉnh",
  "Văn phòng UBND tỉnh",
];
const communeDivisions = [
  "Văn phòng HĐND và UBND",
  "Phòng Kinh tế",
  "Phòng Văn hóa – Xã hội",
  "Trung tâm Phục vụ hành chính công",
];
const departmentDivisions = ["Văn phòng", "Phòng Kế hoạch – Tài chính", "Phòng Quản lý chuyên ngành", "Thanh tra"];
const outputs = ["Văn bản", "Báo cáo", "Tờ trình", "Hồ sơ", "Kế hoạch", "Biên bản", "Quyết định", "Công văn"];
const tasks = [
  "Soạn thảo văn bản hành chính",
  "Tổng hợp báo cáo định kỳ",
  "Thẩm định hồ sơ",
  "Giải quyết thủ tục hành chính",
  "Tham mưu kế hoạch công tác",
  "Kiểm tra, giám sát",
  "Tiếp nhận phản ánh, kiến nghị",
  "Cập nhật cơ sở dữ liệu",
];
/** Points of the catalog's items by complexity group; the standard unit is 5 points, so coefficients stay exact. */
const itemPoints = ["2.5", "5", "5", "7.5", "10", "15"];
const groupOf: Record<string, string> = { "2.5": "N1", "5": "N2", "7.5": "N3", "10": "N4", "15": "N5" };
const STANDARD_POINTS = "5";
const ITEMS_PER_CATALOG = 40;

export interface AgencyShape {
  index: number;
  id: string;
  kind: "department" | "commune";
  code: string;
  name: string;
  path: string;
  divisions: { id: string; name: string; path: string }[];
  /** Head count, including leaders. */
  people: number;
}

/** Departments first (one in ten), then communes; head counts spread the total evenly. */
export function agenciesOf(options: ProvinceOptions): AgencyShape[] {
  const base = Math.floor(options.people / options.agencies);
  const extra = options.people % options.agencies;
  return Array.from({ length: options.agencies }, (_, i) => {
    const kind = i % 10 === 0 ? "department" : "commune";
    const code = `A${pad(i + 1, 3)}`;
    const id = `${GEN_PREFIX}-${code.toLowerCase()}`;
    const path = `/${provinceId}/${id}/`;
    const name =
      kind === "department"
        ? `${departments[(i / 10) % departments.length]}${i >= departments.length * 10 ? ` ${code}` : ""}`
        : `UBND xã ${communeNames[i % communeNames.length]} ${pad(i + 1, 3)}`;
    const names = kind === "department" ? departmentDivisions : communeDivisions;
    return {
      index: i,
      id,
      kind,
      code,
      name,
      path,
      divisions: names.map((n, d) => ({ id: `${id}-d${d + 1}`, name: n, path: `${path}${id}-d${d + 1}/` })),
      people: base + (i < extra ? 1 : 0),
    };
  });
}

export interface PersonShape {
  id: string;
  code: string;
  fullName: string;
  unitId: string;
  unitPath: string;
  leaderRole: "head" | "deputy" | "none";
  /** 0 excellent … 3 weak: how well this person delivers, drawn once for the year. */
  profile: number;
}

/**
 * The agency's people: a head and a deputy at the agency; in each division a head, a deputy
 * when it has four or more people, and staff. Profiles: about 15% excellent, 10% fair, 3% weak.
 */
export function peopleOf(options: ProvinceOptions, agency: AgencyShape): PersonShape[] {
  const rng = rngFor(options.seed, agency.id, "people");
  const out: PersonShape[] = [];
  const add = (unitId: string, unitPath: string, leaderRole: PersonShape["leaderRole"]) => {
    const n = out.length + 1;
    const roll = rng();
    out.push({
      id: `${agency.id}-p${pad(n, 4)}`,
      code: `${agency.code}-${pad(n, 4)}`,
      fullName: `${pick(rng, familyNames)} ${pick(rng, middleNames)} ${pick(rng, givenNames)}`,
      unitId,
      unitPath,
      leaderRole,
      profile: roll < 0.15 ? 0 : roll < 0.87 ? 1 : roll < 0.97 ? 2 : 3,
    });
  };
  const total = Math.max(agency.people, 2);
  add(agency.id, agency.path, "head");
  add(agency.id, agency.path, "deputy");
  const rest = total - 2;
  const divisions = agency.divisions.slice(0, Math.max(1, Math.min(agency.divisions.length, Math.ceil(rest / 4))));
  divisions.forEach((division, d) => {
    const size = Math.floor(rest / divisions.length) + (d < rest % divisions.length ? 1 : 0);
    for (let k = 0; k < size; k++) {
      const role = k === 0 ? "head" : k === 1 && size >= 4 ? "deputy" : "none";
      add(division.id, division.path, role);
    }
  });
  return out;
}

export interface CatalogItemShape {
  id: string;
  code: string;
  task: string;
  output: string;
  points: string;
  coefficient: string;
  complexityGroup: string;
}

export function catalogOf(agency: AgencyShape): { id: string; items: CatalogItemShape[] } {
  const id = `${agency.id}-cat1`;
  const rng = rngFor(agency.id, "catalog");
  const items = Array.from({ length: ITEMS_PER_CATALOG }, (_, i) => {
    const points = pick(rng, itemPoints);
    return {
      id: `${id}-i${pad(i + 1, 2)}`,
      code: `SP.${pad(i + 1, 2)}`,
      task: `${pick(rng, tasks)} (${i + 1})`,
      output: pick(rng, outputs),
      points,
      coefficient: (Number(points) / Number(STANDARD_POINTS)).toFixed(6),
      complexityGroup: groupOf[points]!,
    };
  });
  return { id, items };
}

export const catalogStandardPoints = STANDARD_POINTS;

export const searchTextOf = (...parts: (string | null | undefined)[]) =>
  foldVietnamese(parts.filter(Boolean).join(" "));

/* ───────────── A month of one agency ───────────── */

export interface MonthRows {
  period: {
    id: string;
    agencyId: string;
    kind: PeriodKind;
    year: number;
    number: number;
    startsOn: string;
    endsOn: string;
    selfEvaluationDue: string;
    reviewDue: string;
    lockDue: string;
    catalogId: string;
    ruleSetVersion: string;
    status: "open" | "locked";
  };
  assignments: {
    id: string;
    periodId: string;
    personId: string;
    catalogItemId: string;
    itemCode: string;
    itemName: string;
    coefficient: string;
    quantity: string;
    source: string;
    deadline: string;
  }[];
  deliveries: {
    id: string;
    assignmentId: string;
    quantity: string;
    deliveredOn: string;
    documentNumber: string;
    delays: number;
    failedReviews: number;
    reviewStatus: string;
  }[];
  evaluations: {
    id: string;
    periodId: string;
    personId: string;
    unitId: string;
    leaderRole: string;
    status: string;
    selfScores: Record<string, number> | null;
    selfAssessment: string | null;
    confirmedScores: Record<string, number> | null;
  }[];
}

const settings = { selfEvaluationDay: 25, reviewDay: 28, lockDay: 5 };
/** Delivery odds by profile: share of units delivered, chance of a delay, of a failed review. */
const odds = [
  { deliver: 0.99, late: 0.02, fail: 0.01, general: [28, 30] },
  { deliver: 0.9, late: 0.08, fail: 0.05, general: [24, 28] },
  { deliver: 0.65, late: 0.25, fail: 0.15, general: [20, 24] },
  { deliver: 0.4, late: 0.4, fail: 0.3, general: [15, 20] },
] as const;

/**
 * One month: ~8.5 lines of 3–5 units per person, each unit delivered on its own (≈30 deliveries a
 * person-month, DESIGN §8), some late or failing review; everyone self-scores, and the manager has
 * confirmed every month but the open one.
 */
export function monthOf(
  options: ProvinceOptions,
  agency: AgencyShape,
  staff: readonly PersonShape[],
  catalog: { id: string; items: readonly CatalogItemShape[] },
  month: number,
  open: boolean,
): MonthRows {
  const dates = periodDates("month", options.year, month, settings);
  const ruleSet = ruleSetFor({ year: options.year, month });
  if (!ruleSet.ok) throw new Error(`no rule set for ${options.year}-${month}`);
  const periodId = `${agency.id}-${options.year}-${pad(month, 2)}`;
  const rows: MonthRows = {
    period: {
      id: periodId,
      agencyId: agency.id,
      kind: "month",
      year: options.year,
      number: month,
      ...dates,
      catalogId: catalog.id,
      ruleSetVersion: ruleSet.value.id,
      status: open ? "open" : "locked",
    },
    assignments: [],
    deliveries: [],
    evaluations: [],
  };
  const day = (d: number) => `${options.year}-${pad(month, 2)}-${pad(d, 2)}`;
  for (const person of staff) {
    const rng = rngFor(options.seed, person.id, month);
    const odd = odds[person.profile]!;
    const lineCount = intIn(rng, 7, 10);
    for (let l = 0; l < lineCount; l++) {
      const item = pick(rng, catalog.items);
      const quantity = intIn(rng, 3, 5);
      const assignmentId = `${person.id}-${pad(month, 2)}-${l + 1}`;
      // Every month has a 28th: late units land between the deadline and it.
      const deadlineDay = intIn(rng, 15, 25);
      const deadline = day(deadlineDay);
      rows.assignments.push({
        id: assignmentId,
        periodId,
        personId: person.id,
        catalogItemId: item.id,
        itemCode: item.code,
        itemName: item.task,
        coefficient: item.coefficient,
        quantity: String(quantity),
        source: l === lineCount - 1 && chance(rng, 0.2) ? "adhoc" : "planned",
        deadline,
      });
      for (let u = 0; u < quantity; u++) {
        if (!chance(rng, odd.deliver)) continue;
        const late = chance(rng, odd.late);
        const failed = chance(rng, odd.fail) ? 1 : 0;
        rows.deliveries.push({
          id: `${assignmentId}-${u + 1}`,
          assignmentId,
          quantity: "1",
          deliveredOn: day(late ? intIn(rng, deadlineDay + 1, 28) : intIn(rng, 2, deadlineDay)),
          documentNumber: `${intIn(rng, 1, 999)}/${agency.code}`,
          delays: late ? 1 : 0,
          failedReviews: failed,
          reviewStatus: open && chance(rng, 0.5) ? "pending" : failed ? "failed" : "passed",
        });
      }
    }
    const [lo, hi] = odd.general;
    const self = generalScores(rng, Math.round((lo + rng() * (hi - lo)) * 2) / 2);
    const submitted = !open || chance(rng, 0.7);
    rows.evaluations.push({
      id: `${periodId}-${person.id.slice(agency.id.length + 1)}`,
      periodId,
      personId: person.id,
      unitId: person.unitId,
      leaderRole: person.leaderRole,
      status: open ? (submitted ? "submitted" : "draft") : "confirmed",
      selfScores: submitted ? self : null,
      selfAssessment: submitted ? "Hoàn thành các nhiệm vụ được giao trong tháng." : null,
      confirmedScores: open ? null : self,
    });
  }
  return rows;
}
