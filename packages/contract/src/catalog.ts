import { z } from "zod";
import { idSchema, okSchema, optionalText, page, trimmed } from "./common.ts";
import { define, idParams } from "./endpoint.ts";
import { limits } from "./limits.ts";

/**
 * Danh mục sản phẩm/công việc quy đổi (Decree 335 Art. 13): versions of an
 * agency's catalog with their approving decision, the items, which items a
 * position normally makes, and products proposed from outside the catalog
 * (Art. 13.3). Coefficients are computed (points ÷ standard points) and only
 * ever shown, never typed.
 */

/** Phụ lục II (leadership), III (shared by every position), IV (one division's own tasks) of the Nghĩa Lâm layout. */
export const catalogSections = ["leadership", "shared", "division"] as const;
export type CatalogSection = (typeof catalogSections)[number];

/** At most five complexity groups (Art. 13.1.a). */
export const complexityGroups = ["N1", "N2", "N3", "N4", "N5"] as const;
export type ComplexityGroup = (typeof complexityGroups)[number];

/** draft → approved (decision recorded) → superseded once a later version takes effect. */
export const catalogStatuses = ["draft", "approved", "superseded"] as const;
export type CatalogStatus = (typeof catalogStatuses)[number];

export const proposalStatuses = ["pending", "approved", "refused"] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export const catalogLimits = {
  pointsMax: 100000,
  textMax: 1000,
  /** Points and quantities are stored with 4 decimals. */
  decimals: 4,
} as const;

const isoDate = z.iso.date();
const positiveDecimal = z
  .number()
  .positive()
  .max(catalogLimits.pointsMax)
  .refine((v) => /^\d+(\.\d{1,4})?$/.test(String(v)), { message: "Tối đa 4 chữ số thập phân." });

export const catalogSchema = z.object({
  id: idSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  versionNo: z.number().int(),
  name: z.string(),
  standardUnitName: z.string(),
  standardPoints: z.number(),
  status: z.enum(catalogStatuses),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  decisionSigner: z.string().nullable(),
  decisionFileId: z.string().nullable(),
  decisionFileName: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  /** The day before the next approved version takes effect, when there is one. */
  effectiveTo: z.string().nullable(),
  approvedAt: z.string().nullable(),
  itemCount: z.number().int(),
  version: z.number().int(),
});
export type Catalog = z.infer<typeof catalogSchema>;

export const catalogItemSchema = z.object({
  id: idSchema,
  catalogId: idSchema,
  section: z.enum(catalogSections),
  divisionUnitId: z.string().nullable(),
  divisionName: z.string().nullable(),
  code: z.string(),
  task: z.string(),
  detail: z.string().nullable(),
  output: z.string(),
  complexityGroup: z.enum(complexityGroups),
  pointBand: z.string().nullable(),
  points: z.number(),
  unitQuantity: z.number(),
  /** points ÷ standard points, computed exactly and rounded to 4 decimals for display only. */
  coefficient: z.number(),
  note: z.string().nullable(),
});
export type CatalogItem = z.infer<typeof catalogItemSchema>;

export const createCatalogBody = z.object({
  agencyId: idSchema,
  name: trimmed(limits.nameMax),
  standardUnitName: trimmed(limits.nameMax),
  standardPoints: positiveDecimal,
  effectiveFrom: isoDate.nullish().transform((v) => v ?? null),
});

export const updateCatalogBody = z.object({
  version: z.number().int(),
  name: trimmed(limits.nameMax).optional(),
  standardUnitName: trimmed(limits.nameMax).optional(),
  standardPoints: positiveDecimal.optional(),
  effectiveFrom: isoDate.nullish(),
});

export const approveCatalogBody = z.object({
  version: z.number().int(),
  decisionNumber: trimmed(limits.codeMax),
  decisionDate: isoDate,
  decisionSigner: trimmed(limits.nameMax),
  decisionFileId: idSchema.nullish().transform((v) => v ?? null),
  effectiveFrom: isoDate,
});

export const nextVersionBody = z.object({
  agencyId: idSchema,
  name: trimmed(limits.nameMax).optional(),
});

export const catalogListQuery = z.object({ agencyId: idSchema });

export const catalogInForceQuery = z.object({ agencyId: idSchema, date: isoDate.optional() });

const itemFields = {
  section: z.enum(catalogSections),
  divisionUnitId: idSchema.nullish().transform((v) => v ?? null),
  code: trimmed(limits.codeMax),
  task: trimmed(catalogLimits.textMax),
  detail: optionalText(catalogLimits.textMax),
  output: trimmed(catalogLimits.textMax),
  complexityGroup: z.enum(complexityGroups),
  pointBand: optionalText(limits.codeMax),
  points: positiveDecimal,
  unitQuantity: positiveDecimal.default(1),
  note: optionalText(limits.noteMax),
};
export const createItemBody = z.object(itemFields);
export const updateItemBody = z.object(itemFields).partial();

export const itemSortKeys = ["sortOrder", "code", "task", "complexityGroup", "points"] as const;

export const catalogItemsQuery = z.object({
  q: z.string().trim().max(limits.nameMax).optional(),
  section: z.enum(catalogSections).optional(),
  group: z.enum(complexityGroups).optional(),
  divisionUnitId: idSchema.optional(),
  sort: z.enum(itemSortKeys).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

export const itemParams = z.object({ id: idSchema, itemId: idSchema });

/** `all`: refuse the whole file when any row is bad; `good_rows`: write the good rows, skip the bad. */
export const importModes = ["all", "good_rows"] as const;
export const catalogImportQuery = z.object({
  mode: z.enum(importModes).default("all"),
  // Query strings carry "true"/"false"; z.coerce.boolean would read "false" as true.
  replace: z.union([z.boolean(), z.stringbool()]).optional(),
});

const countsBy = <K extends readonly [string, ...string[]]>(keys: K) => z.partialRecord(z.enum(keys), z.number().int());

export const catalogImportReport = z.object({
  totalRows: z.number().int(),
  goodRows: z.number().int(),
  badRows: z.number().int(),
  /** One entry per problem: the line as numbered in the file (header = line 1), the column, a Vietnamese reason. */
  issues: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
  bySection: countsBy(catalogSections),
  byGroup: countsBy(complexityGroups),
  /** Division names written in the file that match no division or centre of the agency (kept as written). */
  unmatchedDivisions: z.array(z.string()),
  /** Rows written (0 for a preview). */
  imported: z.number().int(),
});
export type CatalogImportReport = z.infer<typeof catalogImportReport>;

export const positionItemsSchema = z.object({
  positionId: idSchema,
  codes: z.array(z.string()),
  /** The mapped items of the catalog in force (codes no longer in it are left out). */
  items: z.array(catalogItemSchema),
  catalogId: z.string().nullable(),
});
export const putPositionItemsBody = z.object({
  codes: z.array(trimmed(limits.codeMax)).max(limits.importRowsMax),
});

export const proposalSchema = z.object({
  id: idSchema,
  agencyId: idSchema,
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  task: z.string(),
  output: z.string(),
  complexityGroup: z.enum(complexityGroups),
  points: z.number(),
  reason: z.string().nullable(),
  status: z.enum(proposalStatuses),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  includedInCatalogId: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const createProposalBody = z.object({
  /** Needed only by callers who are not themselves a civil servant of the agency. */
  agencyId: idSchema.optional(),
  task: trimmed(catalogLimits.textMax),
  output: trimmed(catalogLimits.textMax),
  complexityGroup: z.enum(complexityGroups),
  points: positiveDecimal,
  reason: optionalText(limits.noteMax),
});

export const decideProposalBody = z
  .object({
    version: z.number().int(),
    decision: z.enum(["approved", "refused"]),
    note: optionalText(limits.noteMax),
  })
  .refine((b) => b.decision === "approved" || b.note !== null, {
    message: "Cần ghi lý do khi từ chối.",
    path: ["note"],
  });

export const proposalsQuery = z.object({
  agencyId: idSchema.optional(),
  status: z.enum(proposalStatuses).optional(),
  /** Only the caller's own proposals. */
  mine: z.union([z.boolean(), z.stringbool()]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

export const catalogEndpoints = define({
  listCatalogs: {
    method: "GET",
    path: "/api/v1/catalogs",
    query: catalogListQuery,
    response: z.array(catalogSchema),
    summary: "Các phiên bản danh mục sản phẩm của một cơ quan",
  },
  catalogInForce: {
    method: "GET",
    path: "/api/v1/catalogs/in-force",
    query: catalogInForceQuery,
    response: catalogSchema.nullable(),
    summary: "Danh mục sản phẩm đang có hiệu lực vào một ngày",
  },
  catalogImportTemplate: {
    method: "GET",
    path: "/api/v1/catalogs/import-template",
    response: z.unknown(),
    raw: "download",
    summary: "Tải mẫu nhập danh mục sản phẩm (XLSX)",
  },
  getCatalog: {
    method: "GET",
    path: "/api/v1/catalogs/:id",
    params: idParams,
    response: catalogSchema,
    summary: "Một phiên bản danh mục sản phẩm",
  },
  createCatalog: {
    method: "POST",
    path: "/api/v1/catalogs",
    body: createCatalogBody,
    response: catalogSchema,
    summary: "Tạo dự thảo danh mục sản phẩm",
  },
  nextCatalogVersion: {
    method: "POST",
    path: "/api/v1/catalogs/next-version",
    body: nextVersionBody,
    response: catalogSchema,
    summary: "Tạo phiên bản mới từ danh mục đã phê duyệt gần nhất",
  },
  updateCatalog: {
    method: "PATCH",
    path: "/api/v1/catalogs/:id",
    params: idParams,
    body: updateCatalogBody,
    response: catalogSchema,
    summary: "Sửa dự thảo danh mục",
  },
  deleteCatalog: {
    method: "DELETE",
    path: "/api/v1/catalogs/:id",
    params: idParams,
    response: okSchema,
    summary: "Xóa dự thảo danh mục",
  },
  approveCatalog: {
    method: "POST",
    path: "/api/v1/catalogs/:id/approve",
    params: idParams,
    body: approveCatalogBody,
    response: catalogSchema,
    summary: "Phê duyệt danh mục (quyết định ban hành)",
  },
  previewCatalogImport: {
    method: "POST",
    path: "/api/v1/catalogs/:id/import/preview",
    params: idParams,
    query: catalogImportQuery,
    response: catalogImportReport,
    raw: "upload",
    summary: "Kiểm tra tệp danh mục (CSV/XLSX) trước khi nhập",
  },
  commitCatalogImport: {
    method: "POST",
    path: "/api/v1/catalogs/:id/import",
    params: idParams,
    query: catalogImportQuery,
    response: catalogImportReport,
    raw: "upload",
    summary: "Nhập sản phẩm từ tệp vào dự thảo danh mục",
  },
  listCatalogItems: {
    method: "GET",
    path: "/api/v1/catalogs/:id/items",
    params: idParams,
    query: catalogItemsQuery,
    response: page(catalogItemSchema),
    summary: "Sản phẩm của danh mục (tìm, lọc, phân trang)",
  },
  exportCatalogItems: {
    method: "GET",
    path: "/api/v1/catalogs/:id/items/export",
    params: idParams,
    query: catalogItemsQuery.omit({ page: true, pageSize: true }),
    response: z.unknown(),
    raw: "download",
    summary: "Xuất danh mục sản phẩm (XLSX)",
  },
  createCatalogItem: {
    method: "POST",
    path: "/api/v1/catalogs/:id/items",
    params: idParams,
    body: createItemBody,
    response: catalogItemSchema,
    summary: "Thêm sản phẩm vào dự thảo",
  },
  updateCatalogItem: {
    method: "PATCH",
    path: "/api/v1/catalogs/:id/items/:itemId",
    params: itemParams,
    body: updateItemBody,
    response: catalogItemSchema,
    summary: "Sửa sản phẩm của dự thảo",
  },
  deleteCatalogItem: {
    method: "DELETE",
    path: "/api/v1/catalogs/:id/items/:itemId",
    params: itemParams,
    response: okSchema,
    summary: "Xóa sản phẩm khỏi dự thảo",
  },
  getPositionItems: {
    method: "GET",
    path: "/api/v1/org/positions/:id/catalog-items",
    params: idParams,
    response: positionItemsSchema,
    summary: "Sản phẩm thường làm của một vị trí việc làm",
  },
  putPositionItems: {
    method: "PUT",
    path: "/api/v1/org/positions/:id/catalog-items",
    params: idParams,
    body: putPositionItemsBody,
    response: positionItemsSchema,
    summary: "Gán sản phẩm cho vị trí việc làm",
  },
  listProposals: {
    method: "GET",
    path: "/api/v1/catalog-proposals",
    query: proposalsQuery,
    response: page(proposalSchema),
    summary: "Đề xuất sản phẩm ngoài danh mục (Điều 13.3)",
  },
  createProposal: {
    method: "POST",
    path: "/api/v1/catalog-proposals",
    body: createProposalBody,
    response: proposalSchema,
    summary: "Đề xuất sản phẩm mới",
  },
  decideProposal: {
    method: "POST",
    path: "/api/v1/catalog-proposals/:id/decide",
    params: idParams,
    body: decideProposalBody,
    response: proposalSchema,
    summary: "Chấp thuận hoặc từ chối đề xuất sản phẩm",
  },
});
