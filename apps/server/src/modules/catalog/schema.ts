import {
  type CatalogSection,
  type ComplexityGroup,
  catalogLimits,
  complexityGroups,
  foldVietnamese,
  type ImportRowIssue,
  limits,
} from "@thuocdo/contract";
import { Rational } from "@thuocdo/core";

/**
 * Reading a catalog file, row by row, into validated items — pure, so the
 * preview and the commit judge a file the same way and tests need no
 * database. A row is either a `ValidRow` or a list of issues naming its line
 * (as numbered in the file), its column (as headed in the file) and a
 * Vietnamese reason.
 */

/** The fields a catalog file can carry, with the headers each is recognised by (folded, so any case or accents). */
export const itemColumns = {
  section: { header: "Phần", aliases: ["sheet", "section", "phan", "phu luc"] },
  code: { header: "Mã", aliases: ["code", "ma", "ma san pham", "ma cong viec"] },
  division: { header: "Phòng, đơn vị", aliases: ["department", "division", "phong", "don vi", "phong, don vi"] },
  task: { header: "Nhiệm vụ", aliases: ["task", "nhiem vu", "ten nhiem vu", "cong viec"] },
  detail: { header: "Chi tiết công việc", aliases: ["detail", "chi tiet", "chi tiet cong viec"] },
  output: { header: "Sản phẩm đầu ra", aliases: ["output", "san pham", "san pham dau ra"] },
  group: { header: "Nhóm", aliases: ["group", "nhom", "nhom do phuc tap"] },
  pointBand: { header: "Khung điểm", aliases: ["point_band", "khung diem"] },
  points: { header: "Điểm", aliases: ["points", "diem", "diem cham"] },
  unitQuantity: { header: "Số lượng quy đổi", aliases: ["unit_quantity", "so luong", "so luong quy doi"] },
  coefficient: { header: "Hệ số quy đổi", aliases: ["coefficient", "he so", "he so quy doi"] },
  note: { header: "Ghi chú", aliases: ["note", "ghi chu"] },
} as const;
export type ItemColumn = keyof typeof itemColumns;

/** The template's columns: everything but the coefficient, which is computed, never typed. */
export const templateColumns: ItemColumn[] = [
  "section",
  "code",
  "division",
  "task",
  "detail",
  "output",
  "group",
  "pointBand",
  "points",
  "unitQuantity",
  "note",
];

const required: ItemColumn[] = ["code", "task", "output", "group", "points"];

/** A file as rows of text keyed by header, whatever its format. `width` = how many cells the line had (CSV). */
export interface RawTable {
  headers: string[];
  rows: { row: number; cells: Record<string, string>; width?: number }[];
}

export interface ValidRow {
  row: number;
  section: CatalogSection;
  divisionName: string | null;
  code: string;
  task: string;
  detail: string | null;
  output: string;
  complexityGroup: ComplexityGroup;
  pointBand: string | null;
  points: string;
  unitQuantity: string;
  note: string | null;
}

/** Maps each known field to the header the file uses for it; unknown headers are ignored. */
export function mapHeaders(headers: string[]): Partial<Record<ItemColumn, string>> {
  const found: Partial<Record<ItemColumn, string>> = {};
  for (const header of headers) {
    const key = foldVietnamese(header ?? "");
    for (const [field, spec] of Object.entries(itemColumns) as [ItemColumn, (typeof itemColumns)[ItemColumn]][]) {
      if (found[field]) continue;
      if (key === foldVietnamese(spec.header) || (spec.aliases as readonly string[]).includes(key))
        found[field] = header;
    }
  }
  return found;
}

/** Headers the file lacks among the required ones (by their template name). */
export function missingColumns(mapping: Partial<Record<ItemColumn, string>>): string[] {
  return required.filter((f) => !mapping[f]).map((f) => itemColumns[f].header);
}

/** "12", "12.5", "1,6" (Vietnamese decimal comma) → exact value and canonical text; anything else → null. */
export function parseDecimal(text: string): { value: Rational; text: string } | null {
  const t = text.trim().replace(/\s/g, "");
  const normal = t.includes(",") && !t.includes(".") ? t.replace(",", ".") : t;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(normal);
  if (!m) return null;
  const fraction = (m[2] ?? "").replace(/0+$/, "");
  const value = Rational.of(BigInt(`${m[1]}${fraction}`), 10n ** BigInt(fraction.length));
  return { value, text: fraction ? `${BigInt(m[1]!)}.${fraction}` : `${BigInt(m[1]!)}` };
}

/** A stored numeric ("8.0000") as an exact rational; the database never hands back floats to compute with. */
export function decimal(text: string): Rational {
  const parsed = parseDecimal(text);
  if (!parsed) throw new RangeError(`not a decimal: ${text}`);
  return parsed.value;
}

/** Vietnamese display of an exact value, up to 4 decimals: 8/5 → "1,6". */
export function showNumber(value: Rational): string {
  const fixed = value.toFixed(catalogLimits.decimals);
  const [whole, fraction = ""] = fixed.split(".");
  const f = fraction.replace(/0+$/, "");
  return f ? `${whole},${f}` : whole!;
}

/** Reads the Nghĩa Lâm sheet names (PL_II…, PL_III…, PL_IV…) and the template's words. */
export function parseSection(text: string): CatalogSection | null {
  const key = foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (/^(pl )?iv\b/.test(key) || /^phu luc iv\b/.test(key)) return "division";
  if (/^(pl )?iii\b/.test(key) || /^phu luc iii\b/.test(key)) return "shared";
  if (/^(pl )?ii\b/.test(key) || /^phu luc ii\b/.test(key)) return "leadership";
  if (key === "leadership" || key.startsWith("lanh dao") || key.startsWith("quan ly")) return "leadership";
  if (key === "shared" || key.startsWith("dung chung") || key.startsWith("chung")) return "shared";
  if (key === "division" || key.startsWith("rieng") || key.startsWith("chuyen mon")) return "division";
  return null;
}

/**
 * A key under which a division's name matches however it is written:
 * "Văn phòng HĐND-UBND" and "Văn phòng HĐND và UBND", "Văn hóa - Xã hội"
 * and "Văn hóa – Xã hội" give the same key.
 */
export function divisionKey(name: string): string {
  return foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((w) => w && w !== "va")
    .join(" ");
}

const parseBand = (band: string): { low: Rational; high: Rational | null } | null => {
  const m = /^\s*([\d.,]+)\s*(?:-|–|—|đến)\s*([\d.,]+)?\s*$/.exec(band) ?? /^\s*(?:>|trên)\s*([\d.,]+)\s*$/.exec(band);
  if (!m) return null;
  const low = parseDecimal(m[1]!);
  const high = m[2] ? parseDecimal(m[2]) : null;
  if (!low || (m[2] && !high)) return null;
  return { low: low.value, high: high?.value ?? null };
};

const looksTruncated = (text: string) => /(\.\.\.|…)$/.test(text);

export interface ReadContext {
  standardPoints: Rational;
  /** Codes already in the draft (upper-cased) when importing without replacing. */
  existingCodes: ReadonlySet<string>;
}

/**
 * Checks every row of a file. Good rows come back as `ValidRow`s in file
 * order; each bad row contributes one issue per problem.
 */
export function readRows(table: RawTable, context: ReadContext): { valid: ValidRow[]; issues: ImportRowIssue[] } {
  const mapping = mapHeaders(table.headers);
  const width = table.headers.length;
  const seen = new Map<string, number>();
  const valid: ValidRow[] = [];
  const issues: ImportRowIssue[] = [];
  for (const { row, cells, width: cellCount } of table.rows) {
    const rowIssues: ImportRowIssue[] = [];
    const column = (field: ItemColumn) => mapping[field] ?? itemColumns[field].header;
    const issue = (field: ItemColumn | null, message: string) =>
      rowIssues.push({ row, column: field ? column(field) : null, message });
    const cell = (field: ItemColumn) => {
      const header = mapping[field];
      return header ? (cells[header] ?? "").trim() : "";
    };

    if (cellCount !== undefined && cellCount < width) issue(null, `Dòng bị cắt cụt: chỉ có ${cellCount}/${width} cột.`);
    for (const field of required)
      if (!cell(field)) issue(field, `Ô trống: cần ghi ${itemColumns[field].header.toLowerCase()}.`);
    for (const field of ["code", "task", "detail", "output"] as const) {
      const text = cell(field);
      if (text && looksTruncated(text)) issue(field, "Nội dung có vẻ bị cắt cụt (kết thúc bằng “…”).");
    }

    const code = cell("code");
    if (code.length > limits.codeMax) issue("code", `Mã tối đa ${limits.codeMax} ký tự.`);
    if (code) {
      const key = code.toUpperCase();
      const first = seen.get(key);
      if (first !== undefined) issue("code", `Trùng mã “${code}” với dòng ${first}.`);
      else if (context.existingCodes.has(key)) issue("code", `Mã “${code}” đã có trong dự thảo.`);
      else seen.set(key, row);
    }
    for (const field of ["task", "detail", "output"] as const)
      if (cell(field).length > catalogLimits.textMax) issue(field, `Tối đa ${catalogLimits.textMax} ký tự.`);
    if (cell("note").length > limits.noteMax) issue("note", `Tối đa ${limits.noteMax} ký tự.`);

    const divisionName = cell("division") || null;
    let section: CatalogSection | null;
    if (mapping.section) {
      section = cell("section") ? parseSection(cell("section")) : null;
      if (!section)
        issue(
          "section",
          cell("section")
            ? `Phần “${cell("section")}” không rõ: ghi Lãnh đạo, Dùng chung hoặc Riêng của phòng (hoặc PL_II, PL_III, PL_IV).`
            : "Ô trống: cần ghi phần (Lãnh đạo, Dùng chung hoặc Riêng của phòng).",
        );
    } else section = divisionName ? "division" : "shared";
    if (section === "division" && !divisionName)
      issue("division", "Sản phẩm riêng của phòng cần ghi tên phòng, đơn vị.");

    const groupText = cell("group").toUpperCase();
    const group = (complexityGroups as readonly string[]).includes(groupText) ? (groupText as ComplexityGroup) : null;
    if (groupText && !group) issue("group", `Nhóm “${cell("group")}” không hợp lệ: chỉ nhận N1, N2, N3, N4 hoặc N5.`);

    const pointsText = cell("points");
    const points = pointsText ? parseDecimal(pointsText) : null;
    if (pointsText && !points) issue("points", `Điểm “${pointsText}” không phải là số.`);
    else if (points?.value.isZero()) issue("points", "Điểm phải lớn hơn 0.");
    else if (points && tooPrecise(points.text)) issue("points", "Điểm tối đa 4 chữ số thập phân.");
    else if (points?.value.gt(Rational.of(catalogLimits.pointsMax))) issue("points", "Điểm quá lớn.");

    const bandText = cell("pointBand");
    if (bandText) {
      const band = parseBand(bandText);
      if (!band) issue("pointBand", `Khung điểm “${bandText}” không đúng dạng “từ-đến” (ví dụ 11-50).`);
      else if (points && !points.value.isZero() && outside(points.value, band))
        issue("points", `Điểm ${showNumber(points.value)} nằm ngoài khung điểm ${bandText}.`);
    }

    const quantityText = cell("unitQuantity");
    const quantity = quantityText ? parseDecimal(quantityText) : parseDecimal("1");
    if (!quantity || quantity.value.isZero() || tooPrecise(quantity.text))
      issue("unitQuantity", `Số lượng quy đổi “${quantityText}” phải là số lớn hơn 0.`);

    const coefficientText = cell("coefficient");
    if (mapping.coefficient && points && !points.value.isZero()) {
      const exact = points.value.div(context.standardPoints);
      const given = coefficientText ? parseDecimal(coefficientText) : null;
      const says = `điểm ÷ điểm chuẩn = ${showNumber(points.value)} ÷ ${showNumber(context.standardPoints)} = ${showNumber(exact)}`;
      if (!coefficientText) issue("coefficient", `Ô trống: cần ghi hệ số quy đổi (${says}).`);
      else if (!given) issue("coefficient", `Hệ số quy đổi “${coefficientText}” không phải là số (${says}).`);
      else if (!sameCoefficient(given, exact))
        issue("coefficient", `Hệ số quy đổi ghi ${showNumber(given.value)} nhưng ${says}.`);
    }

    issues.push(...rowIssues);
    if (rowIssues.length === 0 && section && group && points && quantity) {
      valid.push({
        row,
        section,
        divisionName,
        code,
        task: cell("task"),
        detail: cell("detail") || null,
        output: cell("output"),
        complexityGroup: group,
        pointBand: bandText || null,
        points: points.text,
        unitQuantity: quantity.text,
        note: cell("note") || null,
      });
    }
  }
  return { valid, issues };
}

const tooPrecise = (text: string) => (text.split(".")[1]?.length ?? 0) > catalogLimits.decimals;

const outside = (value: Rational, band: { low: Rational; high: Rational | null }) =>
  value.lt(band.low) || (band.high !== null && value.gt(band.high));

/**
 * A written coefficient agrees with the computed one when equal, or — for a
 * value that has no short decimal (7 ÷ 3) — when it is the computed value
 * rounded to the 2 or more decimals written.
 */
function sameCoefficient(given: { value: Rational; text: string }, exact: Rational): boolean {
  if (given.value.eq(exact)) return true;
  const decimals = given.text.split(".")[1]?.length ?? 0;
  return decimals >= 2 && exact.toFixed(decimals) === given.text;
}
