import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../../context.ts";
import { AppError } from "../../http/app-error.ts";
import { route } from "../../http/route.ts";
import { writeSheet, XLSX_MIME } from "../../lib/xlsx.ts";
import { CATALOG_EDITORS } from "../catalog/policy.ts";
import { itemColumns, templateColumns } from "../catalog/schema.ts";
import * as service from "./service.ts";

const templateExample: Record<string, string>[] = [
  {
    section: "Dùng chung",
    code: "DC.01",
    division: "",
    task: "Soạn thảo văn bản hành chính đơn giản",
    detail: "Giấy mời, thông báo ngắn, phiếu chuyển",
    output: "Văn bản hành chính",
    group: "N1",
    pointBand: "1-10",
    points: "5",
    unitQuantity: "1",
    note: "Đơn vị sản phẩm chuẩn",
  },
  {
    section: "Riêng của phòng",
    code: "KT.01",
    division: "Phòng Kinh tế",
    task: "Thẩm định hồ sơ đề nghị hỗ trợ sản xuất nông nghiệp",
    detail: "",
    output: "Tờ trình, dự thảo quyết định",
    group: "N3",
    pointBand: "51-100",
    points: "60",
    unitQuantity: "1",
    note: "",
  },
];

const templateNotes = [
  "Mỗi dòng là một sản phẩm/công việc. Dòng 1 là tiêu đề cột, không sửa tiêu đề.",
  "Bắt buộc: Mã, Nhiệm vụ, Sản phẩm đầu ra, Nhóm (N1–N5), Điểm (số lớn hơn 0).",
  "Phần: Lãnh đạo, Dùng chung hoặc Riêng của phòng (chấp nhận cả PL_II, PL_III, PL_IV). Sản phẩm riêng ghi tên phòng, đơn vị.",
  "Khung điểm (ví dụ 11-50) nếu ghi thì điểm phải nằm trong khung.",
  "Hệ số quy đổi do hệ thống tính (điểm ÷ điểm của đơn vị sản phẩm chuẩn), không nhập. Nếu tệp có cột hệ số, hệ số phải khớp.",
  "Số lượng quy đổi để trống nghĩa là 1.",
  "Tệp có thể là Excel (.xlsx) hoặc CSV (UTF-8).",
];

async function uploaded(request: FastifyRequest): Promise<Buffer> {
  const part = await request.file();
  if (!part) throw new AppError("FILE_INVALID", { reason: "no_file" });
  return part.toBuffer();
}

export async function catalogImportRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.catalogImportTemplate, CATALOG_EDITORS, async ({ reply }) => {
    const columns = templateColumns.map((key) => ({
      header: itemColumns[key].header,
      width: key === "task" || key === "detail" ? 44 : 16,
      value: (row: Record<string, string>) => row[key],
    }));
    const file = await writeSheet("Danh mục", columns, templateExample, templateNotes);
    return reply
      .header("content-type", XLSX_MIME)
      .header("content-disposition", 'attachment; filename="mau-danh-muc-san-pham.xlsx"')
      .send(file);
  });
  route(app, endpoints.previewCatalogImport, CATALOG_EDITORS, async ({ actor, params, query, request }) =>
    service.previewImport(deps, actor, params.id, await uploaded(request), query),
  );
  route(app, endpoints.commitCatalogImport, CATALOG_EDITORS, async ({ actor, params, query, request }) =>
    service.commitImport(deps, actor, params.id, await uploaded(request), query),
  );
}
