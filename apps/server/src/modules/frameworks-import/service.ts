import type { CriterionKind, CriterionTreeNode, Framework, ImportRowIssue } from "@thuocdo/contract";
import { criterionKinds } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError } from "../../http/app-error.ts";
import { readSheet } from "../../lib/xlsx.ts";
import * as frameworks from "../frameworks/repo.ts";
import { editable, frameworkDto } from "../frameworks/service.ts";
import { replaceTree } from "../frameworks-criteria/service.ts";

/**
 * A framework's criteria as an XLSX sheet: one row per criterion, parents by code. The import
 * replaces the whole tree under the same strict check as the editor's save.
 */

/** XLSX columns, in order; the export writes them and the import reads them back. */
export const criterionColumns = {
  code: "Mã tiêu chí",
  parentCode: "Mã tiêu chí cha",
  name: "Tên tiêu chí",
  guidance: "Hướng dẫn chấm điểm",
  max: "Điểm tối đa",
  kind: "Loại",
  requiredEvidence: "Tài liệu minh chứng",
  appraiser: "Mã cơ quan thẩm định",
} as const;

export const kindLabels: Record<CriterionKind, string> = {
  scored: "Chấm điểm",
  bonus: "Điểm cộng",
  penalty: "Điểm trừ",
};

const kindOf = (text: string): CriterionKind | null => {
  const folded = text.trim().toLocaleLowerCase("vi");
  if (folded === "") return "scored";
  for (const kind of criterionKinds) {
    if (folded === kind || folded === kindLabels[kind].toLocaleLowerCase("vi")) return kind;
  }
  return null;
};

/** Reads an XLSX tree (one row per criterion, parents by code) and replaces the framework's tree. */
export async function importCriteria(deps: Deps, actor: Actor, id: string, file: Buffer): Promise<Framework> {
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    sheet = await readSheet(file);
  } catch {
    throw new AppError("FILE_INVALID", { reason: "not_xlsx" });
  }
  const c = criterionColumns;
  const missing = [c.code, c.name, c.max].filter((h) => !sheet.headers.includes(h));
  if (missing.length > 0) throw new AppError("FILE_INVALID", { reason: "missing_columns", columns: missing });
  await deps.db.transaction(async (tx) => {
    const loaded = await editable(tx, actor, id);
    const issues: ImportRowIssue[] = [];
    const codes = [...new Set(sheet.rows.map((r) => r.cells[c.appraiser] ?? "").filter(Boolean))];
    const units = await frameworks.unitsByIdOrCode(tx, codes);
    const nodes = new Map<string, CriterionTreeNode & { parentCode: string; row: number }>();
    for (const { row, cells } of sheet.rows) {
      const code = cells[c.code] ?? "";
      const name = cells[c.name] ?? "";
      const max = Number((cells[c.max] ?? "").replace(",", "."));
      const kind = kindOf(cells[c.kind] ?? "");
      const appraiserKey = cells[c.appraiser] ?? "";
      const appraiser = appraiserKey ? units.find((u) => u.code === appraiserKey || u.id === appraiserKey) : null;
      if (!code) issues.push({ row, column: c.code, message: "Thiếu mã tiêu chí." });
      else if (nodes.has(code.toLocaleLowerCase("vi")))
        issues.push({ row, column: c.code, message: `Trùng mã ${code}.` });
      if (!name) issues.push({ row, column: c.name, message: "Thiếu tên tiêu chí." });
      if (!Number.isFinite(max) || max < 0 || max > 100 || Math.round(max * 100) !== max * 100) {
        issues.push({ row, column: c.max, message: "Điểm tối đa là số từ 0 đến 100, tối đa 2 chữ số thập phân." });
      }
      if (!kind) issues.push({ row, column: c.kind, message: "Loại là Chấm điểm, Điểm cộng hoặc Điểm trừ." });
      if (appraiserKey && !appraiser) {
        issues.push({ row, column: c.appraiser, message: `Không tìm thấy cơ quan có mã ${appraiserKey}.` });
      }
      if (code) {
        nodes.set(code.toLocaleLowerCase("vi"), {
          code,
          name,
          guidance: cells[c.guidance] || null,
          max,
          kind: kind ?? "scored",
          requiredEvidence: cells[c.requiredEvidence] || null,
          appraiserUnitId: appraiser?.id ?? null,
          children: [],
          parentCode: (cells[c.parentCode] ?? "").toLocaleLowerCase("vi"),
          row,
        });
      }
    }
    const roots: CriterionTreeNode[] = [];
    for (const node of nodes.values()) {
      if (!node.parentCode) roots.push(node);
      else if (nodes.has(node.parentCode)) nodes.get(node.parentCode)!.children.push(node);
      else
        issues.push({ row: node.row, column: c.parentCode, message: `Không có tiêu chí cha mã ${node.parentCode}.` });
    }
    const reached = (list: CriterionTreeNode[]): number => list.reduce((n, x) => n + 1 + reached(x.children), 0);
    if (issues.length === 0 && reached(roots) < nodes.size) {
      issues.push({ row: 2, column: c.parentCode, message: "Mã tiêu chí cha tạo thành vòng lặp." });
    }
    if (sheet.rows.length === 0) issues.push({ row: 2, column: null, message: "Tệp không có tiêu chí nào." });
    if (issues.length > 0) throw new AppError("IMPORT_INVALID", { rows: issues });
    await replaceTree(tx, deps, actor, loaded, roots, "import");
  });
  return frameworkDto(deps.db, id);
}
