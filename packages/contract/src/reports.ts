import { z } from "zod";
import { idSchema } from "./common.ts";
import { define } from "./endpoint.ts";

/**
 * Official outputs: Mẫu 01 (phiếu theo dõi, đánh giá công chức, Decree 335 Appendix II) as
 * DOCX in the Decree 30/2020 layout and as PDF, and the division summary of a period as XLSX.
 * Ids travel in the query so the web client's `download` can call them by name.
 */

export const mau01Query = z.object({ evaluationId: idSchema });

export const divisionSummaryQuery = z.object({
  periodId: idSchema,
  /** The division (or any unit) whose people are listed, with the units below it. */
  unitId: idSchema,
});

export const reportEndpoints = define({
  mau01Docx: {
    method: "GET",
    path: "/api/v1/reports/mau01/docx",
    query: mau01Query,
    response: z.unknown(),
    raw: "download",
    summary: "Tải phiếu theo dõi, đánh giá công chức (Mẫu 01) — DOCX",
  },
  mau01Pdf: {
    method: "GET",
    path: "/api/v1/reports/mau01/pdf",
    query: mau01Query,
    response: z.unknown(),
    raw: "download",
    summary: "Tải phiếu theo dõi, đánh giá công chức (Mẫu 01) — PDF",
  },
  divisionSummaryXlsx: {
    method: "GET",
    path: "/api/v1/reports/division-summary/xlsx",
    query: divisionSummaryQuery,
    response: z.unknown(),
    raw: "download",
    summary: "Tải bảng tổng hợp kết quả đánh giá của đơn vị trong kỳ — XLSX",
  },
});
