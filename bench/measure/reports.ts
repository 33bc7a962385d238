import { buildUrl, endpoints } from "@thuocdo/contract";
import { ApiSession } from "../../e2e/support/api.ts";
import { type ChildServer, peakDuring } from "../support/child.ts";

export interface ReportMeasure {
  name: string;
  bytes: number;
  ms: number[];
  /** Highest server RSS seen while each run was in flight, minus the RSS before it (bytes). */
  extraRss: number[];
}

async function download(app: ChildServer, headers: Record<string, string>, path: string, runs: number) {
  const ms: number[] = [];
  const extraRss: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const before = app.rss();
    const started = performance.now();
    const peak = await peakDuring(app, async () => {
      const response = await fetch(`${app.url}${path}`, { headers });
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      bytes = (await response.arrayBuffer()).byteLength;
    });
    ms.push(performance.now() - started);
    extraRss.push(peak - before);
  }
  return { bytes, ms, extraRss };
}

/**
 * Measure 4: the province summary XLSX (every agency's classification computed for it) and one
 * agency's classification decision DOCX with its annex, as the province's personnel office asks.
 */
export async function measureReports(
  app: ChildServer,
  options: { year: number; provinceId: string; agencyId: string; runs: number },
): Promise<ReportMeasure[]> {
  const hr = await ApiSession.login(app.url, "tinh.hr");
  const query = { year: options.year, agencyId: options.agencyId };
  // A second run finds the classification the first one opened.
  const existing = await hr.call("listClassifications", { query });
  const classification = existing.items[0] ?? (await hr.call("openClassification", { body: query }));
  const summary = await download(
    app,
    hr.headers(),
    buildUrl(endpoints.provinceSummaryXlsx.path, undefined, { year: options.year, unitId: options.provinceId }),
    options.runs,
  );
  const decision = await download(
    app,
    hr.headers(),
    buildUrl(endpoints.decisionDraftDocx.path, undefined, { classificationId: classification.id }),
    options.runs,
  );
  return [
    { name: "Tổng hợp kết quả xếp loại toàn tỉnh (XLSX)", ...summary },
    { name: "Dự thảo quyết định xếp loại một cơ quan, kèm danh sách (DOCX)", ...decision },
  ];
}
