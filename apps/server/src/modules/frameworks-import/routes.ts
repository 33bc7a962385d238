import { endpoints, type FrameworkCriterion } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { AppError } from "../../http/app-error.ts";
import { route } from "../../http/route.ts";
import { type SheetColumn, writeSheet, XLSX_MIME } from "../../lib/xlsx.ts";
import { FRAMEWORK_EDITORS, FRAMEWORK_READERS } from "../frameworks/policy.ts";
import * as frameworks from "../frameworks/service.ts";
import * as service from "./service.ts";

const h = service.criterionColumns;

const exportNotes = [
  "Mỗi dòng là một tiêu chí. Dòng 1 là tiêu đề cột, không sửa tiêu đề.",
  "Tiêu chí con ghi mã tiêu chí cha; tiêu chí cấp cao nhất để trống cột này.",
  "Tổng điểm tối đa các tiêu chí con phải bằng điểm tối đa của tiêu chí cha; các tiêu chí chấm điểm cấp cao nhất cộng lại bằng 100.",
  "Loại: Chấm điểm, Điểm cộng hoặc Điểm trừ (điểm cộng, điểm trừ ở cấp cao nhất, không có tiêu chí con).",
  "Mã cơ quan thẩm định: mã đơn vị trong cây tổ chức (ví dụ SNV, STP); để trống khi Sở Nội vụ tổng hợp.",
];

export async function frameworkImportRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.exportFramework, FRAMEWORK_READERS, async ({ params, reply }) => {
    const framework = await frameworks.getFramework(deps, params.id);
    const parentCode = new Map(framework.criteria.map((c) => [c.id, c.code]));
    const columns: SheetColumn<FrameworkCriterion>[] = [
      { header: h.code, width: 12, value: (c) => c.code },
      { header: h.parentCode, width: 14, value: (c) => (c.parentId ? parentCode.get(c.parentId) : "") },
      { header: h.name, width: 60, value: (c) => `${"  ".repeat(c.depth)}${c.name}`.trimStart() },
      { header: h.guidance, width: 48, value: (c) => c.guidance },
      { header: h.max, width: 10, value: (c) => c.max },
      { header: h.kind, width: 12, value: (c) => service.kindLabels[c.kind] },
      { header: h.requiredEvidence, width: 40, value: (c) => c.requiredEvidence },
      { header: h.appraiser, width: 16, value: (c) => c.appraiserUnitCode ?? c.appraiserUnitId },
    ];
    const file = await writeSheet("Tiêu chí", columns, framework.criteria, exportNotes);
    return reply
      .header("content-type", XLSX_MIME)
      .header(
        "content-disposition",
        `attachment; filename="bo-tieu-chi-${framework.year}-v${framework.versionNo}.xlsx"`,
      )
      .send(file);
  });
  route(app, endpoints.importFramework, FRAMEWORK_EDITORS, async ({ actor, params, request }) => {
    const part = await request.file();
    if (!part) throw new AppError("FILE_INVALID", { reason: "no_file" });
    return service.importCriteria(deps, actor, params.id, await part.toBuffer());
  });
}
