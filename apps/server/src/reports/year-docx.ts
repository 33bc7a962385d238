import { renderOfficialDocx } from "./docx-layout.ts";
import { type DecisionDraftData, decisionDraftDocument } from "./year-decision-content.ts";
import { type ImplementationReportData, implementationReportDocument } from "./year-report-content.ts";

export const renderDecisionDraftDocx = (data: DecisionDraftData): Promise<Buffer> =>
  renderOfficialDocx(decisionDraftDocument(data));

export const renderImplementationReportDocx = (data: ImplementationReportData): Promise<Buffer> =>
  renderOfficialDocx(implementationReportDocument(data));
