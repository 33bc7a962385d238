import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { sendFile } from "../../http/send-file.ts";
import { XLSX_MIME } from "../../lib/xlsx.ts";
import { renderDivisionXlsx } from "../../reports/division-xlsx.ts";
import { DOCX_MIME } from "../../reports/docx-layout.ts";
import { renderMau01Docx } from "../../reports/mau01-docx.ts";
import { renderMau01Pdf } from "../../reports/mau01-pdf.ts";
import { PDF_MIME } from "../../reports/pdf-layout.ts";
import { SUMMARY_READERS } from "./policy.ts";
import * as service from "./service.ts";

export async function reportRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.mau01Docx, "session", async ({ actor, query, reply }) => {
    const { data, fileName } = await service.mau01(deps, actor, query.evaluationId);
    return sendFile(reply, await renderMau01Docx(data), DOCX_MIME, "docx", fileName);
  });
  route(app, endpoints.mau01Pdf, "session", async ({ actor, query, reply }) => {
    const { data, fileName } = await service.mau01(deps, actor, query.evaluationId);
    return sendFile(reply, await renderMau01Pdf(data), PDF_MIME, "pdf", fileName);
  });
  route(app, endpoints.divisionSummaryXlsx, SUMMARY_READERS, async ({ actor, query, reply }) => {
    const { data, fileName } = await service.divisionSummary(deps, actor, query);
    return sendFile(reply, await renderDivisionXlsx(data), XLSX_MIME, "xlsx", fileName);
  });
}
