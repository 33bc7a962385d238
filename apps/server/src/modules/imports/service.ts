import { createPersonBody, foldVietnamese, type ImportRowIssue, limits } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError } from "../../http/app-error.ts";
import { readSheet } from "../../lib/xlsx.ts";
import { assertCanEditUnder } from "../org/policy.ts";
import { listUnitsUnder } from "../org/repo.ts";
import { requireUnit } from "../org/service.ts";
import { findByEmployeeCode } from "../people/repo.ts";
import { insertPlaced, type PersonInput, updateInTx } from "../people/service.ts";
import { listPositions } from "../positions/repo.ts";

/** The people template: column headers as the user sees them, in order. */
export const peopleColumns = {
  employeeCode: "Mã công chức",
  fullName: "Họ và tên",
  unit: "Đơn vị",
  position: "Mã vị trí việc làm",
  leaderRole: "Lãnh đạo",
  title: "Chức vụ",
  email: "Email",
  phone: "Điện thoại",
} as const;

export const peopleTemplateNotes = [
  "Mỗi dòng là một công chức. Dòng 1 là tiêu đề cột, không sửa tiêu đề.",
  "Bắt buộc: Họ và tên, Đơn vị (ghi mã hoặc đúng tên đơn vị trong cơ quan).",
  "Mã công chức: nếu đã có trong cơ quan thì dòng đó cập nhật hồ sơ hiện có; nếu để trống thì thêm mới.",
  "Mã vị trí việc làm: mã trong danh mục vị trí việc làm của cơ quan (có thể để trống).",
  "Lãnh đạo: ghi 'Cấp trưởng', 'Cấp phó' hoặc để trống.",
  "Tệp được nhập toàn bộ hoặc không nhập gì: nếu có dòng lỗi, hệ thống liệt kê dòng và lý do, chưa ghi dữ liệu nào.",
];

const leaderWords: Record<string, PersonInput["leaderRole"]> = {
  "": "none",
  khong: "none",
  "cap truong": "head",
  truong: "head",
  "truong phong": "head",
  "nguoi dung dau": "head",
  "cap pho": "deputy",
  pho: "deputy",
  "pho truong phong": "deputy",
};

const fieldColumn: Record<string, string> = {
  employeeCode: peopleColumns.employeeCode,
  fullName: peopleColumns.fullName,
  unitId: peopleColumns.unit,
  positionId: peopleColumns.position,
  leaderRole: peopleColumns.leaderRole,
  title: peopleColumns.title,
  email: peopleColumns.email,
  phone: peopleColumns.phone,
};

/** A .xlsx file is a ZIP archive; checking its signature refuses renamed files before parsing them. */
const isZip = (buffer: Buffer) => buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;

/**
 * Imports people into one agency from the template, all or nothing: every
 * row is checked first and the whole file is refused with the list of bad
 * rows; only a clean file is written, in one transaction.
 */
export async function importPeople(
  deps: Deps,
  actor: Actor,
  agencyId: string,
  file: Buffer,
): Promise<{ imported: number }> {
  const agency = await requireUnit(deps.db, agencyId);
  assertCanEditUnder(actor, agency.path);
  if (!isZip(file)) throw new AppError("FILE_INVALID", { reason: "not_xlsx" });
  const sheet = await readSheet(file).catch(() => {
    throw new AppError("FILE_INVALID", { reason: "unreadable" });
  });
  const missing = [peopleColumns.fullName, peopleColumns.unit].filter((h) => !sheet.headers.includes(h));
  if (missing.length > 0) throw new AppError("FILE_INVALID", { reason: "missing_columns", columns: missing });
  if (sheet.rows.length === 0) throw new AppError("FILE_INVALID", { reason: "empty" });
  if (sheet.rows.length > limits.importRowsMax)
    throw new AppError("FILE_INVALID", { reason: "too_many_rows", max: limits.importRowsMax });

  const units = await listUnitsUnder(deps.db, [agency.path]);
  const unitByKey = new Map<string, string>();
  for (const u of units) {
    unitByKey.set(foldVietnamese(u.name), u.id);
    if (u.code) unitByKey.set(foldVietnamese(u.code), u.id);
  }
  const positionByCode = new Map(
    (await listPositions(deps.db, [agency.id])).map((p) => [foldVietnamese(p.code), p.id]),
  );

  const issues: ImportRowIssue[] = [];
  const planned: { row: number; input: PersonInput }[] = [];
  const seenCodes = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const cell = (key: keyof typeof peopleColumns) => cells[peopleColumns[key]] ?? "";
    const rowIssues: ImportRowIssue[] = [];
    const unitText = cell("unit");
    const unitId = unitByKey.get(foldVietnamese(unitText));
    if (unitText && !unitId)
      rowIssues.push({
        row,
        column: peopleColumns.unit,
        message: `Không tìm thấy đơn vị "${unitText}" trong cơ quan.`,
      });
    const positionText = cell("position");
    const positionId = positionText ? positionByCode.get(foldVietnamese(positionText)) : null;
    if (positionText && !positionId) {
      rowIssues.push({
        row,
        column: peopleColumns.position,
        message: `Không có vị trí việc làm mã "${positionText}".`,
      });
    }
    const leaderRole = leaderWords[foldVietnamese(cell("leaderRole"))];
    if (!leaderRole)
      rowIssues.push({
        row,
        column: peopleColumns.leaderRole,
        message: "Chỉ ghi 'Cấp trưởng', 'Cấp phó' hoặc để trống.",
      });
    const code = cell("employeeCode");
    if (code) {
      const first = seenCodes.get(code);
      if (first)
        rowIssues.push({ row, column: peopleColumns.employeeCode, message: `Trùng mã công chức với dòng ${first}.` });
      else seenCodes.set(code, row);
    }
    const parsed = createPersonBody.safeParse({
      employeeCode: code,
      fullName: cell("fullName"),
      unitId: unitId ?? (unitText ? "?" : ""),
      positionId: positionId ?? null,
      leaderRole: leaderRole ?? "none",
      title: cell("title"),
      email: cell("email"),
      phone: cell("phone"),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        if (field === "unitId" && unitText) continue;
        rowIssues.push({ row, column: fieldColumn[field] ?? null, message: issue.message });
      }
    }
    issues.push(...rowIssues);
    if (rowIssues.length === 0 && parsed.success) planned.push({ row, input: parsed.data });
  }
  if (issues.length > 0) throw new AppError("IMPORT_INVALID", { rows: issues });

  await deps.db.transaction(async (tx) => {
    for (const { row, input } of planned) {
      try {
        const existing = input.employeeCode ? await findByEmployeeCode(tx, agency.id, input.employeeCode) : undefined;
        if (existing)
          await updateInTx(tx, actor, existing.id, { ...input, version: existing.version, active: true }, "import");
        else await insertPlaced(tx, actor, input, "import");
      } catch (error) {
        if (error instanceof AppError)
          throw new AppError("IMPORT_INVALID", { rows: [{ row, column: null, message: rowMessage(error) }] });
        throw error;
      }
    }
  });
  return { imported: planned.length };
}

function rowMessage(error: AppError): string {
  const details = error.details as { issues?: { message: string }[] } | undefined;
  if (details?.issues?.[0]) return details.issues[0].message;
  if (error.code === "FORBIDDEN") return "Đơn vị nằm ngoài phạm vi bạn được quản lý.";
  return "Dòng không hợp lệ.";
}
