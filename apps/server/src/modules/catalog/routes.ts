import { type CatalogItem, endpoints } from "@thuocdo/contract";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../../context.ts";
import { AppError } from "../../http/app-error.ts";
import { route } from "../../http/route.ts";
import { type SheetColumn, writeSheet, XLSX_MIME } from "../../lib/xlsx.ts";
import { CATALOG_APPROVERS, CATALOG_EDITORS, CATALOG_READERS } from "./policy.ts";
import { itemColumns, templateColumns } from "./schema.ts";
import * as service from "./service.ts";

const sectionLabels = { leadership: "Lãnh đạo", shared: "Dùng chung", division: "Riêng của phòng" } as const;
const h = itemColumns;

/** Export columns carry the template's headers, so an exported file imports back (its coefficients are checked). */
const exportColumns: SheetColumn<CatalogItem>[] = [
  { header: h.section.header, width: 16, value: (i) => sectionLabels[i.section] },
  { header: h.code.header, width: 12, value: (i) => i.code },
  { header: h.division.header, width: 28, value: (i) => i.divisionName },
  { header: h.task.header, width: 48, value: (i) => i.task },
  { header: h.detail.header, width: 48, value: (i) => i.detail },
  { header: h.output.header, width: 32, value: (i) => i.output },
  { header: h.group.header, width: 8, value: (i) => i.complexityGroup },
  { header: h.pointBand.header, width: 12, value: (i) => i.pointBand },
  { header: h.points.header, width: 8, value: (i) => i.points },
  { header: h.unitQuantity.header, width: 10, value: (i) => i.unitQuantity },
  { header: h.coefficient.header, width: 10, value: (i) => i.coefficient },
  { header: h.note.header, width: 32, value: (i) => i.note },
];

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

export async function catalogRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
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
  route(app, endpoints.listCatalogs, CATALOG_READERS, ({ actor, query }) =>
    service.listCatalogs(deps, actor, query.agencyId),
  );
  route(app, endpoints.catalogInForce, CATALOG_READERS, ({ actor, query }) =>
    service.getCatalogInForce(deps, actor, query.agencyId, query.date),
  );
  route(app, endpoints.getCatalog, CATALOG_READERS, ({ actor, params }) => service.getCatalog(deps, actor, params.id));
  route(app, endpoints.createCatalog, CATALOG_EDITORS, ({ actor, body }) => service.createCatalog(deps, actor, body));
  route(app, endpoints.nextCatalogVersion, CATALOG_EDITORS, ({ actor, body }) =>
    service.nextVersion(deps, actor, body),
  );
  route(app, endpoints.updateCatalog, CATALOG_EDITORS, ({ actor, params, body }) =>
    service.updateCatalog(deps, actor, params.id, body),
  );
  route(app, endpoints.deleteCatalog, CATALOG_EDITORS, async ({ actor, params }) => {
    await service.deleteCatalog(deps, actor, params.id);
    return { ok: true as const };
  });
  route(app, endpoints.approveCatalog, CATALOG_APPROVERS, ({ actor, params, body }) =>
    service.approveCatalog(deps, actor, params.id, body),
  );
  route(app, endpoints.previewCatalogImport, CATALOG_EDITORS, async ({ actor, params, query, request }) =>
    service.previewImport(deps, actor, params.id, await uploaded(request), query),
  );
  route(app, endpoints.commitCatalogImport, CATALOG_EDITORS, async ({ actor, params, query, request }) =>
    service.commitImport(deps, actor, params.id, await uploaded(request), query),
  );

  route(app, endpoints.listCatalogItems, CATALOG_READERS, ({ actor, params, query }) =>
    service.listItems(deps, actor, params.id, query),
  );
  route(app, endpoints.exportCatalogItems, CATALOG_READERS, async ({ actor, params, query, reply }) => {
    const { catalog, items } = await service.allItems(deps, actor, params.id, query);
    const file = await writeSheet("Danh mục", exportColumns, items, [
      `${catalog.name} — ${catalog.agencyName}, phiên bản ${catalog.versionNo}.`,
      `Đơn vị sản phẩm chuẩn: ${catalog.standardUnitName} = ${catalog.standardPoints} điểm (hệ số 1).`,
      catalog.decisionNumber ? `Quyết định ${catalog.decisionNumber}, người ký ${catalog.decisionSigner ?? ""}.` : "",
    ]);
    return reply
      .header("content-type", XLSX_MIME)
      .header("content-disposition", `attachment; filename="danh-muc-san-pham-v${catalog.versionNo}.xlsx"`)
      .send(file);
  });
  route(app, endpoints.createCatalogItem, CATALOG_EDITORS, ({ actor, params, body }) =>
    service.createItem(deps, actor, params.id, body),
  );
  route(app, endpoints.updateCatalogItem, CATALOG_EDITORS, ({ actor, params, body }) =>
    service.updateItem(deps, actor, params.id, params.itemId, body),
  );
  route(app, endpoints.deleteCatalogItem, CATALOG_EDITORS, async ({ actor, params }) => {
    await service.deleteItem(deps, actor, params.id, params.itemId);
    return { ok: true as const };
  });

  route(app, endpoints.getPositionItems, ["hr", "head", "manager", "admin"], ({ actor, params }) =>
    service.getPositionItems(deps, actor, params.id),
  );
  route(app, endpoints.putPositionItems, CATALOG_EDITORS, ({ actor, params, body }) =>
    service.putPositionItems(deps, actor, params.id, body.codes),
  );

  route(app, endpoints.listProposals, "session", ({ actor, query }) => service.listProposals(deps, actor, query));
  route(app, endpoints.createProposal, "session", ({ actor, body }) => service.createProposal(deps, actor, body));
  route(app, endpoints.decideProposal, CATALOG_EDITORS, ({ actor, params, body }) =>
    service.decideProposal(deps, actor, params.id, body),
  );
}
