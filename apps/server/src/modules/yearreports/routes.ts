import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { sendFile } from "../../http/send-file.ts";
import { XLSX_MIME } from "../../lib/xlsx.ts";
import { DOCX_MIME } from "../../reports/docx-layout.ts";
import { renderMau02Docx } from "../../reports/mau02-docx.ts";
import { renderMau02Pdf } from "../../reports/mau02-pdf.ts";
import { PDF_MIME } from "../../reports/pdf-layout.ts";
import { renderDecisionDraftDocx, renderImplementationReportDocx } from "../../reports/year-docx.ts";
import { renderClassificationXlsx, renderProvinceSummaryXlsx } from "../../reports/year-xlsx.ts";
import { YEAR_REPORT_READERS, YEAR_REPORT_WRITERS } from "./policy.ts";
import * as service from "./service.ts";

/** Mẫu 02, the decision draft, the tables, the implementation report and the national export. */
export async function yearReportRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.mau02Docx, "session", async ({ actor, query, reply }) => {
    const { data, fileName } = await service.mau02(deps, actor, query.classificationId, query.personId);
    return sendFile(reply, await renderMau02Docx(data), DOCX_MIME, "docx", fileName);
  });
  route(app, endpoints.mau02Pdf, "session", async ({ actor, query, reply }) => {
    const { data, fileName } = await service.mau02(deps, actor, query.classificationId, query.personId);
    return sendFile(reply, await renderMau02Pdf(data), PDF_MIME, "pdf", fileName);
  });
  route(app, endpoints.decisionDraftDocx, YEAR_REPORT_READERS, async ({ actor, query, reply }) => {
    const { data, fileName } = await service.decisionDraft(deps, actor, query.classificationId);
    return sendFile(reply, await renderDecisionDraftDocx(data), DOCX_MIME, "docx", fileName);
  });
  route(app, endpoints.classificationTableXlsx, YEAR_REPORT_READERS, async ({ actor, query, reply }) => {
    const { data, fileName } = await service.classificationTable(deps, actor, query.classificationId);
    return sendFile(reply, await renderClassificationXlsx(data), XLSX_MIME, "xlsx", fileName);
  });
  route(app, endpoints.provinceSummaryXlsx, YEAR_REPORT_READERS, async ({ actor, query, reply }) => {
    const { data, fileName } = await service.provinceSummary(deps, actor, query);
    return sendFile(reply, await renderProvinceSummaryXlsx(data), XLSX_MIME, "xlsx", fileName);
  });
  route(app, endpoints.implementationReportDocx, YEAR_REPORT_READERS, async ({ actor, query, reply }) => {
    const { data, fileName } = await service.implementationReport(deps, actor, query);
    return sendFile(reply, await renderImplementationReportDocx(data), DOCX_MIME, "docx", fileName);
  });
  route(app, endpoints.getReportNarrative, YEAR_REPORT_READERS, ({ actor, query }) =>
    service.getNarrative(deps, actor, query),
  );
  route(app, endpoints.updateReportNarrative, YEAR_REPORT_WRITERS, ({ actor, query, body }) =>
    service.updateNarrative(deps, actor, query, body),
  );
  route(app, endpoints.nationalExport, ["hr", "admin"], async ({ actor, query, reply }) => {
    const file = await service.nationalExport(deps, actor, query);
    return sendFile(reply, file.content, file.mime, file.extension, file.fileName);
  });
  route(app, endpoints.nationalExportLog, ["hr", "admin"], ({ actor, query }) => service.exportLog(deps, actor, query));
}
