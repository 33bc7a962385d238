import { z } from "zod";
import { page } from "../common.ts";
import { define } from "../endpoint.ts";
import {
  dueDateQuery,
  dueDateSchema,
  holidaySchema,
  holidaysParams,
  holidaysQuery,
  replaceHolidaysBody,
} from "./calendar.ts";
import { agencyYearDashboardSchema, provinceYearDashboardQuery, provinceYearDashboardSchema } from "./dashboards.ts";
import { nationalExportLogQuery, nationalExportLogSchema, nationalExportQuery } from "./national-export.ts";
import {
  agencyYearQuery,
  classificationReportQuery,
  mau02Query,
  provinceSummaryQuery,
  reportNarrativeSchema,
  updateReportNarrativeBody,
} from "./reports.ts";

/* ───────────── Endpoints: working-day calendar, reports, national export, dashboards ───────────── */

const download = { response: z.unknown(), raw: "download" as const };

export const yearReportEndpoints = define({
  listHolidays: {
    method: "GET",
    path: "/api/v1/year/holidays",
    query: holidaysQuery,
    response: z.array(holidaySchema),
    summary: "Lịch nghỉ lễ, Tết dùng để tính ngày làm việc",
  },
  replaceHolidays: {
    method: "PUT",
    path: "/api/v1/year/holidays/:year",
    params: holidaysParams,
    body: replaceHolidaysBody,
    response: z.array(holidaySchema),
    summary: "Sửa lịch nghỉ lễ, Tết của một năm",
  },
  dueDate: {
    method: "GET",
    path: "/api/v1/year/holidays/due-date",
    query: dueDateQuery,
    response: dueDateSchema,
    summary: "Tính hạn theo ngày làm việc",
  },

  mau02Docx: {
    method: "GET",
    path: "/api/v1/reports/mau02/docx",
    query: mau02Query,
    ...download,
    summary: "Phiếu đánh giá, xếp loại chất lượng công chức (Mẫu 02) — DOCX",
  },
  mau02Pdf: {
    method: "GET",
    path: "/api/v1/reports/mau02/pdf",
    query: mau02Query,
    ...download,
    summary: "Phiếu đánh giá, xếp loại chất lượng công chức (Mẫu 02) — PDF",
  },
  decisionDraftDocx: {
    method: "GET",
    path: "/api/v1/reports/classification-decision/docx",
    query: classificationReportQuery,
    ...download,
    summary: "Dự thảo quyết định xếp loại kèm danh sách — DOCX",
  },
  classificationTableXlsx: {
    method: "GET",
    path: "/api/v1/reports/classification-table/xlsx",
    query: classificationReportQuery,
    ...download,
    summary: "Bảng xếp loại chất lượng công chức của cơ quan — XLSX",
  },
  provinceSummaryXlsx: {
    method: "GET",
    path: "/api/v1/reports/province-summary/xlsx",
    query: provinceSummaryQuery,
    ...download,
    summary: "Tổng hợp kết quả xếp loại theo cơ quan — XLSX",
  },
  implementationReportDocx: {
    method: "GET",
    path: "/api/v1/reports/implementation-report/docx",
    query: agencyYearQuery,
    ...download,
    summary: "Báo cáo kết quả thực hiện gửi Sở Nội vụ — DOCX",
  },
  getReportNarrative: {
    method: "GET",
    path: "/api/v1/year/report-narrative",
    query: agencyYearQuery,
    response: reportNarrativeSchema,
    summary: "Nội dung soạn thảo của báo cáo kết quả thực hiện",
  },
  updateReportNarrative: {
    method: "PUT",
    path: "/api/v1/year/report-narrative",
    query: agencyYearQuery,
    body: updateReportNarrativeBody,
    response: reportNarrativeSchema,
    summary: "Sửa nội dung báo cáo kết quả thực hiện",
  },
  nationalExport: {
    method: "GET",
    path: "/api/v1/year/national-export",
    query: nationalExportQuery,
    ...download,
    summary: "Xuất dữ liệu gửi Cơ sở dữ liệu quốc gia về CBCCVC (CSV/JSON) — Điều 26.1.d",
  },
  nationalExportLog: {
    method: "GET",
    path: "/api/v1/year/national-exports",
    query: nationalExportLogQuery,
    response: page(nationalExportLogSchema),
    summary: "Nhật ký dữ liệu đã xuất gửi Cơ sở dữ liệu quốc gia",
  },

  agencyYearDashboard: {
    method: "GET",
    path: "/api/v1/dashboards/agency",
    query: agencyYearQuery,
    response: agencyYearDashboardSchema,
    summary: "Bảng điều khiển của cơ quan: phân bố mức, xu hướng, so sánh đơn vị, chậm đánh giá",
  },
  provinceYearDashboard: {
    method: "GET",
    path: "/api/v1/dashboards/province",
    query: provinceYearDashboardQuery,
    response: provinceYearDashboardSchema,
    summary: "Bảng điều khiển toàn tỉnh: các cơ quan trên một trang",
  },
});
