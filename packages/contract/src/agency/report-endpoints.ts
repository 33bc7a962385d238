import { z } from "zod";
import { page } from "../common.ts";
import { define, idParams } from "../endpoint.ts";
import { cycleParams } from "./cycle-endpoints.ts";
import { agencyEvaluationDashboardQuery, agencyEvaluationDashboardSchema } from "./dashboard.ts";
import { agencyReportFormatQuery, publicAgencyResultSchema, publicResultsQuery } from "./results.ts";

/* ───────────── Endpoints: reports, dashboard, public results ───────────── */

export const agencyReportEndpoints = define({
  rankingReport: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id/reports/ranking",
    params: cycleParams,
    query: agencyReportFormatQuery,
    response: z.unknown(),
    raw: "download",
    summary: "Bảng xếp hạng theo nhóm (XLSX, DOCX)",
  },
  minutesReport: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id/reports/minutes",
    params: cycleParams,
    response: z.unknown(),
    raw: "download",
    summary: "Biên bản họp Hội đồng thẩm định (DOCX)",
  },
  annexReport: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id/reports/annex",
    params: cycleParams,
    response: z.unknown(),
    raw: "download",
    summary: "Phụ lục kèm quyết định (DOCX)",
  },
  scoreSheetReport: {
    method: "GET",
    path: "/api/v1/agency/assessments/:id/reports/score-sheet",
    params: idParams,
    query: agencyReportFormatQuery,
    response: z.unknown(),
    raw: "download",
    summary: "Bảng điểm của cơ quan (DOCX, PDF)",
  },
  agencyDashboard: {
    method: "GET",
    path: "/api/v1/agency/dashboard",
    query: agencyEvaluationDashboardQuery,
    response: agencyEvaluationDashboardSchema,
    summary: "So sánh cơ quan và tiêu chí bị trừ nhiều điểm",
  },

  publicAgencyResults: {
    method: "GET",
    path: "/api/v1/public/agency-results",
    query: publicResultsQuery,
    response: page(publicAgencyResultSchema),
    summary: "Kết quả xếp loại cơ quan đã công bố (công khai)",
  },
});
