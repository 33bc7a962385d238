import { type CatalogItem, endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { type SheetColumn, writeSheet, XLSX_MIME } from "../../lib/xlsx.ts";
import { CATALOG_EDITORS, CATALOG_READERS } from "../catalog/policy.ts";
import { itemColumns } from "../catalog/schema.ts";
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

export async function catalogItemRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
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
}
